// The sync-by-file scene the bundle tests share: A, B and C in one space with the relay down and
// A's words carried; and what a hostile device can make: any contents, signed and sealed as an
// exporter does, a log extended and signed at will, millions of empty entries.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import {
  AEAD_KEY_BYTES,
  aeadEncrypt,
  generateBoxKeyPair,
  randomBytes,
  sealToBoxKey,
  sign,
} from '../../src-main/core/crypto/sodium';
import type { StoredGroup } from '../../src-main/core/groups/group-store';
import { withDeviceSecretKeys } from '../../src-main/core/identity/device-identity';
import { LIMITS } from '../../src-shared/limits';
import {
  BUNDLE_VERSION,
  bundleSigningBytes,
  encodeBundleBody,
  encodeBundleFile,
  encodeBundlePrefix,
} from '../../src-shared/protocol/bundle';
import {
  encodeEntry,
  encodeEntryBody,
  entryHashInput,
  entrySigningBytes,
  type MembershipOp,
} from '../../src-shared/protocol/membership-entry';
import { sha256 } from './relay-test-client';
import { client, relayOn, sharedSpace, waitFor, type Client } from './sync-clients';

export const CARRIED = 'written where the relay is blocked';

export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'accepted';
}

/** A client's box key, to which a bundle for it is sealed. */
export function boxKeyOf(c: Client): Uint8Array {
  const row = c.vault.db
    .prepare<[], { k: Uint8Array }>('SELECT box_public_key AS k FROM device_identity')
    .get();
  return new Uint8Array(row?.k ?? []);
}

/** Signs as the client's device would: what a member turned hostile can sign. */
export function signerOf(c: Client): (m: Uint8Array) => Uint8Array {
  const secret = withDeviceSecretKeys(c.vault.db, (keys) => new Uint8Array(keys.signingSecretKey));
  return (m) => sign(secret, m);
}

/** Contents signed and sealed as an exporter does, whatever they hold: a hostile device's file. */
export function sealSigned(
  signed: Uint8Array,
  to: Uint8Array,
  signWith: (m: Uint8Array) => Uint8Array,
): Uint8Array {
  const key = randomBytes(AEAD_KEY_BYTES);
  const slots = [sealToBoxKey(to, key)];
  while (slots.length < LIMITS.bundle.minSlots) {
    slots.push(sealToBoxKey(generateBoxKeyPair().publicKey, randomBytes(AEAD_KEY_BYTES)));
  }
  const prefix = encodeBundlePrefix(slots);
  const body = encodeBundleBody(signed, signWith(bundleSigningBytes(signed)));
  const { nonce, ciphertext } = aeadEncrypt(key, body, prefix);
  return encodeBundleFile(prefix, nonce, ciphertext);
}

/** The signed part of a bundle listing `count` empty membership entries (one byte each). */
export function manyEmptyEntries(
  group: StoredGroup,
  exporter: Uint8Array,
  count: number,
  options: { truncated: boolean },
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeUint8(e, BUNDLE_VERSION);
    encoding.writeUint8Array(e, group.groupId);
    encoding.writeUint8Array(e, group.docId);
    encoding.writeUint8Array(e, exporter);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, Date.now());
    encoding.writeVarUint(e, count);
    encoding.writeUint8Array(e, new Uint8Array(count));
    if (options.truncated) return;
    encoding.writeVarUint(e, 0); // lockboxes
    encoding.writeVarUint8Array(e, new Uint8Array()); // document state
    encoding.writeVarUint8Array(e, new Uint8Array()); // padding
  });
}

/** Appends entries to a copy of a log, signed by `author` as its client would sign them. */
export function logBuilder(
  group: StoredGroup,
  author: Uint8Array,
  signWith: (m: Uint8Array) => Uint8Array,
) {
  const entries = [...group.entries];
  return {
    entries,
    append(op: MembershipOp): void {
      const body = encodeEntryBody({
        groupId: group.groupId,
        index: entries.length,
        prevHash: sha256(entryHashInput(entries.at(-1) ?? new Uint8Array())),
        author,
        timestamp: Date.now(),
        op,
      });
      entries.push(encodeEntry(body, signWith(entrySigningBytes(body))));
    },
  };
}

/** A, B and C share a space; the relay goes down; A writes and exports. */
export async function carried() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const relay = await relayOn(dataDir);
  const { port, url } = relay;
  const [a, b, c] = [await client(url), await client(url), await client(url)] as Client[] as [
    Client,
    Client,
    Client,
  ];
  await sharedSpace([a, b, c]);
  const spaceId = a.engine.listSpaces()[0]?.id ?? '';
  a.doc.getText('t').insert(0, 'shared ');
  await waitFor('everyone has it', () => [b, c].every((x) => x.text() === 'shared '));
  await relay.close();
  await waitFor('offline', () =>
    [a, b, c].every((x) => x.engine.state().connection !== 'connected'),
  );
  a.doc.getText('t').insert(a.text().length, CARRIED);
  const restartRelay = () => relayOn(dataDir, port);
  return { a, b, c, spaceId, url, restartRelay };
}
