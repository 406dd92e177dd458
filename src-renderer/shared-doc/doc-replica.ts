// One renderer-side Y.Doc replica per shared document, shared by every view of it (the plan editor,
// tasks, comments, versions), counted so the last view to leave destroys it. Local changes (any
// origin but 'remote') go to main through the document's sender; verified remote updates come in.
import type { DocUpdateSender } from './update-sender';
import * as Y from 'yjs';
import type { ApiError } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import { fromBase64 } from './base64';
import type { SharedDocs } from './shared-docs';

export type ReplicaPhase =
  { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; error: ApiError };

export class DocReplica {
  readonly doc = new Y.Doc();
  private phase: ReplicaPhase = { kind: 'opening' };
  private readonly listeners = new Set<() => void>();
  private offRemote: () => void = () => undefined;
  users = 0;

  /** What saves this document's local edits to main: its state is what a save status shows. */
  get sender(): DocUpdateSender {
    return this.docs.sender(this.docId);
  }

  constructor(
    readonly docId: string,
    private readonly docs: SharedDocs,
  ) {
    const sender = docs.acquire(docId);
    // V1: the cheapest to encode per transaction (main converts each call to V2).
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') sender.push(update);
    });
    // Listen before asking: an update that arrives first is kept by Yjs until its base is there.
    this.offRemote = onEvent('docs.remoteUpdate', (event) => {
      if (event.docId !== docId) return;
      try {
        Y.applyUpdateV2(this.doc, fromBase64(event.update), 'remote');
      } catch {
        // Main verified it; a malformed update here would be a bug there. Keep the replica usable.
      }
    });
    void this.open();
  }

  /** (Re)opens: the state from main, then my edits main has not stored yet. */
  async open(): Promise<void> {
    this.setPhase({ kind: 'opening' });
    const outcome = await call('docs.open', { docId: this.docId });
    if (!outcome.ok) {
      this.setPhase({ kind: 'failed', error: outcome.error });
      return;
    }
    try {
      // One transaction: the editor redraws once, not once per stored row.
      Y.transact(
        this.doc,
        () => {
          for (const update of outcome.value.updates) {
            Y.applyUpdateV2(this.doc, fromBase64(update), 'remote');
          }
          for (const update of this.docs.sender(this.docId).unconfirmed()) {
            Y.applyUpdate(this.doc, update, 'remote');
          }
        },
        'remote',
        // Not this user's change (as applyUpdate marks it): plans' automatic versions ignore it.
        false,
      );
    } catch {
      this.setPhase({ kind: 'failed', error: { code: 'internal', message: 'bad document state' } });
      return;
    }
    this.setPhase({ kind: 'open' });
  }

  getPhase = (): ReplicaPhase => this.phase;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.offRemote();
    this.doc.destroy();
    this.listeners.clear();
    this.docs.release(this.docId);
  }

  private setPhase(phase: ReplicaPhase): void {
    this.phase = phase;
    for (const listener of this.listeners) listener();
  }
}

/** The replicas of the unlocked session, by document id. */
export class DocReplicas {
  private readonly replicas = new Map<string, DocReplica>();

  constructor(private readonly docs: SharedDocs) {}

  acquire(docId: string): DocReplica {
    let replica = this.replicas.get(docId);
    if (!replica) {
      replica = new DocReplica(docId, this.docs);
      this.replicas.set(docId, replica);
    }
    replica.users++;
    return replica;
  }

  release(replica: DocReplica): void {
    replica.users--;
    if (replica.users > 0) return;
    this.replicas.delete(replica.docId);
    replica.destroy();
  }
}
