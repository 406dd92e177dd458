// The frames the relay sends a client (docs/protocol.md §2, "Relay to client") and their codec.
// Envelopes, entries and lockboxes stay opaque bytes here; the client checks them with their own codecs.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import {
  blobs,
  frame,
  MAX_BLOB,
  MAX_ENTRY,
  MAX_SHARE,
  readBlobs,
  readPreamble,
} from './frame-codec';
import {
  decodeBriefingRelayFrame,
  encodeBriefingRelayFrame,
  type BriefingRelayFrame,
} from './briefing-frames';
import { readChallenge, writeChallenge, type ChallengeFields } from './handshake-codec';
import { ID_BYTES, INVITE_MATERIAL_MAX_BYTES, RelayFrameType } from './wire-constants';
import { decodeStrict, ProtocolError } from './wire-reader';

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
  | { type: 'share'; requestId: number; expiresAt: number; ciphertext: Uint8Array }
  | BriefingRelayFrame;

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
    default:
      return encodeBriefingRelayFrame(f);
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
      default: {
        const briefing = decodeBriefingRelayFrame(type, r);
        if (briefing) return briefing;
        throw new ProtocolError(`unknown relay frame type ${type}`);
      }
    }
  });
}
