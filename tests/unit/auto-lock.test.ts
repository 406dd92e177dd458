import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoLock } from '../../src-main/core/session/auto-lock';

describe('auto-lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the idle time, and activity pushes the deadline back', () => {
    const onIdle = vi.fn();
    const lock = createAutoLock(10, onIdle);
    vi.advanceTimersByTime(9 * 60_000);
    lock.touch();
    vi.advanceTimersByTime(9 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('0 minutes never locks, and a new setting applies at once', () => {
    const onIdle = vi.fn();
    const lock = createAutoLock(0, onIdle);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    lock.setMinutes(1);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stop cancels a pending lock', () => {
    const onIdle = vi.fn();
    createAutoLock(1, onIdle).stop();
    vi.advanceTimersByTime(5 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
