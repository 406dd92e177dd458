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
const frame = (seq: number): Uint8Array => new Uint8Array([seq]);

function subscribed() {
  const fanout = createMemoryFanout();
  const sent: number[] = [];
  const subs = new Subscriptions(
    'me',
    fanout,
    (f) => sent.push(f[0] ?? -1),
    () => undefined,
  );
  const publish = (seq: number): void =>
    fanout.publish(docTopic(toHex(docId)), { frame: frame(seq), origin: 'other', seq });
  return { subs, sent, publish };
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
});
