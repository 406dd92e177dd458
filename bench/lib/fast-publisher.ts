// Publishes many real updates for a document quickly, as the device of a stopped client (its vault,
// keys, epoch key and verified snapshot): each update encrypted and signed exactly as the engine
// seals them (sealEnvelope), pipelined instead of one at a time, and optionally a snapshot every
// `snapshotEvery` updates as the engine would make. Used to build history for catch-up.
import * as Y from 'yjs';
import type { AuthorClock, EnvelopeHeader } from '../../src-shared/protocol/envelope';
import { fromHex, randomBytes, sign as signWith } from '../../src-main/core/crypto/sodium';
import { documentKey } from '../../src-main/core/groups/group-crypto';
import { loadGroups } from '../../src-main/core/groups/group-store';
import {
  getDeviceIdentity,
  withDeviceSecretKeys,
} from '../../src-main/core/identity/device-identity';
import type { VerifierState } from '../../src-main/core/sync/document-verifier';
import { sealEnvelope, snapshotProof } from '../../src-main/core/sync/envelope-crypto';
import { loadDoc } from '../../src-main/core/sync/outbox';
import { createRelayConnection } from '../../src-main/core/sync/relay-connection';
import type { OpenVault } from '../../src-main/core/vault/vault';
import { waitFor } from './stats';

const WINDOW = 32;

/** Publishes `updates` (Yjs V2) in order; returns the Y.Doc holding the result. */
export async function publishMany(
  vault: OpenVault,
  relayUrl: string,
  updates: readonly Uint8Array[],
  snapshotEvery: number,
): Promise<Y.Doc> {
  const db = vault.db;
  const identity = getDeviceIdentity(db);
  const me = fromHex(identity.signingPublicKey);
  const meHex = identity.signingPublicKey;
  const group = loadGroups(db, relayUrl)[0];
  if (!group) throw new Error('no group in the vault');
  const stored = loadDoc(db, group.docId);
  if (!stored) throw new Error('no document in the vault');
  const verifier: VerifierState = stored.verifier;
  if (!verifier.active) throw new Error('no active snapshot');
  const epoch = Math.max(...group.epochKeys.keys());
  const epochKey = group.epochKeys.get(epoch) as Uint8Array;
  const key = documentKey(epochKey, group.groupId, group.docId, epoch);
  const sign = (m: Uint8Array): Uint8Array =>
    withDeviceSecretKeys(db, (k) => signWith(k.signingSecretKey, m));
  const doc = new Y.Doc();
  for (const u of stored.updates) Y.applyUpdateV2(doc, u);

  let active = {
    id: fromHex(verifier.active.id),
    proof: fromHex(verifier.active.proof),
    generation: verifier.active.generation,
  };
  const clocks = new Map<string, number>(Object.entries(verifier.clocks));
  const log = { length: group.state.length, head: group.state.headHash };
  let connected = false;
  const connection = createRelayConnection({
    url: relayUrl,
    device: me,
    sign,
    onStatus: () => undefined,
    onConnected: () => {
      connected = true;
    },
    onFrame: () => undefined,
  });
  await waitFor('publisher connection', () => connected, 30_000);
  try {
    let inFlight: Promise<unknown>[] = [];
    let sinceSnapshot = [...clocks.values()].reduce((a, b) => a + b, 0);
    for (const update of updates) {
      Y.applyUpdateV2(doc, update);
      const clock = (clocks.get(meHex) ?? 0) + 1;
      clocks.set(meHex, clock);
      const header: EnvelopeHeader = {
        kind: 'update',
        groupId: group.groupId,
        docId: group.docId,
        epoch,
        snapshotId: active.id,
        author: me,
        clock,
        log,
        basis: { generation: active.generation, proof: active.proof },
        snapshot: null,
      };
      inFlight.push(
        connection.request({
          type: 'publish',
          envelope: sealEnvelope(header, update, key, sign).bytes,
        }),
      );
      if (inFlight.length >= WINDOW) {
        await Promise.all(inFlight);
        inFlight = [];
      }
      if (++sinceSnapshot >= snapshotEvery) {
        await Promise.all(inFlight);
        inFlight = [];
        sinceSnapshot = 0;
        const snapshotId = randomBytes(16);
        const parentClocks: AuthorClock[] = [...clocks].map(([author, c]) => ({
          author: fromHex(author),
          clock: c,
        }));
        const header: EnvelopeHeader = {
          kind: 'snapshot',
          groupId: group.groupId,
          docId: group.docId,
          epoch,
          snapshotId,
          author: me,
          clock: 0,
          log,
          basis: null,
          snapshot: {
            parentId: active.id,
            parentProof: active.proof,
            generation: active.generation + 1,
            parentClocks,
          },
        };
        const sealed = sealEnvelope(header, Y.encodeStateAsUpdateV2(doc), key, sign);
        await connection.request({ type: 'publish', envelope: sealed.bytes });
        active = {
          id: snapshotId,
          proof: snapshotProof(active.proof, snapshotId, sealed.ciphertextHash),
          generation: active.generation + 1,
        };
        clocks.clear();
      }
    }
    await Promise.all(inFlight);
  } finally {
    await connection.close();
  }
  return doc;
}
