// Routes what the relay pushes to the document it names: envelopes and snapshot links (held while
// their epoch's key is missing), caught-up marks, presence, and group-changed notices.
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEnvelope, decodeSnapshotLink } from '../../../src-shared/protocol/envelope';
import type { RelayFrame } from '../../../src-shared/protocol/frames';
import { deliver, type Frame, type HeldFrames } from './held-frames';
import type { OpenDoc, OpenDocs } from './open-documents';

export interface FrameRouterDeps {
  docs: OpenDocs;
  held: HeldFrames;
  isStopped(): boolean;
  warn(docHex: string | null, reason: string): void;
  refreshQuietly(groupId: Uint8Array): Promise<boolean>;
  onEphemeral(bytes: Uint8Array): void;
  /** The document's catch-up is through, held frames included. */
  onCaughtUp(doc: OpenDoc): void;
  /** The relay holds new briefing items for this device in the group. */
  onMailChanged(groupId: Uint8Array): void;
}

export function createFrameRouter(deps: FrameRouterDeps): (frame: RelayFrame) => void {
  const { docs, held } = deps;

  function routeEnvelope(seq: number, bytes: Uint8Array, isLink: boolean): void {
    let docHex: string;
    let frame: Frame;
    try {
      const header = isLink ? decodeSnapshotLink(bytes).header : decodeEnvelope(bytes).header;
      docHex = toHex(header.docId);
      frame = { seq, bytes, isLink, needs: { epoch: header.epoch, logLength: header.log.length } };
    } catch {
      deps.warn(null, 'tampered');
      return;
    }
    const doc = docs.get(docHex);
    if (!doc) {
      // Not a document I subscribed to: the relay spliced in another document's message.
      deps.warn(null, 'spliced');
      return;
    }
    if (held.holdIfEarly(docHex, doc, frame)) return;
    deliver(doc, frame);
  }

  function caughtUp(docId: Uint8Array): void {
    const docHex = toHex(docId);
    const doc = docs.get(docHex);
    if (!doc) return;
    // Caught up only once the held frames before it are through.
    const done = (): void => {
      if (held.has(docHex)) {
        setTimeout(done, 50).unref();
        return;
      }
      deps.onCaughtUp(doc);
    };
    done();
  }

  return (frame) => {
    if (deps.isStopped()) return;
    switch (frame.type) {
      case 'deliver':
        routeEnvelope(frame.seq, frame.envelope, false);
        break;
      case 'snapshotLink':
        routeEnvelope(frame.seq, frame.link, true);
        break;
      case 'caughtUp':
        caughtUp(frame.docId);
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
  };
}
