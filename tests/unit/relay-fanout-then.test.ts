// The fan-out's hook between local deliveries: where a publish's ACK goes out among them.
import { describe, expect, it } from 'vitest';
import {
  callListeners,
  DELIVERIES_BEFORE_THEN,
  type FanoutListener,
  type FanoutMessage,
} from '../../server/fanout/fanout';
import { createMemoryFanout } from '../../server/fanout/memory-fanout';

const message: FanoutMessage = { frame: new Uint8Array([1, 2, 3]), origin: 'author', seq: 7 };

/** `count` listeners that note their index in `events`. */
function listeners(count: number, events: string[]): Set<FanoutListener> {
  return new Set(
    Array.from({ length: count }, (_, i) => () => {
      events.push(`deliver ${i}`);
    }),
  );
}

describe('callListeners', () => {
  it('in a small space runs `then` after every delivery', () => {
    const events: string[] = [];
    callListeners(listeners(3, events), message, () => events.push('then'));
    expect(events).toEqual(['deliver 0', 'deliver 1', 'deliver 2', 'then']);
  });

  it('in a large space runs `then` once, after the first few deliveries and before the rest', () => {
    const events: string[] = [];
    const count = DELIVERIES_BEFORE_THEN + 5;
    callListeners(listeners(count, events), message, () => events.push('then'));
    expect(events).toHaveLength(count + 1);
    expect(events.indexOf('then')).toBe(DELIVERIES_BEFORE_THEN);
    expect(events.filter((e) => e === 'then')).toHaveLength(1);
    expect(new Set(events.filter((e) => e !== 'then')).size).toBe(count);
  });

  it('runs `then` with no listener at all, and once when a listener throws', () => {
    const then = { calls: 0 };
    callListeners(undefined, message, () => then.calls++);
    expect(then.calls).toBe(1);
    const failing = new Set<FanoutListener>([
      () => {
        throw new Error('socket gone');
      },
    ]);
    expect(() => callListeners(failing, message, () => then.calls++)).toThrow('socket gone');
    expect(then.calls).toBe(2);
  });

  it('is what the in-process fan-out does for a topic, leaving other topics alone', () => {
    const fanout = createMemoryFanout();
    const events: string[] = [];
    for (const listener of listeners(DELIVERIES_BEFORE_THEN + 1, events)) {
      fanout.subscribe('doc:a', listener);
    }
    fanout.subscribe('doc:b', () => events.push('other topic'));
    fanout.publish('doc:a', message, () => events.push('then'));
    expect(events.indexOf('then')).toBe(DELIVERIES_BEFORE_THEN);
    expect(events).not.toContain('other topic');
    expect(events).toHaveLength(DELIVERIES_BEFORE_THEN + 2);
  });
});
