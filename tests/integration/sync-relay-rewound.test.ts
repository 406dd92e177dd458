// A relay restored from a backup (or a hostile one) that no longer holds messages its members saw:
// the members are told, their sync does not wedge, and what the relay lost comes back to it from a
// member who still has it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../../server/relay';
import { encodeRelayFrame } from '../../src-shared/protocol/frames';
import { startMaliciousRelay } from '../support/malicious-relay';
import {
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const rewound = (c: Client): boolean =>
  (c.last?.warnings ?? []).some((w) => w.reason === 'relay-rewound');

/** Stops the relay and starts it again on the same port over `dataDir`'s files as they are now. */
async function restart(relay: RunningRelay, dataDir: string): Promise<RunningRelay> {
  const port = Number(new URL(relay.url).port);
  await relay.close();
  return relayOn(dataDir, port);
}

async function reconnected(clients: Client[]): Promise<void> {
  for (const c of clients) {
    c.engine.retryNow();
    await waitFor('connected again', connected(c));
  }
}

describe('a relay that lost messages its members saw', () => {
  it('is reported, and the members go on syncing with nothing lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const backup = mkdtempSync(join(tmpdir(), 'suviaz-backup-'));
    let relay = await relayOn(dataDir);
    const [alice, bob, carol] = [
      await client(relay.url),
      await client(relay.url),
      await client(relay.url),
    ];
    await sharedSpace([alice, bob, carol]);
    alice.doc.getText('t').insert(0, 'one ');
    await waitFor('everyone has the first edit', () =>
      [bob, carol].every((c) => c.text() === 'one '),
    );
    // Carol goes offline with only the first edit; the operator takes a backup.
    await carol.stop();
    relay = await restart(relay, dataDir);
    cpSync(dataDir, backup, { recursive: true });
    await reconnected([alice, bob]);

    alice.doc.getText('t').insert(4, 'two ');
    bob.doc.getText('t').insert(0, '[bob] ');
    await waitFor('both have both edits', () =>
      [alice, bob].every((c) => c.text() === '[bob] one two '),
    );

    // The relay's disk is restored from the backup: the second round of edits is gone from it.
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(backup, dataDir, { recursive: true });
    relay = await relayOn(dataDir, Number(new URL(relay.url).port));
    await reconnected([alice, bob]);
    await waitFor('Alice is told', () => rewound(alice));
    await waitFor('Bob is told', () => rewound(bob));

    // Both still write, and each sees the other's new edits.
    alice.doc.getText('t').insert(alice.text().length, 'three');
    bob.doc.getText('t').insert(0, '!');
    const expected = '![bob] one two three';
    await waitFor('Alice and Bob agree', () => [alice, bob].every((c) => c.text() === expected));

    // Carol, who never saw the lost edits, gets them from the relay again.
    const carolAgain = await client(relay.url, carol.dir);
    carolAgain.open(carol.docId ?? '');
    await waitFor('Carol has everything', () => carolAgain.text() === expected);
    expect(rewound(carolAgain)).toBe(false);
  });
});

describe('a relay that claims to have lost messages again and again', () => {
  it('cannot make a member catch up from the start in a loop', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(dataDir);
    const hostile = await startMaliciousRelay(relay.url);
    cleanups.push(() => hostile.close());
    let subscribes = 0;
    hostile.toRelay = (frame) => {
      if (frame.type === 'subscribe') subscribes++;
      return 'pass';
    };
    // Every catch-up ends "at seq 0", below the first snapshot the member has seen.
    let acks = 0;
    hostile.toClient = (frame) => {
      if (frame.type === 'ack') acks++;
      return frame.type === 'caughtUp' ? [encodeRelayFrame({ ...frame, seq: 0 })] : 'pass';
    };
    const alice = await client(hostile.url);
    await waitFor('connected', connected(alice));
    const space = await alice.engine.createSpace('Campaign plan');
    alice.open(space.docId);
    alice.doc.getText('t').insert(0, 'one');
    await waitFor('the first snapshot and the edit are acknowledged', () => acks === 2);
    // Alice's next catch-up (after a reconnect) ends below what she has seen.
    await restart(relay, dataDir);
    await reconnected([alice]);
    await waitFor('Alice is told', () => rewound(alice));
    const afterWarning = subscribes;
    // Without a limit each refusal starts the next catch-up at once: hundreds in these seconds.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(subscribes - afterWarning).toBeLessThanOrEqual(3);
  });
});
