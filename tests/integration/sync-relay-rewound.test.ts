// A relay restored from a backup (or a hostile one) that no longer holds messages its members saw:
// the members are told, their sync does not wedge, and what the relay lost comes back to it from a
// member who still has it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../../server/relay';
import { fromHex } from '../../src-main/core/crypto/sodium';
import { loadDoc } from '../../src-main/core/sync/outbox';
import { toHex } from '../../src-shared/protocol/bytes';
import { decodeEnvelope, decodeSnapshotLink } from '../../src-shared/protocol/envelope';
import { decodeClientFrame, encodeRelayFrame } from '../../src-shared/protocol/frames';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { startMaliciousRelay } from '../support/malicious-relay';
import { memberUpdate, signerOf, yUpdate } from '../support/member-forgery';
import {
  cleanups,
  client,
  myDeviceKey,
  storedGroup,
  threeInSpace,
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

/**
 * Carol goes offline having seen everything; the relay is restored from a backup; Alice and Bob go
 * on until the relay's last seq passes Carol's. `snapshotEvery`: Alice's compaction pace, small to
 * move the relay's active snapshot past the message Carol saw last.
 */
async function offlineThroughRewind(snapshotEvery?: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const backup = mkdtempSync(join(tmpdir(), 'suviaz-backup-'));
  let relay = await relayOn(dataDir);
  const [alice, bob, carol] = [
    await client(relay.url, undefined, snapshotEvery ? { snapshotEvery } : undefined),
    await client(relay.url),
    await client(relay.url),
  ];
  await sharedSpace([alice, bob, carol]);
  alice.doc.getText('t').insert(0, 'one ');
  await waitFor('everyone has the first edit', () =>
    [bob, carol].every((c) => c.text() === 'one '),
  );
  relay = await restart(relay, dataDir);
  cpSync(dataDir, backup, { recursive: true });
  await reconnected([alice, bob, carol]);
  alice.doc.getText('t').insert(4, 'two ');
  await waitFor('everyone has the second edit', () =>
    [alice, bob, carol].every((c) => c.text() === 'one two '),
  );
  bob.doc.getText('t').insert(0, '[bob] ');
  await waitFor('everyone has Bob’s edit', () =>
    [alice, bob, carol].every((c) => c.text() === '[bob] one two '),
  );
  await carol.stop();
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(backup, dataDir, { recursive: true });
  relay = await relayOn(dataDir, Number(new URL(relay.url).port));
  await reconnected([alice, bob]);
  await waitFor('Alice and Bob are told', () => rewound(alice) && rewound(bob));
  // Enough new messages that the relay's last seq passes the one Carol saw.
  for (let i = 0; i < 6; i++) {
    const writer = i % 2 ? bob : alice;
    writer.doc.getText('t').insert(writer.text().length, `${i}`);
    const text = writer.text();
    await waitFor('Alice and Bob agree', () => [alice, bob].every((c) => c.text() === text));
  }

  const carolAgain = await client(relay.url, carol.dir);
  carolAgain.open(carol.docId ?? '');
  await waitFor('Carol has everything', () => carolAgain.text() === alice.text());
  await waitFor('Carol is told', () => rewound(carolAgain));
  // And her edits go out again.
  carolAgain.doc.getText('t').insert(0, '[carol] ');
  await waitFor('Alice has Carol’s edit', () => alice.text().startsWith('[carol] '));
}

describe('a member offline while the relay lost messages and then moved past them', () => {
  it('sees another message at its last seq, starts over, and gets everything', async () => {
    await offlineThroughRewind();
  });

  it('meets a snapshot chain that does not extend its own, and starts over too', async () => {
    await offlineThroughRewind(2);
  });
});

describe('a repair the relay could not take yet', () => {
  it('is still owed after the app restarts, and brings the lost edits to the others', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const backup = mkdtempSync(join(tmpdir(), 'suviaz-backup-'));
    let relay = await relayOn(dataDir);
    const hostile = await startMaliciousRelay(relay.url);
    cleanups.push(() => hostile.close());
    let refusing = false;
    let refused = 0;
    hostile.toRelay = (frame, _raw, conn) => {
      if (!refusing || frame.type !== 'publish') return 'pass';
      if (decodeEnvelope(frame.envelope).header.kind !== 'snapshot') return 'pass';
      refused++;
      conn.inject({
        type: 'error',
        requestId: frame.requestId,
        code: RelayError.quotaBytes,
        message: '',
      });
      return [];
    };
    let acks = 0;
    hostile.toClient = (frame) => {
      if (frame.type === 'ack') acks++;
      return 'pass';
    };
    const [alice, carol] = [await client(hostile.url), await client(hostile.url)];
    await sharedSpace([alice, carol]);
    alice.doc.getText('t').insert(0, 'one ');
    await waitFor('Carol has the first edit', () => carol.text() === 'one ');
    await carol.stop();
    relay = await restart(relay, dataDir);
    cpSync(dataDir, backup, { recursive: true });
    await reconnected([alice]);
    const acked = acks;
    alice.doc.getText('t').insert(4, 'two');
    await waitFor('the edit is acknowledged', () => acks > acked);

    // Restored from the backup; the relay refuses Alice's repair (its disk quota, say).
    refusing = true;
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(backup, dataDir, { recursive: true });
    await relayOn(dataDir, Number(new URL(relay.url).port));
    await reconnected([alice]);
    await waitFor('Alice is told', () => rewound(alice));
    await waitFor('her repair is refused', () => refused > 0);
    await alice.stop();

    // Alice starts the app again; the relay takes snapshots again.
    refusing = false;
    const aliceAgain = await client(hostile.url, alice.dir);
    aliceAgain.open(alice.docId ?? '');
    await waitFor('Alice’s copy is back', () => aliceAgain.text() === 'one two');
    const carolAgain = await client(hostile.url, carol.dir);
    carolAgain.open(carol.docId ?? '');
    await waitFor('Carol gets the lost edit', () => carolAgain.text() === 'one two');
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

describe('a relay that rewinds to before a removal, with the removed member', () => {
  it('cannot make the others take what the removed member writes at its old position', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const hostile = await startMaliciousRelay(relay.url);
    cleanups.push(() => hostile.close());
    const { alice, bob, carol, space } = await threeInSpace(hostile.url);
    alice.doc.getText('t').insert(0, 'plan');
    await waitFor('all have it', () => [bob, carol].every((c) => c.text() === 'plan'));
    const docId = fromHex(space.docId);
    const activeOf = (c: Client) => loadDoc(c.vault.db, docId)?.verifier.active;
    // What Carol's app keeps before her removal: her key, the log she saw, the first snapshot.
    const carolSigns = signerOf(carol);
    const carolView = storedGroup(carol, hostile.url, space.id);
    const first = activeOf(bob);
    if (!first) throw new Error('no first snapshot');
    // The relay's copy of that first snapshot, as Alice published it.
    const firstSnapshot = hostile.captured
      .flatMap((raw) => {
        try {
          const frame = decodeClientFrame(raw);
          return frame.type === 'publish' ? [frame.envelope] : [];
        } catch {
          return [];
        }
      })
      .find((bytes) => toHex(decodeEnvelope(bytes).header.snapshotId) === first.id);
    if (!firstSnapshot) throw new Error('the first snapshot was not captured');

    await alice.engine.removeMember(space.id, myDeviceKey(carol));
    await waitFor('the snapshot after the removal', () =>
      [alice, bob].every((c) => activeOf(c)?.epoch === 1),
    );

    // Bob's next catch-up: the relay claims to have lost everything after the first snapshot,
    // serves that one as its active snapshot, and keeps back the one made after the removal.
    const bobHex = myDeviceKey(bob);
    let rewinding = true;
    hostile.toClient = (frame, _raw, conn) => {
      if (conn.device !== bobHex) return 'pass';
      if (frame.type === 'caughtUp' && rewinding) {
        rewinding = false;
        return [encodeRelayFrame({ ...frame, seq: 0 })];
      }
      if (frame.type === 'snapshotLink') {
        const header = decodeSnapshotLink(frame.link).header;
        if (toHex(header.snapshotId) !== first.id) return [];
        return [encodeRelayFrame({ type: 'deliver', seq: frame.seq, envelope: firstSnapshot })];
      }
      if (frame.type === 'deliver' && decodeEnvelope(frame.envelope).header.epoch > 0) return [];
      return 'pass';
    };
    hostile.connections.find((c) => c.device === bobHex)?.drop();
    await waitFor('Bob is told', () => rewound(bob));
    await waitFor('Bob is back on the first snapshot', () => !rewinding);

    // Carol's modified app writes on that snapshot, at the position where she could still write.
    const forged = memberUpdate(
      alice,
      hostile.url,
      space.id,
      carolSigns,
      1,
      yUpdate('carol was here '),
      { epoch: 0, log: { length: carolView.state.length, head: carolView.state.headHash } },
      first,
    );
    for (const conn of hostile.connections) {
      if (conn.device === bobHex) conn.inject({ type: 'deliver', seq: 10_000, envelope: forged });
    }
    const ignored = () => (bob.last?.warnings ?? []).some((w) => w.reason === 'old-position');
    await waitFor('Bob ignores it or applies it', () => ignored() || bob.text() !== 'plan');
    expect(bob.text()).toBe('plan');
    expect(ignored()).toBe(true);
  });

  it('still follows honest history a member wrote before leaving', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const hostile = await startMaliciousRelay(relay.url);
    cleanups.push(() => hostile.close());
    // Carol compacts after every third update: her snapshot is in the history before she goes.
    const { alice, bob, carol, space } = await threeInSpace(hostile.url, [
      undefined,
      undefined,
      { snapshotEvery: 3 },
    ]);
    const docId = fromHex(space.docId);
    const activeOf = (c: Client) => loadDoc(c.vault.db, docId)?.verifier.active;
    const carolHex = myDeviceKey(carol);
    for (const word of ['a', 'b', 'c', 'd']) {
      carol.doc.getText('t').insert(carol.text().length, word);
      const text = carol.text();
      await waitFor('all have Carol’s edit', () => [alice, bob].every((c) => c.text() === text));
    }
    await waitFor('Carol’s snapshot is active', () =>
      [alice, bob].every((c) => activeOf(c)?.generation === 2),
    );
    await alice.engine.removeMember(space.id, carolHex);
    await waitFor('the snapshot after the removal', () =>
      [alice, bob].every((c) => activeOf(c)?.epoch === 1),
    );

    const bobHex = myDeviceKey(bob);
    let rewinding = true;
    hostile.toClient = (frame, _raw, conn) => {
      if (conn.device !== bobHex || frame.type !== 'caughtUp' || !rewinding) return 'pass';
      rewinding = false;
      return [encodeRelayFrame({ ...frame, seq: 0 })];
    };
    hostile.connections.find((c) => c.device === bobHex)?.drop();
    await waitFor('Bob is told', () => rewound(bob));
    alice.doc.getText('t').insert(0, 'after ');
    await waitFor('Bob has Alice’s new edit', () => bob.text() === alice.text());
    expect(bob.text()).toBe('after abcd');
  });
});
