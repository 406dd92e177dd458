// What the relay's settings parser says is wrong with a command line: its ConfigError message, or
// null when it accepts it. For tests of the relay's flags.
import { expect } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config';

export function configProblem(argv: string[], env: NodeJS.ProcessEnv = {}): string | null {
  try {
    parseConfig(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  return null;
}
