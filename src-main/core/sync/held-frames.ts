// Frames of an epoch whose key is not here yet (its lockbox is on the way), or that name a longer
// membership log than mine (an entry is on the way), wait in arrival order until a group refresh
// brings what they need, or a timeout hands them to the verifier to judge anyway.
import type { Envelope, SnapshotLink } from '../../../src-shared/protocol/envelope';
import type { OpenDoc, OpenDocs } from './open-documents';

/** How long frames of a known epoch wait for its key before the verifier judges them anyway. */
const HOLD_FOR_KEY_MS = 60_000;
/**
 * And how much of a document may wait: a relay that announces a longer log and then floods frames
 * while it withholds the log must not fill main's memory. Past it, the verifier judges them now.
 */
export const MAX_HELD_BYTES = 32 * 1024 * 1024;

const sizeOf = (frame: Frame): number =>
  frame.isLink ? 256 : frame.envelope.headerBytes.length + frame.envelope.ciphertext.length + 128;

/** What a frame needs from the group before it can be judged: its epoch's key and its log. */
export interface Needs {
  epoch: number;
  logLength: number;
}

/**
 * A routed frame, decoded once by the router (which needs its header to route it) and handed on
 * decoded: the verifier does not decode it again. `needs` is what its header says it needs.
 */
export type Frame = { seq: number; needs: Needs } & (
  | {
      isLink: false;
      envelope: Envelope;
      /** The verify worker found it signed by its header's author (frame-inbox.ts). */
      authorSigned?: boolean;
    }
  | { isLink: true; link: SnapshotLink }
);

/** A snapshot link is never decrypted: it needs the log, not the epoch's key. */
const ready = (doc: OpenDoc, frame: Frame): boolean =>
  (frame.isLink || doc.group.epochKeys.has(frame.needs.epoch)) &&
  frame.needs.logLength <= doc.group.state.length;

export function deliver(doc: OpenDoc, frame: Frame): void {
  if (frame.isLink) doc.sync.onLink(frame.seq, frame.link);
  else doc.sync.onDeliver(frame.seq, frame.envelope, frame.authorSigned === true);
}

export function createHeldFrames(deps: {
  docs: OpenDocs;
  refreshQuietly(groupId: Uint8Array): Promise<boolean>;
  /** A frame released from a timer or a refresh threw (a full disk): warned, the rest go on. */
  onFrameError(error: unknown): void;
}) {
  const held = new Map<string, Frame[]>();
  const heldBytes = new Map<string, number>();
  /** Per document, how many times its held frames were dropped (a new catch-up began). */
  const drops = new Map<string, number>();

  /**
   * Delivers what waits for docHex, in order, up to the first frame whose key or log entries are
   * still missing (keys arrive one lockbox at a time); everything, if forced.
   */
  function release(docHex: string, force = false): void {
    const queue = held.get(docHex);
    const doc = deps.docs.get(docHex);
    if (!queue || !doc) return;
    while (queue.length > 0) {
      const first = queue[0] as Frame;
      if (!force && !ready(doc, first)) return;
      queue.shift();
      try {
        deliver(doc, first);
      } catch (error) {
        deps.onFrameError(error);
      }
    }
    if (held.get(docHex) === queue) {
      held.delete(docHex);
      heldBytes.delete(docHex);
    }
  }

  /** A frame whose key or log entries I lack yet: hold it until the group refresh brings them. */
  function holdIfEarly(docHex: string, doc: OpenDoc, frame: Frame): boolean {
    const queue = held.get(docHex);
    if (!queue && ready(doc, frame)) return false;
    const bytes = (heldBytes.get(docHex) ?? 0) + sizeOf(frame);
    heldBytes.set(docHex, bytes);
    if (queue) {
      queue.push(frame);
      if (bytes > MAX_HELD_BYTES) release(docHex, true);
      return true;
    }
    const started = [frame];
    held.set(docHex, started);
    // A key that never comes must not stall the document silently: after a while the verifier
    // judges what is held (and warns), and the user sees why nothing arrives.
    setTimeout(() => {
      if (held.get(docHex) === started && deps.docs.has(docHex)) release(docHex, true);
    }, HOLD_FOR_KEY_MS).unref();
    // An epoch the log has is sealed to every member: its frames wait (in order) until the refresh,
    // or the admin's lockbox the relay announces, brings my key. An epoch even the refreshed log
    // does not have is no waiting matter: the verifier judges (and refuses) those frames at once.
    void deps.refreshQuietly(doc.group.groupId).then(() => {
      const current = deps.docs.get(docHex);
      // Still beyond the refreshed log: the relay does not show what the frame names, so waiting
      // longer helps nothing. A key of an epoch the log has may still be on its way: that waits.
      const log = current?.group.state;
      if (current && log && held.has(docHex)) {
        if (frame.needs.logLength > log.length || frame.needs.epoch > log.epoch) {
          release(docHex, true);
        }
      }
    });
    return true;
  }

  return {
    holdIfEarly,
    release,
    has: (docHex: string): boolean => held.has(docHex),
    /** Changes whenever a new catch-up drops what waited: a CAUGHT_UP of an older one is stale. */
    generation: (docHex: string): number => drops.get(docHex) ?? 0,
    drop: (docHex: string): void => {
      held.delete(docHex);
      heldBytes.delete(docHex);
      drops.set(docHex, (drops.get(docHex) ?? 0) + 1);
    },
  };
}

export type HeldFrames = ReturnType<typeof createHeldFrames>;
