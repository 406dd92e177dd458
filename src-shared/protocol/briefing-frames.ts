// The protocol v5 frames of briefings (docs/protocol.md §2, "Briefings") and their codec: MAIL_*
// carry sealed items addressed to one device (a briefing's copy, a receipt, a recall); CHUNK_*
// carry the encrypted chunks of attachments. Every payload stays opaque bytes to the relay.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import { frame } from './frame-codec';
import { ClientFrameType, ID_BYTES, KEY_BYTES, RelayFrameType } from './wire-constants';
import { ProtocolError, type WireReader } from './wire-reader';

/** What a mail item is; the relay treats a recall's and a copy's lifetimes differently. */
export const MailKind = { copy: 1, receipt: 2, recall: 3 } as const;
export type MailKindName = keyof typeof MailKind;

const MAX_MAIL = LIMITS.relay.maxMailBytes;
const MAX_CHUNK = LIMITS.relay.maxChunkBytes;
/** An attachment's chunk count at most: 100 MB / 64 KiB is 1,600; room for a larger setting. */
export const MAX_CHUNK_INDEX = 1_000_000;

export type BriefingClientFrame =
  | {
      type: 'mailPut';
      requestId: number;
      groupId: Uint8Array;
      briefingId: Uint8Array;
      kind: number;
      /** The one device that can open it (and the only one the relay gives it to). */
      recipient: Uint8Array;
      /** Ms since 1970, a whole hour; 0: until recalled. */
      expiresAt: number;
      ciphertext: Uint8Array;
    }
  | { type: 'mailFetch'; requestId: number; groupId: Uint8Array; afterSeq: number }
  | { type: 'mailRecall'; requestId: number; groupId: Uint8Array; briefingId: Uint8Array }
  | {
      type: 'chunkPut';
      requestId: number;
      groupId: Uint8Array;
      briefingId: Uint8Array;
      blobId: Uint8Array;
      index: number;
      expiresAt: number;
      bytes: Uint8Array;
    }
  | { type: 'chunkGet'; requestId: number; blobId: Uint8Array; index: number }
  | { type: 'chunkCount'; requestId: number; blobId: Uint8Array };

export interface MailItem {
  seq: number;
  briefingId: Uint8Array;
  kind: number;
  sender: Uint8Array;
  expiresAt: number;
  ciphertext: Uint8Array;
}

export type BriefingRelayFrame =
  | { type: 'mailItems'; requestId: number; items: MailItem[]; more: boolean }
  | { type: 'mailChanged'; groupId: Uint8Array }
  | { type: 'chunk'; requestId: number; bytes: Uint8Array };

export function encodeBriefingClientFrame(f: BriefingClientFrame): Uint8Array {
  const t = ClientFrameType[f.type];
  return frame(t, (e) => {
    encoding.writeVarUint(e, f.requestId);
    switch (f.type) {
      case 'mailPut':
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.briefingId);
        encoding.writeUint8(e, f.kind);
        encoding.writeUint8Array(e, f.recipient);
        encoding.writeVarUint(e, f.expiresAt);
        encoding.writeVarUint8Array(e, f.ciphertext);
        return;
      case 'mailFetch':
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeVarUint(e, f.afterSeq);
        return;
      case 'mailRecall':
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.briefingId);
        return;
      case 'chunkPut':
        encoding.writeUint8Array(e, f.groupId);
        encoding.writeUint8Array(e, f.briefingId);
        encoding.writeUint8Array(e, f.blobId);
        encoding.writeVarUint(e, f.index);
        encoding.writeVarUint(e, f.expiresAt);
        encoding.writeVarUint8Array(e, f.bytes);
        return;
      case 'chunkGet':
        encoding.writeUint8Array(e, f.blobId);
        encoding.writeVarUint(e, f.index);
        return;
      case 'chunkCount':
        encoding.writeUint8Array(e, f.blobId);
        return;
    }
  });
}

const readKind = (r: WireReader): number => {
  const kind = r.u8();
  if (!Object.values(MailKind).includes(kind as 1)) throw new ProtocolError(`mail kind ${kind}`);
  return kind;
};

