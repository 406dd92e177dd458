// The node flags the relay runs with, read from package.json's `relay` script: the bench's relay,
// the tests' relay processes and docs/deploy's unit all start it as `npm run relay` does.
import { readFileSync } from 'node:fs';

/**
 * The node flags `npm run relay` starts the relay with (package.json's `relay` script, the one place
 * they are written; docs/deploy's unit repeats them, and a test holds the two together), so the bench
 * and the tests run the relay as an operator does.
 */
export function relayNodeFlags(
  packageJson: string | URL = new URL('../../package.json', import.meta.url),
): string[] {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts?: { relay?: string } };
  const words = (pkg.scripts?.relay ?? '').trim().split(/\s+/);
  const imports = words.indexOf('--import');
  if (words[0] !== 'node' || imports < 0) {
    throw new Error(`package.json's relay script is not "node [flags] --import tsx …"`);
  }
  return words.slice(1, imports);
}
