// Presence (who is in a document, where their cursor is): encrypted and signed like every envelope,
// relayed but never stored by the relay nor persisted here. The clock field is a per-author counter
// (milliseconds-based, so it keeps increasing across restarts); a non-increasing one is a replay.
// Presence also carries its sender's signed log and document heads: the cheapest gossip there is.
import { fromHex, toHex } from '../../../src-shared/protocol/bytes';
import {
  decodeEnvelope,
  ZERO_HASH,
  ZERO_ID,
  type EnvelopeHeader,
  type LogHead,
} from '../../../src-shared/protocol/envelope';
import { compareHead, type LogIndex } from '../../../src-shared/protocol/log-index';
import { cleanMemberName } from '../../../src-shared/protocol/member-profile';
import { isMember, type GroupState } from '../../../src-shared/protocol/membership-state';
import {
  ciphertextHash,
  decryptEnvelope,
  sealEnvelope,
  signatureValid,
  type Sign,
} from './envelope-crypto';
import { checkBasis, type SnapshotRef } from './snapshot-chain';

export interface PresenceCursor {
  anchor: string;
  head: string;
}

export interface PresencePeer {
  deviceKey: string;
  name: string;
  cursor: PresenceCursor | null;
}

const MAX_NAME = 200;
const MAX_POSITION = 4096;
/** A signed profile: a name of at most 200 characters and a signature, in base64. */
const MAX_PROFILE_BASE64 = 2048;

let lastCounter = 0;
function nextCounter(): number {
  lastCounter = Math.max(lastCounter + 1, Date.now());
  return lastCounter;
}

export function sealPresence(options: {
  groupId: Uint8Array;
  docId: Uint8Array;
  epoch: number;
  /** My active snapshot, if any: the basis my presence names. */
  active: SnapshotRef | null;
  log: LogHead;
  me: Uint8Array;
  key: Uint8Array;
  sign: Sign;
  name: string;
  cursor: PresenceCursor | null;
  /** My signed profile (member-profile.ts), so writers can keep it in the document for me. */
  profile?: Uint8Array | null;
}): Uint8Array {
  const header: EnvelopeHeader = {
    kind: 'ephemeral',
    groupId: options.groupId,
    docId: options.docId,
    epoch: options.epoch,
    snapshotId: options.active ? fromHex(options.active.id) : ZERO_ID,
    author: options.me,
    clock: nextCounter(),
    log: options.log,
    basis: options.active
      ? { generation: options.active.generation, proof: fromHex(options.active.proof) }
      : { generation: 0, proof: ZERO_HASH },
    snapshot: null,
  };
  const plaintext = new TextEncoder().encode(
    JSON.stringify({
      name: options.name,
      cursor: options.cursor,
      ...(options.profile ? { profile: Buffer.from(options.profile).toString('base64') } : {}),
    }),
  );
  return sealEnvelope(header, plaintext, options.key, options.sign).bytes;
}

/** A peer as its presence describes it, with the signed profile it carried (checked by the caller). */
export interface ReceivedPeer extends PresencePeer {
  profile: Uint8Array | null;
}

function parsePeer(author: string, plaintext: Uint8Array): ReceivedPeer | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(plaintext)) as {
      name?: unknown;
      cursor?: { anchor?: unknown; head?: unknown } | null;
      profile?: unknown;
    };
    if (typeof value.name !== 'string' || value.name.length > MAX_NAME) return null;
    const c = value.cursor;
    let cursor: PresenceCursor | null = null;
    if (c) {
      if (
        typeof c.anchor !== 'string' ||
        typeof c.head !== 'string' ||
        c.anchor.length > MAX_POSITION ||
        c.head.length > MAX_POSITION
      ) {
        return null;
      }
      cursor = { anchor: c.anchor, head: c.head };
    }
    const profile =
      typeof value.profile === 'string' && value.profile.length <= MAX_PROFILE_BASE64
        ? new Uint8Array(Buffer.from(value.profile, 'base64'))
        : null;
    // Another member's name, hostile input: never with invisible or bidi control characters.
    return { deviceKey: author, name: cleanMemberName(value.name), cursor, profile };
  } catch {
    return null;
  }
}