/** The frame of `type` after its preamble; null when the type is not a briefing frame. */
export function decodeBriefingClientFrame(type: number, r: WireReader): BriefingClientFrame | null {
  switch (type) {
    case ClientFrameType.mailPut:
      return {
        type: 'mailPut',
        requestId: r.varUint(),
        groupId: r.fixed(ID_BYTES),
        briefingId: r.fixed(ID_BYTES),
        kind: readKind(r),
        recipient: r.fixed(KEY_BYTES),
        expiresAt: r.varUint(),
        ciphertext: r.bytes(MAX_MAIL),
      };
    case ClientFrameType.mailFetch:
      return {
        type: 'mailFetch',
        requestId: r.varUint(),
        groupId: r.fixed(ID_BYTES),
        afterSeq: r.varUint(),
      };
    case ClientFrameType.mailRecall:
      return {
        type: 'mailRecall',
        requestId: r.varUint(),
        groupId: r.fixed(ID_BYTES),
        briefingId: r.fixed(ID_BYTES),
      };
    case ClientFrameType.chunkPut:
      return {
        type: 'chunkPut',
        requestId: r.varUint(),
        groupId: r.fixed(ID_BYTES),
        briefingId: r.fixed(ID_BYTES),
        blobId: r.fixed(ID_BYTES),
        index: r.varUint(MAX_CHUNK_INDEX),
        expiresAt: r.varUint(),
        bytes: r.bytes(MAX_CHUNK),
      };
    case ClientFrameType.chunkGet:
      return {
        type: 'chunkGet',
        requestId: r.varUint(),
        blobId: r.fixed(ID_BYTES),
        index: r.varUint(MAX_CHUNK_INDEX),
      };
    case ClientFrameType.chunkCount:
      return { type: 'chunkCount', requestId: r.varUint(), blobId: r.fixed(ID_BYTES) };
    default:
      return null;
  }
}

export function encodeBriefingRelayFrame(f: BriefingRelayFrame): Uint8Array {
  const t = RelayFrameType[f.type];
  switch (f.type) {
    case 'mailItems':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint(e, f.items.length);
        for (const item of f.items) {
          encoding.writeVarUint(e, item.seq);
          encoding.writeUint8Array(e, item.briefingId);
          encoding.writeUint8(e, item.kind);
          encoding.writeUint8Array(e, item.sender);
          encoding.writeVarUint(e, item.expiresAt);
          encoding.writeVarUint8Array(e, item.ciphertext);
        }
        encoding.writeUint8(e, f.more ? 1 : 0);
      });
    case 'mailChanged':
      return frame(t, (e) => encoding.writeUint8Array(e, f.groupId));
    case 'chunk':
      return frame(t, (e) => {
        encoding.writeVarUint(e, f.requestId);
        encoding.writeVarUint8Array(e, f.bytes);
      });
  }
}

export function decodeBriefingRelayFrame(type: number, r: WireReader): BriefingRelayFrame | null {
  switch (type) {
    case RelayFrameType.mailItems: {
      const requestId = r.varUint();
      const count = r.varUint(LIMITS.relay.mailPageItems);
      const items: MailItem[] = [];
      for (let i = 0; i < count; i++) {
        items.push({
          seq: r.varUint(),
          briefingId: r.fixed(ID_BYTES),
          kind: readKind(r),
          sender: r.fixed(KEY_BYTES),
          expiresAt: r.varUint(),
          ciphertext: r.bytes(MAX_MAIL),
        });
      }
      const more = r.u8();
      if (more > 1) throw new ProtocolError('mail items: bad more flag');
      return { type: 'mailItems', requestId, items, more: more === 1 };
    }
    case RelayFrameType.mailChanged:
      return { type: 'mailChanged', groupId: r.fixed(ID_BYTES) };
    case RelayFrameType.chunk:
      return { type: 'chunk', requestId: r.varUint(), bytes: r.bytes(MAX_CHUNK) };
    default:
      return null;
  }
}
