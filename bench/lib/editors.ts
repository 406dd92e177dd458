// The human-rate scenario's editors, each in a worker thread (editor-worker.ts), one request at a
// time per editor; a Suviaz group of editors shares a space as sharedSpace() does in one thread.
import { Worker } from 'node:worker_threads';
import type { Peer } from '../peers/peer-client';
import type { EditorReply, EditorRequest } from './editor-protocol';

export class Editor {
  private readonly worker: Worker;

  /** `scratchDir`: where the editor's vault goes (the system's temporary directory if null). */
  constructor(kind: 'suviaz' | Peer, url: string, room: string, scratchDir: string | null = null) {
    // The worker inherits the process's --import tsx, so it loads TypeScript like the bench.
    this.worker = new Worker(new URL('./editor-worker.ts', import.meta.url), {
      workerData: { kind, url, room },
      env: scratchDir ? { ...process.env, TMPDIR: scratchDir } : process.env,
    });
  }

  ask<T extends EditorReply['type']>(
    request: EditorRequest,
    expect: T,
  ): Promise<Extract<EditorReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (reply: EditorReply) => {
        this.worker.off('error', onError);
        if (reply.type === expect) resolve(reply as Extract<EditorReply, { type: T }>);
        else reject(new Error(reply.type === 'error' ? reply.message : `unexpected ${reply.type}`));
      });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.ask({ type: 'stop' }, 'ok').catch(() => undefined);
    await this.worker.terminate();
  }
}

/** Starts `count` editors; Suviaz editors then share one space, the first its owner. */
export async function startEditors(
  kind: 'suviaz' | Peer,
  url: string,
  count: number,
  scratchDir: string | null = null,
): Promise<Editor[]> {
  const editors = Array.from({ length: count }, () => new Editor(kind, url, 'typing', scratchDir));
  const started = await Promise.all(editors.map((e) => e.ask({ type: 'start' }, 'started')));
  if (kind === 'suviaz') {
    const [owner, ...others] = editors;
    if (!owner) throw new Error('no editors');
    const space = await owner.ask(
      { type: 'createSpace', members: started.slice(1).map((s) => s.deviceCode) },
      'space',
    );
    await Promise.all(
      others.map((e) => e.ask({ type: 'join', spaceId: space.spaceId, docId: space.docId }, 'ok')),
    );
  }
  await Promise.all(editors.map((e) => e.ask({ type: 'ready' }, 'ok')));
  return editors;
}
