// Every frame of the sync protocol v4, client to relay and relay to client (docs/protocol.md §2).
// Binary: [version][type][fields]. Envelopes, entries and lockboxes travel as length-prefixed bytes
// and are decoded by their own codecs, so the relay can store them exactly as received.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import {
  readChallenge,
  readHello,
  writeChallenge,
  writeHello,
  type ChallengeFields,
} from './handshake-codec';
import {
  ClientFrameType,
  Domain,
  ID_BYTES,
  INVITE_MATERIAL_MAX_BYTES,
  KEY_BYTES,
  PROTOCOL_VERSION,
  RelayFrameType,
  SIGNATURE_BYTES,
} from './wire-constants';
import { decodeStrict, ProtocolError, type WireReader } from './wire-reader';

const MAX_BLOB = LIMITS.relay.maxFrameBytes;
const MAX_LIST = 100_000;
/** An entry's own cap plus room for its signature and framing. */
const MAX_ENTRY = LIMITS.relay.maxEntryBytes + 1024;
const MAX_SHARE = LIMITS.relay.maxShareBytes;

export type ClientFrame =
  /** The first frame: a fresh nonce the relay signs with its identity key in CHALLENGE. */
  | { type: 'hello'; nonce: Uint8Array }
  | { type: 'auth'; device: Uint8Array; signature: Uint8Array }
  | {
      type: 'subscribe';
      requestId: number;
      groupId: Uint8Array;
      docId: Uint8Array;
      afterSeq: number;
    }
  | { type: 'unsubscribe'; groupId: Uint8Array; docId: Uint8Array }
  | { type: 'publish'; requestId: number; envelope: Uint8Array }
  | { type: 'ephemeral'; envelope: Uint8Array }
  | { type: 'groupAppend'; requestId: number; entry: Uint8Array }
  | { type: 'groupFetch'; requestId: number; groupId: Uint8Array; fromIndex: number }
  | { type: 'lockboxPut'; requestId: number; lockbox: Uint8Array }
  | { type: 'listGroups'; requestId: number }
  | {
      type: 'invitePut';
      requestId: number;
      groupId: Uint8Array;
      inviteKey: Uint8Array;
      material: Uint8Array;
    }
  | {
      type: 'inviteFetch';
      requestId: number;
      groupId: Uint8Array;
      inviteKey: Uint8Array;
      fromIndex: number;
      /** By the invite key over inviteFetchSigningBytes: proves the requester holds the seed. */
      signature: Uint8Array;
    }
  | {
      type: 'sharePut';
      requestId: number;
      /** A group the sender is a member of: the share counts in its storage. */
      groupId: Uint8Array;
      /** Derived from the share's key, which only the link carries. */
      shareId: Uint8Array;
      /** Ms since 1970, a whole hour (LIMITS.relay.shareExpiryStepMs). */
      expiresAt: number;
      /** At most LIMITS.relay.maxShareBytes. */
      ciphertext: Uint8Array;
    }
  | { type: 'shareFetch'; requestId: number; shareId: Uint8Array }
  | { type: 'shareDelete'; requestId: number; shareId: Uint8Array };

export type RelayFrame =
  | ({ type: 'challenge' } & ChallengeFields)
  | { type: 'authOk' }
  | { type: 'error'; requestId: number; code: number; message: string }
  | { type: 'ack'; requestId: number; seq: number }
  | { type: 'deliver'; seq: number; envelope: Uint8Array }
  | { type: 'snapshotLink'; seq: number; link: Uint8Array }
  | { type: 'caughtUp'; groupId: Uint8Array; docId: Uint8Array; seq: number }
  | { type: 'ephemeral'; envelope: Uint8Array }
  | {
      type: 'groupEntries';
      requestId: number;
      groupId: Uint8Array;
      fromIndex: number;
      entries: Uint8Array[];
      lockboxes: Uint8Array[];
    }
  | { type: 'groupList'; requestId: number; groupIds: Uint8Array[] }
  | { type: 'ok'; requestId: number }
  | { type: 'groupChanged'; groupId: Uint8Array }
  | {
      type: 'invite';
      requestId: number;
      groupId: Uint8Array;
      fromIndex: number;
      entries: Uint8Array[];
      material: Uint8Array;
    }
  | { type: 'share'; requestId: number; expiresAt: number; ciphertext: Uint8Array };

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeUint8(e, PROTOCOL_VERSION);
    encoding.writeUint8(e, type);
    write(e);
  });
}

const blobs = (e: encoding.Encoder, list: readonly Uint8Array[]): void => {
  encoding.writeVarUint(e, list.length);
  for (const item of list) encoding.writeVarUint8Array(e, item);
};
const readBlobs = (r: WireReader, maxItem: number): Uint8Array[] => {
  const count = r.varUint(MAX_LIST);
  const list: Uint8Array[] = [];
  for (let i = 0; i < count; i++) list.push(r.bytes(maxItem));
  return list;
};

