// A relay on PostgreSQL whose database connection dies in the middle of a transaction (a restart, a
// failover, an operator's pg_terminate_backend): the publish under way fails, and the relay goes
// on serving. Unheard, the dying connection's 'error' event used to end the relay's process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelay } from '../../server/relay';
import { openPgStore } from '../../server/store/pg-store';
import { postgresAvailable, startPostgres } from '../support/pg-instance';
import { createDoc, createGroup, newDevice, RelayTestClient } from '../support/relay-test-client';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!postgresAvailable())('a relay on PostgreSQL', () => {
  it('survives its connection killed mid-transaction, and the next publish is stored', async () => {
    const server = await startPostgres();
    cleanups.push(() => server.stop());
    const url = await server.createDatabase();
    const store = await openPgStore({ url, max: 2 });
    const relay = await startRelay({
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'suviaz-relay-')),
      store,
      log: () => undefined,
    });
    cleanups.push(() => relay.close());
    const admin = newDevice();
    const client = await RelayTestClient.connect(relay.url, admin);
    cleanups.push(() => client.close());
    const log = await createGroup(client, admin);
    const { doc } = await createDoc(client, admin, log);

    // An operator holds the group's row, so the next publish waits inside its transaction.
    const operator = new pg.Client({ connectionString: url });
    await operator.connect();
    cleanups.push(() => operator.end());
    await operator.query('BEGIN');
    await operator.query('SELECT * FROM groups FOR UPDATE');
    const first = doc.update(admin);
    const waiting = client.request({ type: 'publish', envelope: first.bytes });
    let blocked: number | undefined;
    for (let i = 0; i < 200 && blocked === undefined; i++) {
      const rows = await operator.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'suviaz-relay' AND wait_event_type = 'Lock'",
      );
      blocked = rows.rows[0]?.pid;
      if (blocked === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(blocked).toBeDefined();
    await operator.query('SELECT pg_terminate_backend($1)', [blocked]);
    await operator.query('ROLLBACK');

    // That publish fails (it was not stored); the relay is still there for the retry.
    expect(await waiting).toMatchObject({ type: 'error' });
    expect(await client.request({ type: 'publish', envelope: first.bytes })).toMatchObject({
      type: 'ack',
      seq: 2,
    });
  });
});
