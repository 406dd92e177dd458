// The relay-group-quotas suite again, on the PostgreSQL store: same tests, a fresh database each. Where the
// PostgreSQL server binaries are missing, the check below is skipped and says so.
import { expect, it } from 'vitest';
import { postgresAvailable } from '../support/pg-instance';
import { selectedRelayStore, selectRelayStore } from '../support/relay-stores';

const available = postgresAvailable();
if (available) {
  selectRelayStore('postgres');
  await import('./relay-group-quotas.test');
}

it.skipIf(!available)(
  'runs on PostgreSQL (skipped: needs the PostgreSQL server binaries, apt-get install postgresql)',
  () => expect(selectedRelayStore()).toBe('postgres'),
);
