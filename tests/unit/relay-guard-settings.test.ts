// Relay settings added for a hostile network: the metrics token (from --metrics-token or its
// variable, refused when too weak to guard anything, passed to the relay, whose /metrics answers
// only its bearer) and the relay-wide connection limit.
import { describe, expect, it } from 'vitest';
import { parseConfig, relayOptionsFrom } from '../../server/config';
import { configProblem } from '../support/relay-config-problem';

const token = 'b7f0c2e9a4d16e53c8a1';

const problem = (argv: string[]) => configProblem(argv);

describe('relay metrics token setting', () => {
  it('is off unless given, and reaches the relay from the flag or the environment', () => {
    const none = parseConfig([], {});
    expect(none && relayOptionsFrom(none).metricsToken).toBeUndefined();
    const flagged = parseConfig(['--metrics-token', token], {});
    expect(flagged && relayOptionsFrom(flagged).metricsToken).toBe(token);
    const fromEnv = parseConfig([], { SUVIAZ_RELAY_METRICS_TOKEN: token });
    expect(fromEnv && relayOptionsFrom(fromEnv).metricsToken).toBe(token);
  });

  it('refuses a short token or one with spaces, naming the setting', () => {
    expect(problem(['--metrics-token', 'secret'])).toContain(
      '--metrics-token / SUVIAZ_RELAY_METRICS_TOKEN: must be at least 16 characters',
    );
    expect(problem(['--metrics-token', 'a token with spaces in it'])).toContain('without spaces');
  });
});

describe('relay connection limit setting', () => {
  it('takes --max-connections or its variable, and refuses nonsense', () => {
    const given = parseConfig(['--max-connections', '300'], {});
    expect(given && relayOptionsFrom(given).limits?.maxConnections).toBe(300);
    const fromEnv = parseConfig([], { SUVIAZ_RELAY_MAX_CONNECTIONS: '42' });
    expect(fromEnv && relayOptionsFrom(fromEnv).limits?.maxConnections).toBe(42);
    expect(problem(['--max-connections', '0'])).toContain('--max-connections');
  });
});
