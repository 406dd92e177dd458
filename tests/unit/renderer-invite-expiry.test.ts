import { describe, expect, it } from 'vitest';
import {
  expiryDistance,
  formatExpiryDistance,
  isInviteExpired,
  parseInviteDays,
} from '../../src-renderer/lib/invite-expiry';
import { LIMITS } from '../../src-shared/limits';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = Date.UTC(2025, 2, 1, 12, 0, 0);

describe('invite days', () => {
  it('accepts whole days from 1 to the limit', () => {
    expect(parseInviteDays('7')).toBe(7);
    expect(parseInviteDays(' 1 ')).toBe(1);
    expect(parseInviteDays(String(LIMITS.inviteMaxDays))).toBe(LIMITS.inviteMaxDays);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', String(LIMITS.inviteMaxDays + 1), '2.5', '-3', '1e1', 'seven']) {
      expect(parseInviteDays(text), text).toBeNull();
    }
  });
});

describe('invite expiry', () => {
  it('is expired from the moment it expires', () => {
    expect(isInviteExpired(now + 1, now)).toBe(false);
    expect(isInviteExpired(now, now)).toBe(true);
  });

  it('rounds to the largest unit, so a fresh 7-day invite reads 7 days', () => {
    expect(expiryDistance(now + 7 * DAY - 1500, now)).toEqual({ value: 7, unit: 'day' });
    expect(expiryDistance(now + 5 * HOUR + 10 * MINUTE, now)).toEqual({ value: 5, unit: 'hour' });
    expect(expiryDistance(now + 20 * MINUTE, now)).toEqual({ value: 20, unit: 'minute' });
    expect(expiryDistance(now + 5_000, now)).toEqual({ value: 1, unit: 'minute' });
  });

  it('counts backwards once expired', () => {
    expect(expiryDistance(now - 2 * DAY, now)).toEqual({ value: -2, unit: 'day' });
    expect(expiryDistance(now - 3 * HOUR, now)).toEqual({ value: -3, unit: 'hour' });
  });

  it('says it in words of the language', () => {
    expect(formatExpiryDistance(now + 7 * DAY, now, 'en')).toBe('in 7 days');
    expect(formatExpiryDistance(now - 2 * HOUR, now, 'en')).toBe('2 hours ago');
  });
});
