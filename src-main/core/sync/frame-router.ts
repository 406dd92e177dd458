// Routes what the relay pushes to the document it names: envelopes and snapshot links (held while
// their epoch's key is missing), caught-up marks, presence, and group-changed notices; in arrival
// order, through an inbox that checks a catch-up's signatures on a second core meanwhile.
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEnvelope, decodeSnapshotLink } from '../../../src-shared/protocol/envelope';
import type { RelayFrame } from '../../../src-shared/protocol/frames';
import type { VerifyWorker } from '../crypto/verify-worker';
import { createFrameInbox } from './frame-inbox';
import { deliver, type Frame, type HeldFrames } from './held-frames';
import type { OpenDoc, OpenDocs } from './open-documents';

export interface FrameRouterDeps {
  docs: OpenDocs;
  held: HeldFrames;
  isStopped(): boolean;
  warn(docHex: string | null, reason: string): void;
  refreshQuietly(groupId: Uint8Array): Promise<boolean>;
  onEphemeral(bytes: Uint8Array): void;
  /**
   * A CAUGHT_UP arrived, before the frames held ahead of it are through: true if the document
   * judged it already (the relay's last seq below one processed here), and no onCaughtUp follows.
   */
  onCaughtUpArrived(doc: OpenDoc, seq: number): boolean;
  /** The document's catch-up is through, held frames included. */
  onCaughtUp(doc: OpenDoc): void;
  /** The relay holds new briefing items for this device in the group. */
  onMailChanged(groupId: Uint8Array): void;
  /** Checks the signatures of a burst's envelopes off this thread; null: all checked here. */
  verifyWorker: VerifyWorker | null;
  /** What handling a frame threw: reported, and the frames after it are still handled. */
  onFrameError(error: unknown): void;
}

export function createFrameRouter(deps: FrameRouterDeps): (frame: RelayFrame) => void {
  const { docs, held } = deps;

  const inbox = createFrameInbox(deps.verifyWorker, deps.onFrameError);

  /** Decoded once, here: the router needs the header, the verifier gets the whole envelope. */
  function decode(seq: number, bytes: Uint8Array, isLink: boolean): Frame | null {
    try {
      const decoded = isLink
        ? { isLink, link: decodeSnapshotLink(bytes) }
        : { isLink, envelope: decodeEnvelope(bytes) };
      const header = decoded.isLink ? decoded.link.header : decoded.envelope.header;
      return { seq, ...decoded, needs: { epoch: header.epoch, logLength: header.log.length } };
    } catch {
      return null;
    }
  }

  function routeEnvelope(frame: Frame | null): void {
    if (!frame) {
      deps.warn(null, 'tampered');
      return;
    }
    const docHex = toHex(frame.isLink ? frame.link.header.docId : frame.envelope.header.docId);
    const doc = docs.get(docHex);
    if (!doc) {
      // Not a document I subscribed to: the relay spliced in another document's message.
      deps.warn(null, 'spliced');
      return;
    }
    if (held.holdIfEarly(docHex, doc, frame)) return;
    deliver(doc, frame);
  }

  function caughtUp(docId: Uint8Array, seq: number): void {
    const docHex = toHex(docId);
    const doc = docs.get(docHex);
    if (!doc) return;
    // Judged on arrival: frames that come after it (live ones) may be through before it is.
    if (deps.onCaughtUpArrived(doc, seq)) return;
    const generation = held.generation(docHex);
    // Caught up only once the held frames before it are through; never for a catch-up since
    // replaced by another (its held frames were dropped: they come again in the new one).
    const done = (): void => {
      if (held.generation(docHex) !== generation || docs.get(docHex) !== doc) return;
      if (held.has(docHex)) {
        setTimeout(() => {
          try {
            done();
          } catch (error) {
            deps.onFrameError(error);
          }
        }, 50).unref();
        return;
      }
      deps.onCaughtUp(doc);
    };
    done();
  }

  function handle(frame: RelayFrame, decoded: Frame | null): void {
    if (deps.isStopped()) return;
    switch (frame.type) {
      case 'deliver':
      case 'snapshotLink':
        routeEnvelope(decoded);
        break;
      case 'caughtUp':
        caughtUp(frame.docId, frame.seq);
        break;
      case 'ephemeral':
        deps.onEphemeral(frame.envelope);
        break;
      case 'groupChanged':
        void deps.refreshQuietly(frame.groupId);
        break;
      case 'mailChanged':
        deps.onMailChanged(frame.groupId);
        break;
      default:
        break;
    }
  }

  return (frame) => {
    if (deps.isStopped()) return;
    const decoded =
      frame.type === 'deliver'
        ? decode(frame.seq, frame.envelope, false)
        : frame.type === 'snapshotLink'
          ? decode(frame.seq, frame.link, true)
          : null;
    inbox.push({
      envelope: decoded && !decoded.isLink ? decoded.envelope : null,
      handle(authorSigned) {
        // The worker's answer travels with the frame, also while it is held for a key.
        if (decoded && !decoded.isLink && authorSigned) decoded.authorSigned = true;
        handle(frame, decoded);
      },
    });
  };
}
