// A subscription's catch-up and its live messages meet without a gap or a repeat: what arrives while
// the catch-up is read is buffered, and a message the catch-up already carried is never sent again —
// also when its fan-out comes after the subscription went live (the relay fans out once a write is
// durable, which can be after a catch-up read that saw it).
import { describe, expect, it } from 'vitest';
import { docTopic } from '../../server/fanout/fanout';
import { createMemoryFanout } from '../../server/fanout/memory-fanout';
import { Subscriptions } from '../../server/subscriptions';
import { toHex } from '../../src-shared/protocol/bytes';

const groupId = new Uint8Array(16).fill(1);
const docId = new Uint8Array(16).fill(2);

function subscribed(maxBufferedBytes = 1024 * 1024) {
  const fanout = createMemoryFanout();
  const sent: number[] = [];
  const overflows = { count: 0 };
  const subs = new Subscriptions(
    'me',
    fanout,
    (f) => sent.push(f[0] ?? -1),
    () => overflows.count++,
    maxBufferedBytes,
  );
  const publish = (seq: number, size = 1, doc = docId): void => {
    const bytes = new Uint8Array(size).fill(seq);
    fanout.publish(docTopic(toHex(doc)), { frame: bytes, origin: 'other', seq });
  };
  return { subs, sent, publish, overflows };
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
    const { subs, sent, publish, overflows } = subscribed(1000);
    const otherDoc = new Uint8Array(16).fill(3);
    subs.begin(groupId, docId);
    subs.begin(groupId, otherDoc);
    publish(1, 400);
    publish(2, 400, otherDoc);
    expect(overflows.count).toBe(0);
    // Both subscriptions together would hold more than the limit: the connection is too slow.
    publish(3, 400);
    expect(overflows.count).toBe(1);
    expect(sent).toEqual([]);
  });

  it('frees the bytes a subscription buffered once it goes live or ends', () => {
    const { subs, sent, publish, overflows } = subscribed(1000);
    subs.begin(groupId, docId);
    publish(1, 600);
    subs.goLive(docId, 0);
    subs.begin(groupId, docId);
    publish(2, 600);
    subs.end(docId);
    subs.begin(groupId, docId);
    publish(3, 600);
    subs.goLive(docId, 0);
    expect(overflows.count).toBe(0);
    expect(sent).toEqual([1, 3]);
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
    const subs = new Subscriptions(
      'me',
      counting,
      () => undefined,
      () => undefined,
      1000,
    );
    expect(subs.begin(groupId, docId)).toBe(true);
    subs.endAll();
    expect(subs.begin(groupId, docId)).toBe(false);
    expect(topics).toEqual([docTopic(toHex(docId))]);
    expect(subs.size).toBe(0);
  });
});
