// A relay that refuses every publish as naming an old clock or snapshot: each refusal starts a new
// catch-up, since someone may have moved the document on; refused again and again without an ACK
// between, the catch-ups slow down instead of running at the network's speed, and the edit still
// goes out once the relay accepts it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { startMaliciousRelay } from '../support/malicious-relay';
import {
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

describe('a relay that refuses every publish as stale', () => {
  it('is asked again at a slowing pace, and gets the edit once it takes it', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const hostile = await startMaliciousRelay(relay.url);
    cleanups.push(() => hostile.close());
    let refusing = false;
    let refused = 0;
    let subscribes = 0;
    let acks = 0;
    // The relay never sees a refused publish: the operator answers it.
    hostile.toRelay = (frame, _raw, conn) => {
      if (frame.type === 'subscribe') subscribes++;
      if (frame.type !== 'publish' || !refusing) return 'pass';
      refused++;
      const code = refused % 2 ? RelayError.clockMismatch : RelayError.staleSnapshot;
      conn.inject({ type: 'error', requestId: frame.requestId, code, message: '' });
      return [];
    };
    hostile.toClient = (frame) => {
      if (frame.type === 'ack') acks++;
      return 'pass';
    };
    const alice = await client(hostile.url);
    await waitFor('connected', connected(alice));
    const space = await alice.engine.createSpace('Campaign plan');
    alice.open(space.docId);
    await waitFor('the first snapshot is acknowledged', () => acks === 1);

    refusing = true;
    alice.doc.getText('t').insert(0, 'kept');
    await waitFor('the first refusal', () => refused > 0);
    const before = subscribes;
    // Without a pace each refusal starts the next catch-up at once: hundreds in these seconds.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(subscribes - before).toBeLessThanOrEqual(8);

    refusing = false;
    await waitFor('Alice’s edit is acknowledged', () => acks >= 2, 40_000);
    await waitFor('nothing waits in Alice’s outbox', () => alice.last?.pending === 0);
  }, 60_000);
});
