// The frames a client sends the relay (docs/protocol.md §2, "Client to relay") and their codec.
// Envelopes, entries and lockboxes stay opaque bytes here, so the relay can store them as received.
import * as encoding from 'lib0/encoding';
import {
  decodeBriefingClientFrame,
  encodeBriefingClientFrame,
  type BriefingClientFrame,
} from './briefing-frames';
import { frame, MAX_BLOB, MAX_ENTRY, MAX_SHARE, readPreamble } from './frame-codec';
import { readHello, writeHello } from './handshake-codec';
import {
  ClientFrameType,
  ID_BYTES,
  INVITE_MATERIAL_MAX_BYTES,
  KEY_BYTES,
  SIGNATURE_BYTES,
} from './wire-constants';
import { decodeStrict, ProtocolError } from './wire-reader';

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
  | { type: 'shareDelete'; requestId: number; shareId: Uint8Array }
  | BriefingClientFrame;

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
    default:
      return encodeBriefingClientFrame(f);
  }
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
      default: {
        const briefing = decodeBriefingClientFrame(type, r);
        if (briefing) return briefing;
        throw new ProtocolError(`unknown client frame type ${type}`);
      }
    }
  });
}
