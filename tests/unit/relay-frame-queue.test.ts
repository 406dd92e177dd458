// The relay's per-connection frame queue: frames are handled one at a time in order, and the socket
// stops being read while too many frames, or too many bytes of them, wait.
import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { FrameQueue } from '../../server/frame-queue';

/** The part of a socket the queue uses, recording whether reading is paused. */
function fakeSocket() {
  const socket = { paused: false, pauses: 0 };
  const ws = {
    pause: () => {
      socket.paused = true;
      socket.pauses++;
    },
    resume: () => {
      socket.paused = false;
    },
  } as unknown as WebSocket; // Only pause and resume are called.
  return { socket, ws };
}

/** A handler that finishes when the test says so. */
function held() {
  let release = (): void => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { handle: () => done, release };
}

describe('relay frame queue', () => {
  it('pauses reading once the waiting frames hold too many bytes, and resumes as they drain', async () => {
    const { socket, ws } = fakeSocket();
    const queue = new FrameQueue(ws, { maxPendingFrames: 64, maxPendingBytes: 1000 }, () => {});
    const frames = [held(), held(), held()];
    queue.push(400, frames[0]!.handle);
    queue.push(400, frames[1]!.handle);
    expect(socket.paused).toBe(false);
    // Three frames are far below 64, but 1,200 bytes are over the limit.
    queue.push(400, frames[2]!.handle);
    expect(socket.paused).toBe(true);

    frames[0]!.release();
    frames[1]!.release();
    await new Promise((resolve) => setImmediate(resolve));
    // 400 bytes still wait: below half the limit, so reading resumes.
    expect(socket.paused).toBe(false);
    frames[2]!.release();
    await queue.settled();
    expect(socket.pauses).toBe(1);
  });

  it('handles frames strictly in arrival order, each after the one before finished', async () => {
    const { ws } = fakeSocket();
    const queue = new FrameQueue(ws, { maxPendingFrames: 4, maxPendingBytes: 1 << 20 }, () => {});
    const order: string[] = [];
    const first = held();
    queue.push(1, async () => {
      order.push('first starts');
      await first.handle();
      order.push('first ends');
    });
    queue.push(1, async () => {
      order.push('second');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['first starts']);
    first.release();
    await queue.settled();
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });
});
