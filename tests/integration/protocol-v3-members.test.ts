// Protocol v3 against members who turn (or are turned): a member's modified app that signs content
// no Yjs can read, a removed member writing with its old epoch through a colluding relay, a device
// added without being asked, and a stranger holding an intercepted invite link.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../src-shared/protocol/bytes';
import { decodeEnvelope } from '../../src-shared/protocol/envelope';
import { decodeClientFrame, decodeRelayFrame } from '../../src-shared/protocol/frames';
import { inviteFetchSigningBytes } from '../../src-shared/protocol/invite-fetch';
import { fromHex, sign, signingKeyPairFromSeed } from '../../src-main/core/crypto/sodium';
import { encodeDeviceCode } from '../../src-main/core/groups/device-code';
import { documentKey } from '../../src-main/core/groups/group-crypto';
import { parseInviteLink } from '../../src-main/core/groups/invite-link';
import { openInviteMaterial } from '../../src-main/core/groups/invite-material';
import { decryptEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { loadDoc } from '../../src-main/core/sync/outbox';
import { uniqueCanary } from '../support/canary-scan';
import { startMaliciousRelay } from '../support/malicious-relay';
import { memberUpdate, signerOf, yUpdate } from '../support/member-forgery';
import { newDevice, RelayTestClient } from '../support/relay-test-client';
import {
  addAndAccept,
  cleanups,
  client,
  connectedAll,
  myDeviceKey,
  relayOn,
  runCleanups,
  storedGroup,
  threeInSpace,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const relayDir = () => mkdtempSync(join(tmpdir(), 'suviaz-v3-'));

const reasonsOf = (c: Client) => c.engine.state().warnings.map((w) => w.reason);

/** The document envelopes a captured frame carries, either way (what the relay stores or sends). */
function envelopesIn(raw: Uint8Array): Uint8Array[] {
  try {
    const frame = decodeClientFrame(raw);
    if (frame.type === 'publish' || frame.type === 'ephemeral') return [frame.envelope];
    return [];
  } catch {
    // Not a client frame: try the relay's.
  }
  try {
    const frame = decodeRelayFrame(raw);
    if (frame.type === 'deliver' || frame.type === 'ephemeral') return [frame.envelope];
  } catch {
    // A frame that is neither: nothing to attack.
  }
  return [];
}

describe('protocol v3: a member’s modified app', () => {
  it('cannot crash or wedge the others with content that is not an update, and is named', async () => {
    const relay = await relayOn(relayDir());
    const alice = await client(relay.url);
    const bob = await client(relay.url);
    for (const c of [alice, bob])
      await waitFor('connected', () => c.last?.connection === 'connected');
    const space = await alice.engine.createSpace('Hrodna');
    await addAndAccept(alice, bob, space.id, 'editor');
    const mallory = newDevice();
    await alice.engine.addMember(
      space.id,
      encodeDeviceCode({ signingKey: mallory.key, boxKey: mallory.boxKey }),
      'editor',
    );
    for (const c of [alice, bob]) c.open(space.docId);
    await waitFor('the first snapshot', () =>
      Boolean(loadDoc(alice.vault.db, fromHex(space.docId))?.verifier.active),
    );
    const raw = await RelayTestClient.connect(relay.url, mallory);
    cleanups.push(() => raw.close());
    const garbage = new Uint8Array([0, 1, 2, 200, 7, 7]);
    const poisoned = memberUpdate(alice, relay.url, space.id, mallory, 1, garbage);
    expect((await raw.request({ type: 'publish', envelope: poisoned })).type).toBe('ack');

    const malloryHex = toHex(mallory.key);
    for (const c of [alice, bob]) {
      await waitFor('the bad-update warning', () =>
        c.engine
          .state()
          .warnings.some((w) => w.reason === 'bad-update' && w.deviceKey === malloryHex),
      );
    }
    // Counted in Mallory's clock: her next, readable update applies everywhere.
    const honest = memberUpdate(alice, relay.url, space.id, mallory, 2, yUpdate('after'));
    expect((await raw.request({ type: 'publish', envelope: honest })).type).toBe('ack');
    await waitFor(
      'both read the next update',
      () => alice.text() === 'after' && bob.text() === 'after',
    );
    // And the document goes on for everyone else.
    bob.doc.getText('t').insert(0, 'Bob: ');
    await waitFor('alice has bob’s edit', () => alice.text() === 'Bob: after');
  });
});

describe('protocol v3: a removed member and a colluding relay', () => {
  it('every client refuses what the removed member signs with its old epoch', async () => {
    const relay = await relayOn(relayDir());
    const proxy = await startMaliciousRelay(relay.url);
    cleanups.push(() => proxy.close());
    const { alice, bob, carol, space } = await threeInSpace(proxy.url);
    alice.doc.getText('t').insert(0, 'plan');
    await waitFor('all have it', () => [bob, carol].every((c) => c.text() === 'plan'));
    const carolHex = myDeviceKey(carol);
    // What Carol's app holds before her removal: her key, the log as she saw it, epoch 0's key.
    const carolView = storedGroup(carol, proxy.url, space.id);
    const carolSigns = signerOf(carol);

    await alice.engine.removeMember(space.id, carolHex);
    const docId = fromHex(space.docId);
    const epochOfActive = (c: Client) => loadDoc(c.vault.db, docId)?.verifier.active?.epoch;
    await waitFor('the new-epoch snapshot', () =>
      [alice, bob].every((c) => epochOfActive(c) === 1),
    );

    // Carol's modified app: an update in epoch 0 (whose key she holds), naming her last log,
    // on the snapshot the others are on now; the relay delivers it to everyone.
    const forged = memberUpdate(
      alice,
      proxy.url,
      space.id,
      carolSigns,
      1,
      yUpdate('carol was here'),
      {
        epoch: 0,
        log: { length: carolView.state.length, head: carolView.state.headHash },
      },
    );
    expect(decodeEnvelope(forged).header.epoch).toBe(0);
    for (const conn of proxy.connections) {
      if (conn.device !== carolHex) conn.inject({ type: 'deliver', seq: 10_000, envelope: forged });
    }
    for (const c of [alice, bob]) {
      await waitFor('the forged warning', () => reasonsOf(c).includes('forged'));
      expect(c.text()).toBe('plan');
    }
  });
});

describe('protocol v3: consent', () => {
  it('a device added by its code sees an invitation, syncs nothing until it accepts, and can decline', async () => {
    const relay = await relayOn(relayDir());
    const alice = await client(relay.url);
    const bob = await client(relay.url);
    for (const c of [alice, bob])
      await waitFor('connected', () => c.last?.connection === 'connected');
    const space = await alice.engine.createSpace('Warsaw office');
    alice.open(space.docId);
    alice.doc.getText('t').insert(0, 'not yet for bob');
    await alice.engine.addMember(space.id, bob.engine.myDeviceCode(), 'editor');
    await waitFor('the invitation', () => bob.engine.listSpaces()[0]?.status === 'invited');
    expect(bob.engine.listSpaces()[0]?.name).toBe('Warsaw office');
    // Nothing of the space is opened or stored on Bob's side while it is only an invitation.
    expect(loadDoc(bob.vault.db, fromHex(space.docId))).toBeNull();

    await bob.engine.declineInvitation(space.id);
    expect(bob.engine.listSpaces()).toEqual([]);
    await waitFor(
      'alice sees bob gone',
      () => (alice.engine.listSpaces()[0]?.members.length ?? 0) === 1,
    );
  });
});

describe('protocol v3: an intercepted invite link', () => {
  it('together with everything the relay holds, reads nothing', async () => {
    const relay = await relayOn(relayDir());
    const proxy = await startMaliciousRelay(relay.url);
    cleanups.push(() => proxy.close());
    const alice = await client(proxy.url);
    await connectedAll([alice]);
    const space = await alice.engine.createSpace('Court decisions');
    alice.open(space.docId);
    const canary = uniqueCanary('invite');
    alice.doc.getText('t').insert(0, canary);
    await waitFor('acknowledged', () => alice.engine.state().pending === 0);
    const invite = await alice.engine.createInvite(space.id, 'editor', 7);

    // The interceptor: the link, its own device, and every frame the relay ever carried.
    const link = parseInviteLink(invite.link);
    const inviteKeys = signingKeyPairFromSeed(link.seed);
    const thief = newDevice();
    const raw = await RelayTestClient.connect(relay.url, thief);
    cleanups.push(() => raw.close());
    const answer = await raw.request({
      type: 'inviteFetch',
      groupId: link.groupId,
      inviteKey: inviteKeys.publicKey,
      fromIndex: 0,
      signature: sign(
        inviteKeys.secretKey,
        inviteFetchSigningBytes(link.groupId, inviteKeys.publicKey, thief.key),
      ),
    });
    if (answer.type !== 'invite') throw new Error(`no invite material: ${answer.type}`);
    const material = openInviteMaterial(
      link.seed,
      link.groupId,
      inviteKeys.publicKey,
      answer.material,
    );
    // Every 32-byte value the material holds is tried as an epoch key, for every epoch.
    const candidates = Object.values(material as unknown as Record<string, unknown>)
      .flatMap((v) => (typeof v === 'object' && v ? Object.values(v) : [v]))
      .filter((v): v is string => typeof v === 'string')
      .map((v) => new Uint8Array(Buffer.from(v, 'base64')))
      .filter((k) => k.length === 32);
    const envelopes = proxy.captured.flatMap(envelopesIn);
    expect(envelopes.length).toBeGreaterThan(0);
    let read = 0;
    for (const bytes of envelopes) {
      const envelope = decodeEnvelope(bytes);
      for (const key of candidates) {
        const docKey = documentKey(key, link.groupId, fromHex(space.docId), envelope.header.epoch);
        if (decryptEnvelope(envelope, docKey)) read++;
      }
    }
    expect(read).toBe(0);
    expect(candidates).toEqual([]);
    expect(Object.keys(material).sort()).toEqual(['docId', 'genesis']);
    for (const frame of proxy.captured) {
      expect(Buffer.from(frame).toString('latin1').includes(canary)).toBe(false);
    }
  });
});
