// A subscription's catch-up and its live messages meet without a gap or a repeat: what arrives while
// the catch-up is read is buffered, and a message the catch-up already carried is never sent again —
// also when its fan-out comes after the subscription went live (the relay fans out once a write is
// durable, which can be after a catch-up read that saw it). Live, every seq goes out in order: one
// that has not come when a later one does (another relay process's, late or lost) is read from the
// store first, so a client's last seq always means "everything up to here".
import { describe, expect, it } from 'vitest';
import { docTopic } from '../../server/fanout/fanout';
import { createMemoryFanout } from '../../server/fanout/memory-fanout';
import { MAX_FILLED_SEQS, Subscriptions, type SubscriptionIo } from '../../server/subscriptions';
import { toHex } from '../../src-shared/protocol/bytes';

const groupId = new Uint8Array(16).fill(1);
const docId = new Uint8Array(16).fill(2);

function subscribed(maxBufferedBytes = 1024 * 1024) {
  const fanout = createMemoryFanout();
  const sent: number[] = [];
  const counts = { overflows: 0, resyncs: 0, reads: 0 };
  /** What the store holds, by seq: a missed seq is read from here. */
  const stored = new Map<number, number>();
  let storeDown = false;
  const io: SubscriptionIo = {
    forward: (f) => sent.push(f[0] ?? -1),
    overflow: () => counts.overflows++,
    resync: () => counts.resyncs++,
    missed: async (_doc, seq) => {
      counts.reads++;
      await Promise.resolve();
      if (storeDown) throw new Error('store unreachable');
      const value = stored.get(seq);
      return value === undefined ? null : new Uint8Array([value]);
    },
    maxBufferedBytes,
  };
  const subs = new Subscriptions('me', fanout, io);
  const publish = (seq: number, size = 1, doc = docId, origin = 'other'): void => {
    stored.set(seq, seq);
    const bytes = new Uint8Array(size).fill(seq);
    fanout.publish(docTopic(toHex(groupId), toHex(doc)), { frame: bytes, origin, seq });
  };
  /** Committed on another relay process: in the store, its fan-out not (yet) here. */
  const committedElsewhere = (seq: number): void => void stored.set(seq, seq);
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    subs,
    sent,
    publish,
    committedElsewhere,
    settle,
    counts,
    storeDown: () => (storeDown = true),
  };
}

describe('relay subscriptions', () => {
  it('forwards what arrived during the catch-up minus what it carried', () => {
    const { subs, sent, publish } = subscribed();
    subs.begin(groupId, docId);
    publish(4);
    publish(5);
    subs.goLive(docId, 4);
    publish(6);
    expect(sent).toEqual([5, 6]);
  });

  it('drops a late fan-out of a message the catch-up already sent', () => {
    const { subs, sent, publish } = subscribed();
    subs.begin(groupId, docId);
    subs.goLive(docId, 7);
    publish(7);
    publish(8);
    expect(sent).toEqual([8]);
  });

  it("holds at most the connection's byte limit while catching up, then counts it as stuck", () => {
    const { subs, sent, publish, counts } = subscribed(1000);
    const otherDoc = new Uint8Array(16).fill(3);
    subs.begin(groupId, docId);
    subs.begin(groupId, otherDoc);
    publish(1, 400);
    publish(2, 400, otherDoc);
    expect(counts.overflows).toBe(0);
    // Both subscriptions together would hold more than the limit: the connection is too slow.
    publish(3, 400);
    expect(counts.overflows).toBe(1);
    expect(sent).toEqual([]);
  });

  it('frees the bytes a subscription buffered once it goes live or ends', () => {
    const { subs, sent, publish, counts } = subscribed(1000);
    subs.begin(groupId, docId);
    publish(1, 600);
    subs.goLive(docId, 0);
    subs.begin(groupId, docId);
    publish(2, 600);
    subs.end(docId);
    subs.begin(groupId, docId);
    publish(3, 600);
    subs.goLive(docId, 2);
    expect(counts.overflows).toBe(0);
    expect(sent).toEqual([1, 3]);
  });

  it('sends a seq that was committed elsewhere but has not come before a later one', async () => {
    const { subs, sent, publish, committedElsewhere, settle, counts } = subscribed();
    subs.begin(groupId, docId);
    subs.goLive(docId, 5);
    publish(6);
    committedElsewhere(7);
    publish(8);
    // Held until 7 is read from the store; what comes meanwhile waits behind it.
    publish(9);
    expect(sent).toEqual([6]);
    await settle();
    expect(sent).toEqual([6, 7, 8, 9]);
    // 7's own fan-out, late: not sent twice.
    publish(7);
    publish(10);
    expect(sent).toEqual([6, 7, 8, 9, 10]);
    expect(counts.reads).toBe(1);
  });

  it("counts the connection's own publish as passed without sending it back", async () => {
    const { subs, sent, publish, committedElsewhere, settle, counts } = subscribed();
    subs.begin(groupId, docId);
    subs.goLive(docId, 1);
    publish(2, 1, docId, 'me');
    publish(3);
    committedElsewhere(4);
    publish(5, 1, docId, 'me');
    await settle();
    expect(sent).toEqual([3, 4]);
    expect(counts.reads).toBe(1);
  });

  it('fills a hole in what the catch-up left buffered as well', async () => {
    const { subs, sent, publish, committedElsewhere, settle } = subscribed();
    subs.begin(groupId, docId);
    committedElsewhere(3);
    publish(4);
    subs.goLive(docId, 2);
    await settle();
    expect(sent).toEqual([3, 4]);
  });

  it('leaves a long hole, or one the store cannot fill now, to a reconnection', async () => {
    const long = subscribed();
    long.subs.begin(groupId, docId);
    long.subs.goLive(docId, 1);
    long.publish(2 + MAX_FILLED_SEQS + 1);
    await long.settle();
    expect(long.counts).toMatchObject({ resyncs: 1, reads: 0 });
    expect(long.sent).toEqual([]);

    const down = subscribed();
    down.subs.begin(groupId, docId);
    down.subs.goLive(docId, 1);
    down.committedElsewhere(2);
    down.storeDown();
    down.publish(3);
    await down.settle();
    expect(down.counts.resyncs).toBe(1);
    expect(down.sent).toEqual([]);
  });

  it('stops a fill whose subscription ended meanwhile', async () => {
    const { subs, sent, publish, committedElsewhere, settle, counts } = subscribed();
    subs.begin(groupId, docId);
    subs.goLive(docId, 1);
    committedElsewhere(2);
    publish(3);
    subs.end(docId);
    await settle();
    expect(sent).toEqual([]);
    expect(counts.resyncs).toBe(0);
  });

  it('registers nothing once the connection is gone (a SUBSCRIBE that finished after its close)', () => {
    const fanout = createMemoryFanout();
    const topics: string[] = [];
    const counting = {
      ...fanout,
      subscribe: (topic: string, listener: Parameters<typeof fanout.subscribe>[1]) => {
        topics.push(topic);
        return fanout.subscribe(topic, listener);
      },
    };
    const subs = new Subscriptions('me', counting, {
      forward: () => undefined,
      overflow: () => undefined,
      resync: () => undefined,
      missed: () => Promise.resolve(null),
      maxBufferedBytes: 1000,
    });
    expect(subs.begin(groupId, docId)).toBe(true);
    subs.endAll();
    expect(subs.begin(groupId, docId)).toBe(false);
    expect(topics).toEqual([docTopic(toHex(groupId), toHex(docId))]);
    expect(subs.size).toBe(0);
  });
});