/** What receiving one presence message showed. 'ahead': its sender has seen a longer log than mine. */
export type PresenceVerdict =
  | { kind: 'ignored' | 'rejected' }
  | { kind: 'changed'; peer: ReceivedPeer }
  | { kind: 'ahead'; author: string; length: number }
  | { kind: 'forked-log' | 'forked-document'; author: string; detail: string };

export interface PresenceView {
  group: GroupState;
  log: LogIndex;
  active: SnapshotRef | null;
  documentKey(epoch: number): Uint8Array | null;
}

/**
 * How old a presence may be, by its sender's clock, when I have no counter of that sender: after a
 * restart an old captured presence could otherwise be replayed. Generous, for machines whose clocks
 * disagree by a few minutes.
 */
const PRESENCE_MAX_AGE_MS = 10 * 60 * 1000;
/** Counters kept after a peer expires, so its old presence cannot be replayed in this session. */
const MAX_COUNTERS = 4096;

/** The peers of one document, with expiry; receive() says whether the list changed. */
export class PresenceTracker {
  private readonly peers = new Map<string, { peer: PresencePeer; at: number }>();
  /** The last counter of every sender seen in this session: kept when the peer expires. */
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly groupId: string,
    private readonly docId: string,
    private readonly me: string,
  ) {}

  receive(envelopeBytes: Uint8Array, view: PresenceView, now: number): PresenceVerdict {
    let envelope;
    try {
      envelope = decodeEnvelope(envelopeBytes);
    } catch {
      return { kind: 'rejected' };
    }
    const { header } = envelope;
    const author = toHex(header.author);
    if (
      header.kind !== 'ephemeral' ||
      toHex(header.groupId) !== this.groupId ||
      toHex(header.docId) !== this.docId ||
      !isMember(view.group, header.author) ||
      !signatureValid(envelope, ciphertextHash(envelope.ciphertext), header.author)
    ) {
      return { kind: 'rejected' };
    }
    if (author === this.me) return { kind: 'ignored' };
    const known = this.counters.get(author);
    if (known !== undefined ? header.clock <= known : header.clock < now - PRESENCE_MAX_AGE_MS) {
      return { kind: 'ignored' };
    }
    const heads = this.compareHeads(view, header, author);
    if (heads) return heads;
    const key = view.documentKey(header.epoch);
    const plaintext = key ? decryptEnvelope(envelope, key) : null;
    if (!plaintext) return { kind: 'rejected' };
    const peer = parsePeer(author, plaintext);
    if (!peer) return { kind: 'rejected' };
    this.rememberCounter(author, header.clock);
    const shown: PresencePeer = { deviceKey: peer.deviceKey, name: peer.name, cursor: peer.cursor };
    this.peers.set(author, { peer: shown, at: now });
    return { kind: 'changed', peer };
  }

  /** Gossip: the sender's signed log head and snapshot against mine. */
  private compareHeads(
    view: PresenceView,
    header: EnvelopeHeader,
    author: string,
  ): PresenceVerdict | null {
    const relation = compareHead(view.log, header.log.length, header.log.head);
    if (relation === 'ahead') return { kind: 'ahead', author, length: header.log.length };
    if (relation === 'forked') {
      return { kind: 'forked-log', author, detail: `logs differ at entry ${header.log.length}` };
    }
    const basis = checkBasis(view.active, header);
    if (basis && basis !== 'unknown')
      return { kind: 'forked-document', author, detail: basis.detail };
    return null;
  }

  private rememberCounter(author: string, counter: number): void {
    this.counters.delete(author);
    this.counters.set(author, counter);
    if (this.counters.size > MAX_COUNTERS) {
      const oldest = this.counters.keys().next();
      if (!oldest.done) this.counters.delete(oldest.value);
    }
  }

  /** Drops peers not heard from within the timeout; true when any was dropped. */
  expire(now: number, timeoutMs: number): boolean {
    let changed = false;
    for (const [author, entry] of this.peers) {
      if (now - entry.at > timeoutMs) {
        this.peers.delete(author);
        changed = true;
      }
    }
    return changed;
  }

  list(): PresencePeer[] {
    return [...this.peers.values()].map((e) => e.peer);
  }
}
