// Presence (who is in a document, where their cursor is): encrypted and signed like every envelope,
// relayed but never stored by the relay nor persisted here. The clock field is a per-author counter
// (milliseconds-based, so it keeps increasing across restarts); a non-increasing one is a replay.
import { toHex } from '../../../src-shared/protocol/bytes';
import {
  decodeEnvelope,
  ZERO_ID,
  type EnvelopeHeader,
} from '../../../src-shared/protocol/envelope';
import { isMember, type GroupState } from '../../../src-shared/protocol/membership-state';
import {
  ciphertextHash,
  decryptEnvelope,
  sealEnvelope,
  signatureValid,
  type Sign,
} from './envelope-crypto';

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

let lastCounter = 0;
function nextCounter(): number {
  lastCounter = Math.max(lastCounter + 1, Date.now());
  return lastCounter;
}

export function sealPresence(options: {
  groupId: Uint8Array;
  docId: Uint8Array;
  epoch: number;
  snapshotId: Uint8Array | null;
  me: Uint8Array;
  key: Uint8Array;
  sign: Sign;
  name: string;
  cursor: PresenceCursor | null;
}): Uint8Array {
  const header: EnvelopeHeader = {
    kind: 'ephemeral',
    groupId: options.groupId,
    docId: options.docId,
    epoch: options.epoch,
    snapshotId: options.snapshotId ?? ZERO_ID,
    author: options.me,
    clock: nextCounter(),
    snapshot: null,
  };
  const plaintext = new TextEncoder().encode(
    JSON.stringify({ name: options.name, cursor: options.cursor }),
  );
  return sealEnvelope(header, plaintext, options.key, options.sign).bytes;
}

function parsePeer(author: string, plaintext: Uint8Array): PresencePeer | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(plaintext)) as {
      name?: unknown;
      cursor?: { anchor?: unknown; head?: unknown } | null;
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
    return { deviceKey: author, name: value.name, cursor };
  } catch {
    return null;
  }
}

/** The peers of one document, with expiry; returns true from receive() when the list changed. */
export class PresenceTracker {
  private readonly peers = new Map<string, { peer: PresencePeer; counter: number; at: number }>();

  constructor(
    private readonly groupId: string,
    private readonly docId: string,
    private readonly me: string,
  ) {}

  receive(
    envelopeBytes: Uint8Array,
    group: GroupState,
    documentKey: (epoch: number) => Uint8Array | null,
    now: number,
  ): 'changed' | 'ignored' | 'rejected' {
    let envelope;
    try {
      envelope = decodeEnvelope(envelopeBytes);
    } catch {
      return 'rejected';
    }
    const { header } = envelope;
    const author = toHex(header.author);
    if (
      header.kind !== 'ephemeral' ||
      toHex(header.groupId) !== this.groupId ||
      toHex(header.docId) !== this.docId ||
      !isMember(group, header.author) ||
      !signatureValid(envelope, ciphertextHash(envelope.ciphertext), header.author)
    ) {
      return 'rejected';
    }
    if (author === this.me) return 'ignored';
    const key = documentKey(header.epoch);
    const plaintext = key ? decryptEnvelope(envelope, key) : null;
    if (!plaintext) return 'rejected';
    const known = this.peers.get(author);
    if (known && header.clock <= known.counter) return 'ignored';
    const peer = parsePeer(author, plaintext);
    if (!peer) return 'rejected';
    this.peers.set(author, { peer, counter: header.clock, at: now });
    return 'changed';
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