export function encodeClientFrame(f: ClientFrame): Uint8Array {
  const t = ClientFrameType[f.type];
  switch (f.type) {
    case 'hello':
      return frame(t, (e) => writeHello(e, f.nonce));
    case 'auth':
      return frame(t, (e) => {
        encoding.writeUint8Array(e, f.device);
        encoding.writeUint8Array(e, f.signature);
      });
    case 'subscribe':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.docId);
        encoding.writeVarUint(e, f.afterSeq);
      });
    case 'unsubscribe':
      return frame(t, (e) => {
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.docId);
      });
    case 'publish':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint8Array(e, f.envelope);
      });
    case 'ephemeral':
      return frame(t, (e) => encoding.writeVarUint8Array(e, f.envelope));
    case 'groupAppend':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint8Array(e, f.entry);
      });
    case 'groupFetch':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeVarUint(e, f.fromIndex);
      });
    case 'lockboxPut':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint8Array(e, f.lockbox);
      });
    case 'listGroups':
      return frame(t, (e) => encoding.writeVarUint(e, f.requestId));
    case 'invitePut':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.inviteKey);
        encoding.writeVarUint8Array(e, f.material);
      });
    case 'inviteFetch':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.inviteKey);
        encoding.writeVarUint(e, f.fromIndex);
        encoding.writeUint8Array(e, f.signature);
      });
    case 'sharePut':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.shareId);
        encoding.writeVarUint(e, f.expiresAt);
        encoding.writeVarUint8Array(e, f.ciphertext);
      });
    case 'shareFetch':
    case 'shareDelete':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.shareId);
      });
  }
}

function readPreamble(r: WireReader): number {
  const version = r.u8();
  if (version !== PROTOCOL_VERSION) throw new ProtocolError(`unsupported version ${version}`);
  return r.u8();
}

export function decodeClientFrame(bytes: Uint8Array): ClientFrame {
  if (bytes.length > MAX_BLOB + 1024) throw new ProtocolError('frame too large');
  return decodeStrict(bytes, (r): ClientFrame => {
    const type = readPreamble(r);
    switch (type) {
      case ClientFrameType.hello:
        return { type: 'hello', ...readHello(r) };
      case ClientFrameType.auth:
        return { type: 'auth', device: r.fixed(KEY_BYTES), signature: r.fixed(SIGNATURE_BYTES) };
      case ClientFrameType.subscribe:
        return {
          type: 'subscribe',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          docId: r.fixed(ID_BYTES),
          afterSeq: r.varUint(),
        };
      case ClientFrameType.unsubscribe:
        return { type: 'unsubscribe', groupId: r.fixed(ID_BYTES), docId: r.fixed(ID_BYTES) };
      case ClientFrameType.publish:
        return { type: 'publish', requestId: r.varUint(), envelope: r.bytes(MAX_BLOB) };
      case ClientFrameType.ephemeral:
        return { type: 'ephemeral', envelope: r.bytes(MAX_BLOB) };
      case ClientFrameType.groupAppend:
        return {
          type: 'groupAppend',
          requestId: r.varUint(),
          entry: r.bytes(MAX_ENTRY),
        };
      case ClientFrameType.groupFetch:
        return {
          type: 'groupFetch',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          fromIndex: r.varUint(),
        };
      case ClientFrameType.lockboxPut:
        return { type: 'lockboxPut', requestId: r.varUint(), lockbox: r.bytes(4096) };
      case ClientFrameType.listGroups:
        return { type: 'listGroups', requestId: r.varUint() };
      case ClientFrameType.invitePut:
        return {
          type: 'invitePut',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          inviteKey: r.fixed(KEY_BYTES),
          material: r.bytes(INVITE_MATERIAL_MAX_BYTES),
        };
      case ClientFrameType.inviteFetch:
        return {
          type: 'inviteFetch',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          inviteKey: r.fixed(KEY_BYTES),
          fromIndex: r.varUint(),
          signature: r.fixed(SIGNATURE_BYTES),
        };
      case ClientFrameType.sharePut:
        return {
          type: 'sharePut',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          shareId: r.fixed(ID_BYTES),
          expiresAt: r.varUint(),
          ciphertext: r.bytes(MAX_SHARE),
        };
      case ClientFrameType.shareFetch:
        return { type: 'shareFetch', requestId: r.varUint(), shareId: r.fixed(ID_BYTES) };
      case ClientFrameType.shareDelete:
        return { type: 'shareDelete', requestId: r.varUint(), shareId: r.fixed(ID_BYTES) };
      default:
        throw new ProtocolError(`unknown client frame type ${type}`);
    }
  });
}

