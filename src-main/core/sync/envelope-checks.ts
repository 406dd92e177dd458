// The checks every received document envelope passes before its content is looked at (docs/
// protocol-client-checks.md, checks 1–5): it is this document's, its signature verifies, the log head
// it names is mine or a prefix of mine, its author could write at that position, and its epoch is the
// one that position had; then its content is read (a member's unreadable content is counted, never
// applied). Pure; the verifier composes these with the snapshot-chain rules.
import * as Y from 'yjs';
import { BoundedUpdateDecoderV2 } from '../../../src-shared/yjs-bounded-decoder';
import { bytesEqual, toHex } from '../../../src-shared/protocol/bytes';
import type { Envelope, EnvelopeHeader } from '../../../src-shared/protocol/envelope';
import {
  canWriteAt,
  compareHead,
  epochAt,
  type LogIndex,
} from '../../../src-shared/protocol/log-index';
import type { GroupState } from '../../../src-shared/protocol/membership-state';
import { decryptEnvelope, signatureValid } from './envelope-crypto';

export type RejectionReason =
  | 'tampered'
  | 'forged'
  | 'spliced'
  | 'replayed'
  | 'gap'
  | 'unknown-snapshot'
  | 'rolled-back'
  | 'omits-my-updates'
  /** The author names a longer membership log than mine: I must fetch it before judging. */
  | 'log-ahead'
  /** The author names a log head that differs from mine at that length. */
  | 'forked-log'
  /** The author's view of the document's snapshots differs from mine. */
  | 'forked-document';

export interface Failure {
  ok: false;
  reason: RejectionReason;
  detail: string;
  /** Who signed what was refused, where that is known and matters to the user (a log ahead, a fork). */
  author?: Uint8Array;
  /** For 'log-ahead': the log length the author had seen. */
  claimedLength?: number;
}
export type Checked = { ok: true } | Failure;

export const failure = (reason: RejectionReason, detail: string): Failure => ({
  ok: false,
  reason,
  detail,
});

export interface VerifyContext {
  me: Uint8Array;
  /** The membership log as I verified it: who is a member now (for "signed by another's key"). */
  group: GroupState;
  /** Positions of that log: heads, epochs, roles at each length. */
  log: LogIndex;
  /** The document key of an epoch, or null if I do not hold it. */
  documentKey(epoch: number): Uint8Array | null;
}

interface SignedParts {
  header: EnvelopeHeader;
  headerBytes: Uint8Array;
  nonce: Uint8Array;
  signature: Uint8Array;
}

/** The signed log head must be mine (or a prefix of mine), and give its author the right to write. */
function checkPosition(ctx: VerifyContext, header: EnvelopeHeader): Checked {
  const { length, head } = header.log;
  const relation = compareHead(ctx.log, length, head);
  if (relation === 'ahead') {
    return {
      ...failure(
        'log-ahead',
        `the author has seen ${length} log entries, I have ${ctx.log.length}`,
      ),
      author: header.author,
      claimedLength: length,
    };
  }
  if (relation === 'forked') {
    return {
      ...failure('forked-log', `the author's log differs from mine at entry ${length}`),
      author: header.author,
    };
  }
  const author = toHex(header.author);
  // Rights are judged where the author says it stood: a later demotion or removal does not turn
  // what it wrote before into a forgery. The snapshot chain keeps that position from going back.
  if (!canWriteAt(ctx.log, author, length)) {
    return failure('forged', `the author could not write at log entry ${length}`);
  }
  if (epochAt(ctx.log, length) !== header.epoch) {
    return failure('forged', `epoch ${header.epoch} is not the epoch of the log it names`);
  }
  return { ok: true };
}

/**
 * Checks 1–5 of the protocol: same document, signed by its author, who could write where it stood.
 * `authorSigned`: the author's signature was already verified (on the verify worker); a signature
 * that did not verify there is checked again here, with the other members' keys.
 */
export function authenticate(
  expected: { groupId: string; docId: string },
  ctx: VerifyContext,
  parts: SignedParts,
  ctHash: Uint8Array,
  authorSigned = false,
): Checked {
  const { header } = parts;
  if (toHex(header.groupId) !== expected.groupId || toHex(header.docId) !== expected.docId) {
    return failure('spliced', 'the message belongs to another document');
  }
  if (authorSigned || signatureValid(parts, ctHash, header.author)) {
    return checkPosition(ctx, header);
  }
  const everWriter = [...(ctx.log.roles.get(toHex(header.author)) ?? [])].some(
    (change) => change.role === 'admin' || change.role === 'editor',
  );
  if (!everWriter) {
    return failure('forged', 'the author is not a writer of this group');
  }
  for (const member of ctx.group.members.values()) {
    if (!bytesEqual(member.key, header.author) && signatureValid(parts, ctHash, member.key)) {
      return failure('forged', "signed by another member's key");
    }
  }
  return failure('tampered', 'the signature does not match the message');
}

/**
 * A decrypted payload must be a Yjs V2 update before it goes anywhere near a Y.Doc: a member's
 * modified app can seal and sign any bytes, and Yjs throws on what it cannot read. Read on a
 * budget: a few bytes can claim billions of structs, which Yjs would build one by one.
 */
export function isYjsUpdate(bytes: Uint8Array): boolean {
  try {
    Y.decodeUpdateV2(bytes, BoundedUpdateDecoderV2);
    return true;
  } catch {
    return false;
  }
}

/** Accepted, but its author sent content that is not a readable update: counted, never applied. */
export interface BadContent {
  /** 'old-position': from before the floor kept after a relay lost messages (verifier-rewind.ts). */
  reason: 'bad-update' | 'old-position';
  author: Uint8Array;
  detail: string;
}

/**
 * The author signed what it sent, so content that does not decrypt or is not a Yjs update is its
 * own doing (a faulty or modified app), not the relay's: it is counted in the author's clock so
 * that document goes on, never applied, and the user is told who sent it.
 */
function badContent(header: EnvelopeHeader, detail: string): { bad: BadContent; apply: null } {
  return { bad: { reason: 'bad-update', author: header.author, detail }, apply: null };
}

export function readContent(
  envelope: Envelope,
  key: Uint8Array,
): { apply: Uint8Array; bad?: undefined } | { bad: BadContent; apply: null } {
  const plaintext = decryptEnvelope(envelope, key);
  if (!plaintext) return badContent(envelope.header, 'its content does not decrypt');
  if (!isYjsUpdate(plaintext)) return badContent(envelope.header, 'its content is not an update');
  return { apply: plaintext };
}
