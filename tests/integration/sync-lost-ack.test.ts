// A publish whose ACK never comes: the relay may have stored it, or the connection may be gone
// without closing. What the author types must still reach the others, and nothing may be sealed
// twice under one clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRelay } from '../../server/relay';
import type { CommittedEnvelope, RelayStore } from '../../server/store/relay-store';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { RelayFrameType } from '../../src-shared/protocol/wire-constants';
import {
  cleanups,
  client,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

/** Alice's request timeout: short, yet long enough for every request of the set-up to be answered. */
const TIMEOUT_MS = 2500;

/** A client socket that loses the next ACK the relay sends once `armed` is set. */
const lose = { armed: false, lost: 0 };
class AckLosingSocket extends WebSocket {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const data = args[0];
    if (event === 'message' && lose.armed && data instanceof Buffer) {
      if (data[1] === RelayFrameType.ack) {
        lose.armed = false;
        lose.lost++;
        return true;
      }
    }
    return super.emit(event, ...args);
  }
}

/** A client socket that, once `goesSilent` took it, neither sends nor receives: a dead link. */
const silent = new WeakSet<WebSocket>();
/** Every HalfOpenSocket that opened, in order: the engine's connections. */
const opened: WebSocket[] = [];
class HalfOpenSocket extends WebSocket {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'open') opened.push(this);
    if (event === 'message' && silent.has(this)) return true;
    return super.emit(event, ...args);
  }
}
function goesSilent(socket: WebSocket | undefined): void {
  if (!socket) throw new Error('no connection to silence');
  silent.add(socket);
  Object.defineProperty(socket, 'send', { value: () => undefined });
  Object.defineProperty(socket, 'ping', { value: () => undefined });
}

/** Alice on the given socket with a short request timeout, Bob, and a space they share. */
async function aliceAndBob(relayUrl: string, socket: typeof WebSocket, idlePingMs?: number) {
  const tuning = { requestTimeoutMs: TIMEOUT_MS, ...(idlePingMs ? { idlePingMs } : {}) };
  const alice = await client(relayUrl, undefined, tuning, socket);
  const bob = await client(relayUrl);
  await sharedSpace([alice, bob]);
  return { alice, bob };
}

describe('an unanswered publish', () => {
  it('when its ACK was lost, delivers what was typed after it', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const { alice, bob } = await aliceAndBob(relay.url, AckLosingSocket);

    lose.armed = true;
    alice.doc.getText('t').insert(0, 'first ');
    await waitFor('Bob has the first edit', () => bob.text() === 'first ');
    expect(lose.lost).toBe(1);
    // Typed while the lost ACK's request is still waiting for its answer: both edits wait.
    alice.doc.getText('t').insert(6, 'second');
    await waitFor('both edits wait', () => alice.engine.state().pending === 2);
    await waitFor('Bob has the second edit', () => bob.text() === 'first second');
    await waitFor('Alice has nothing left to send', () => alice.engine.state().pending === 0);
    expect(alice.text()).toBe('first second');
  });

  it('on a connection that went silent without closing, connects again and delivers', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const { alice, bob } = await aliceAndBob(relay.url, HalfOpenSocket);
    const socketsBefore = opened.length;

    goesSilent(opened.at(-1));
    alice.doc.getText('t').insert(0, 'typed on a dead link');
    await waitFor('Bob has the edit', () => bob.text() === 'typed on a dead link');
    // Only a new connection can have carried it: the old one neither sends nor receives.
    expect(opened.length).toBeGreaterThan(socketsBefore);
    await waitFor('Alice has nothing left to send', () => alice.engine.state().pending === 0);
  });

  it('whose relay is still committing it when the author reconnects, loses nothing typed after', async () => {
    // The relay's store holds one commit back until released: the publish's handler waits, the
    // author hears nothing, drops the silent connection and subscribes on a new one (which this
    // relay answers once the commit is done; a relay process of a cluster might answer before).
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const inner = openSqliteStore(dataDir);
    const hold = { armed: false, held: false, release: (): void => undefined };
    const store: RelayStore = {
      ...inner,
      commitEnvelope(commit): Promise<CommittedEnvelope> {
        if (!hold.armed) return inner.commitEnvelope(commit);
        hold.armed = false;
        hold.held = true;
        return new Promise<void>((resolve) => (hold.release = resolve)).then(() =>
          inner.commitEnvelope(commit),
        );
      },
    };
    const relay = await startRelay({ port: 0, dataDir, store, log: () => undefined });
    cleanups.push(() => relay.close());
    const { alice, bob } = await aliceAndBob(relay.url, HalfOpenSocket);
    const connections = opened.length;

    hold.armed = true;
    alice.doc.getText('t').insert(0, 'first ');
    await waitFor('the relay is committing the first edit', () => hold.held);
    alice.doc.getText('t').insert(6, 'second');
    await waitFor('both edits wait', () => alice.engine.state().pending === 2);
    await waitFor('Alice connected again', () => opened.length > connections, 20_000);
    hold.release();
    await waitFor('Bob has both edits', () => bob.text() === 'first second', 20_000);
    await waitFor('Alice has nothing left to send', () => alice.engine.state().pending === 0);
  }, 60_000);

  it('is not needed to find a dead link: a change of network checks the connection', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const { alice, bob } = await aliceAndBob(relay.url, HalfOpenSocket);
    const socketsBefore = opened.length;

    // Alice only reads: nothing she sends could time out and give the dead link away.
    goesSilent(opened.at(-1));
    bob.doc.getText('t').insert(0, 'news from Bob');
    await waitFor('Bob has sent it', () => bob.engine.state().pending === 0);
    alice.engine.retryNow(); // what the network watcher does when an address changes
    await waitFor('Alice connected again', () => opened.length > socketsBefore);
    await waitFor('Alice has the news', () => alice.text() === 'news from Bob');
  });

  it('is not needed to find a dead link: a reader in a quiet space checks it now and then', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const { alice, bob } = await aliceAndBob(relay.url, HalfOpenSocket, 300);
    const socketsBefore = opened.length;

    // Alice only reads, and her network does not change: only the quiet gives the dead link away.
    goesSilent(opened.at(-1));
    bob.doc.getText('t').insert(0, 'news from Bob');
    await waitFor('Bob has sent it', () => bob.engine.state().pending === 0);
    await waitFor('Alice connected again', () => opened.length > socketsBefore);
    await waitFor('Alice has the news', () => alice.text() === 'news from Bob');
  });
});