export function encodeRelayFrame(f: RelayFrame): Uint8Array {
  const t = RelayFrameType[f.type];
  switch (f.type) {
    case 'challenge':
      return frame(t, (e) => writeChallenge(e, f));
    case 'authOk':
      return frame(t, () => undefined);
    case 'error':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint(e, f.code);
        encoding.writeVarString(e, f.message.slice(0, LIMITS.relay.maxMessageString));
      });
    case 'ack':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint(e, f.seq);
      });
    case 'deliver':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.seq);
        encoding.writeVarUint8Array(e, f.envelope);
      });
    case 'snapshotLink':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.seq);
        encoding.writeVarUint8Array(e, f.link);
      });
    case 'caughtUp':
      return frame(t, (e) => {
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.docId);
        encoding.writeVarUint(e, f.seq);
      });
    case 'ephemeral':
      return frame(t, (e) => encoding.writeVarUint8Array(e, f.envelope));
    case 'groupEntries':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeVarUint(e, f.fromIndex);
        blobs(e, f.entries);
        blobs(e, f.lockboxes);
      });
    case 'groupList':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        blobs(e, f.groupIds);
      });
    case 'ok':
      return frame(t, (e) => encoding.writeVarUint(e, f.requestId));
    case 'groupChanged':
      return frame(t, (e) => encoding.writeUint8Array(e, f.groupId));
    case 'invite':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeVarUint(e, f.fromIndex);
        blobs(e, f.entries);
        encoding.writeVarUint8Array(e, f.material);
      });
    case 'share':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint(e, f.expiresAt);
        encoding.writeVarUint8Array(e, f.ciphertext);
      });
  }
}

export function decodeRelayFrame(bytes: Uint8Array): RelayFrame {
  return decodeStrict(bytes, (r): RelayFrame => {
    const type = readPreamble(r);
    switch (type) {
      case RelayFrameType.challenge:
        return { type: 'challenge', ...readChallenge(r) };
      case RelayFrameType.authOk:
        return { type: 'authOk' };
      case RelayFrameType.error:
        return {
          type: 'error',
          requestId: r.varUint(),
          code: r.varUint(255),
          message: r.string(LIMITS.relay.maxMessageString * 4),
        };
      case RelayFrameType.ack:
        return { type: 'ack', requestId: r.varUint(), seq: r.varUint() };
      case RelayFrameType.deliver:
        return { type: 'deliver', seq: r.varUint(), envelope: r.bytes(MAX_BLOB) };
      case RelayFrameType.snapshotLink:
        return { type: 'snapshotLink', seq: r.varUint(), link: r.bytes(MAX_BLOB) };
      case RelayFrameType.caughtUp:
        return {
          type: 'caughtUp',
          groupId: r.fixed(ID_BYTES),
          docId: r.fixed(ID_BYTES),
          seq: r.varUint(),
        };
      case RelayFrameType.ephemeral:
        return { type: 'ephemeral', envelope: r.bytes(MAX_BLOB) };
      case RelayFrameType.groupEntries:
        return {
          type: 'groupEntries',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          fromIndex: r.varUint(),
          entries: readBlobs(r, MAX_ENTRY),
          lockboxes: readBlobs(r, 4096),
        };
      case RelayFrameType.groupList:
        return { type: 'groupList', requestId: r.varUint(), groupIds: readBlobs(r, ID_BYTES) };
      case RelayFrameType.ok:
        return { type: 'ok', requestId: r.varUint() };
      case RelayFrameType.groupChanged:
        return { type: 'groupChanged', groupId: r.fixed(ID_BYTES) };
      case RelayFrameType.invite:
        return {
          type: 'invite',
          requestId: r.varUint(),
          groupId: r.fixed(ID_BYTES),
          fromIndex: r.varUint(),
          entries: readBlobs(r, MAX_ENTRY),
          material: r.bytes(INVITE_MATERIAL_MAX_BYTES),
        };
      case RelayFrameType.share:
        return {
          type: 'share',
          requestId: r.varUint(),
          expiresAt: r.varUint(),
          ciphertext: r.bytes(MAX_SHARE),
        };
      default:
        throw new ProtocolError(`unknown relay frame type ${type}`);
    }
  });
}

/**
 * What a device signs to answer the relay's challenge: the challenge and the relay it meant to reach,
 * `relayHost` as relayHostOfUrl (relay-host.ts) gives it for the URL it dialed.
 */
export function authSigningBytes(challenge: Uint8Array, relayHost: string): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.auth);
    encoding.writeUint8Array(e, challenge);
    encoding.writeVarString(e, relayHost);
  });
}
