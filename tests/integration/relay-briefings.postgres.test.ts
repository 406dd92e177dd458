// The relay-briefings suite again, on the PostgreSQL store: same tests, a fresh database each.
import { it } from 'vitest';
import { postgresAvailable } from '../support/pg-instance';
import { selectRelayStore } from '../support/relay-stores';

if (postgresAvailable()) {
  selectRelayStore('postgres');
  await import('./relay-briefings.test');
} else {
  it.skip('needs the PostgreSQL server binaries (apt-get install postgresql)', () => undefined);
}
