// A whole series shared with its changed occurrences: a moved meeting travels at its new time, a
// renamed one with its own title, a deleted one not at all, and nothing for slots the series does
// not have nor for occurrences already over. The payload stays strict and bounded: past the cap
// the share is refused, never trimmed.
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { openShare, sharedPart, signShare } from '../../src-main/core/calendar/event-share';
import { SHARE_OVERRIDES_MAX } from '../../src-main/core/calendar/series-share';
import {
  generateSigningKeyPair,
  sign,
  sodiumReady,
  toHex,
} from '../../src-main/core/crypto/sodium';
import { SuviazError } from '../../src-main/core/errors';
import type { CalendarEvent } from '../../src-shared/calendar/event-model';
import {
  nextSharedOccurrences,
  sharedOccurrences,
} from '../../src-shared/calendar/shared-occurrences';

let pair: ReturnType<typeof generateSigningKeyPair>;
beforeAll(async () => {
  await sodiumReady();
  pair = generateSigningKeyPair();
});

const TZ = 'Europe/Vilnius';
const at = (local: string): number => DateTime.fromISO(local, { zone: TZ }).toMillis();

/** Mondays 10:00 from 23 March: 30 March moved to Wednesday 15:00, 6 April renamed, 13 deleted. */
const series: CalendarEvent = {
  id: 'e'.repeat(32),
  title: 'Coalition meeting',
  description: 'Weekly',
  location: 'Office',
  allDay: false,
  start: '2026-03-23T10:00',
  end: '2026-03-23T11:00',
  tz: TZ,
  rrule: 'FREQ=WEEKLY;COUNT=6',
  exdates: ['2026-04-13T10:00'],
  overrides: {
    '2026-03-30T10:00': { start: '2026-04-01T15:00', end: '2026-04-01T16:00' },
    '2026-04-06T10:00': { title: 'Coalition meeting: budget' },
    // Left by a member's modified app: a deleted slot, a slot the rule never makes, no change.
    '2026-04-13T10:00': { title: 'Secret agenda' },
    '2026-03-31T10:00': { title: 'Not a slot' },
    '2026-04-20T10:00': {},
  },
  orgId: null,
  visibility: 'coalition',
  createdBy: 'c'.repeat(64),
  updatedAt: 1,
};

/** Before either series here starts: every change is still to come. */
const BEFORE = at('2025-12-31T00:00');

const signed = (part: ReturnType<typeof sharedPart>, extra: object = {}): Uint8Array => {
  const payload = {
    v: 3 as const,
    from: toHex(pair.publicKey),
    fromName: null,
    to: null,
    via: null,
    sharedAt: 1,
    expiresAt: null,
    ...part,
    ...extra,
  };
  // Signed as any app would sign it, checks or not: openShare must judge what arrives.
  const text = JSON.stringify(payload);
  const message = new TextEncoder().encode(`suviaz/event-share/v1\n${text}`);
  const signature = Buffer.from(sign(pair.secretKey, message)).toString('base64');
  return new TextEncoder().encode(JSON.stringify({ payload: text, signature }));
};

/** Daily 09:00–10:00 from 1 January, 400 of them, the first `n` each in a room of its own. */
const daily = (n: number): CalendarEvent => {
  const overrides: CalendarEvent['overrides'] = {};
  let day = DateTime.fromISO('2026-01-01T09:00');
  for (let i = 0; i < n; i++, day = day.plus({ days: 1 })) {
    overrides[day.toFormat("yyyy-MM-dd'T'HH:mm")] = { location: `Room ${i}` };
  }
  return {
    ...series,
    start: '2026-01-01T09:00',
    end: '2026-01-01T10:00',
    rrule: 'FREQ=DAILY;COUNT=400',
    exdates: [],
    overrides,
  };
};

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof SuviazError ? error.code : 'not a SuviazError';
  }
};

describe('a whole series, shared', () => {
  it('carries its moved and renamed occurrences, and nothing of deleted or made-up slots', () => {
    const part = sharedPart(series, null, BEFORE);
    expect(part.overrides).toEqual({
      '2026-03-30T10:00': { start: '2026-04-01T15:00', end: '2026-04-01T16:00' },
      '2026-04-06T10:00': { title: 'Coalition meeting: budget' },
    });
    for (const leftover of ['Secret agenda', 'Not a slot', '2026-03-31', '2026-04-20']) {
      expect(JSON.stringify(part)).not.toContain(leftover);
    }
    expect(part.timing).toMatchObject({
      rrule: 'FREQ=WEEKLY;COUNT=6',
      exdates: ['2026-04-13T10:00'],
    });
  });

  it('is shown to its recipient as the sharer sees it, week by week', () => {
    const opened = openShare(signShare({ ...base(), ...sharedPart(series, null, BEFORE) }, signer));
    if (!opened) throw new Error('the share did not open');
    const received = { ...opened, overrides: opened.overrides ?? {} };
    const shown = sharedOccurrences(received, at('2026-03-23T00:00'), at('2026-05-04T00:00'), TZ);
    expect(shown.map((o) => [o.startMs, o.endMs, o.title, o.moved])).toEqual([
      [at('2026-03-23T10:00'), at('2026-03-23T11:00'), 'Coalition meeting', false],
      [at('2026-04-01T15:00'), at('2026-04-01T16:00'), 'Coalition meeting', true],
      [at('2026-04-06T10:00'), at('2026-04-06T11:00'), 'Coalition meeting: budget', false],
      [at('2026-04-20T10:00'), at('2026-04-20T11:00'), 'Coalition meeting', false],
      [at('2026-04-27T10:00'), at('2026-04-27T11:00'), 'Coalition meeting', false],
    ]);
    // "Next occurrences" on the evening of 30 March: the moved one, on Wednesday, comes first.
    const next = nextSharedOccurrences(received, at('2026-03-30T18:00'), TZ, 2);
    expect(next.map((o) => o.startMs)).toEqual([at('2026-04-01T15:00'), at('2026-04-06T10:00')]);
  });

  it('without changed occurrences is the payload it always was (no overrides field)', () => {
    const plain: CalendarEvent = { ...series, overrides: {} };
    expect(Object.keys(sharedPart(plain, null, BEFORE)).sort()).toEqual(['details', 'timing']);
    // One occurrence shared alone still names nothing of the series, its changes included.
    expect(Object.keys(sharedPart(series, '2026-04-06T10:00')).sort()).toEqual([
      'details',
      'timing',
    ]);
  });

  it(`carries at most ${SHARE_OVERRIDES_MAX} changed occurrences: past that it is refused`, () => {
    const atCap = sharedPart(daily(SHARE_OVERRIDES_MAX), null, BEFORE);
    expect(Object.keys(atCap.overrides ?? {})).toHaveLength(SHARE_OVERRIDES_MAX);
    expect(openShare(signShare({ ...base(), ...atCap }, signer))?.overrides).toEqual(
      atCap.overrides,
    );
    expect(codeOf(() => sharedPart(daily(SHARE_OVERRIDES_MAX + 1), null, BEFORE))).toBe(
      'share-too-large',
    );
    // A modified app's payload past the cap is refused whole by the recipient.
    const over = { ...atCap.overrides, '2026-12-01T09:00': { title: 'one more' } };
    expect(openShare(signed({ ...atCap, overrides: over }))).toBeNull();
  });

  it('too large for the relay is refused when shared, not sent to fail', () => {
    const long = 'x'.repeat(20_000);
    const heavy: CalendarEvent = {
      ...series,
      overrides: {
        '2026-03-30T10:00': { description: long },
        '2026-04-06T10:00': { description: long },
        '2026-04-20T10:00': { description: long },
        '2026-04-27T10:00': { description: long },
      },
    };
    const part = sharedPart(heavy, null, BEFORE);
    expect(codeOf(() => signShare({ ...base(), ...part }, signer))).toBe('share-too-large');
  });

  it('is refused by the recipient when its changes do not fit the series', () => {
    const part = sharedPart(series, null, BEFORE);
    expect(openShare(signed(part))).not.toBeNull();
    const refused = [
      // On a one-off, on a deleted slot, a field an override does not have, an empty change.
      { timing: { ...part.timing, rrule: null, exdates: [] } },
      { overrides: { '2026-04-13T10:00': { title: 'Deleted' } } },
      { overrides: { '2026-04-06T10:00': { title: 'x', orgId: 'f'.repeat(32) } } },
      { overrides: { '2026-04-06T10:00': {} } },
      { overrides: {} },
      // A date where the series has times, and a moved time of the wrong kind.
      { overrides: { '2026-04-06': { title: 'x' } } },
      { overrides: { '2026-04-06T10:00': { start: '2026-04-07' } } },
    ];
    for (const extra of refused) expect(openShare(signed(part, extra))).toBeNull();
    // A v1 payload (an older app) never had changed occurrences.
    expect(openShare(signed(part, { v: 1, occurrence: null }))).toBeNull();
  });

  it('carries only the changes of occurrences that end after now, wherever they were moved', () => {
    const keys = (now: number) => Object.keys(sharedPart(series, null, now).overrides ?? {});
    // 30 March was moved to Wednesday 1 April 15:00–16:00: its slot is past on the 31st, its
    // meeting is not; once that meeting is over, where it was moved to is no one's business.
    expect(keys(at('2026-03-31T12:00'))).toEqual(['2026-03-30T10:00', '2026-04-06T10:00']);
    expect(keys(at('2026-04-01T15:59'))).toEqual(['2026-03-30T10:00', '2026-04-06T10:00']);
    expect(keys(at('2026-04-01T16:00'))).toEqual(['2026-04-06T10:00']);
    const part = sharedPart(series, null, at('2026-04-02T12:00'));
    expect(JSON.stringify(part)).not.toContain('2026-04-01T15:00');
    // The renamed 6 April 10:00–11:00: sent while under way, not once over (no field at all).
    expect(keys(at('2026-04-06T10:59'))).toEqual(['2026-04-06T10:00']);
    expect(Object.keys(sharedPart(series, null, at('2026-04-06T11:00'))).sort()).toEqual([
      'details',
      'timing',
    ]);
    // A slot still to come, moved back before now, goes with its change while its slot is to come:
    // without it the recipient would see that meeting at its old, upcoming time.
    const early: CalendarEvent = {
      ...series,
      overrides: { '2026-04-20T10:00': { start: '2026-04-02T09:00', end: '2026-04-02T10:00' } },
    };
    expect(Object.keys(sharedPart(early, null, at('2026-04-03T00:00')).overrides ?? {})).toEqual([
      '2026-04-20T10:00',
    ]);
    expect(sharedPart(early, null, at('2026-04-20T11:00')).overrides).toBeUndefined();
    // The recipient still opens it and sees the upcoming change.
    const opened = openShare(signShare({ ...base(), ...part }, signer));
    expect(opened?.overrides).toEqual({
      '2026-04-06T10:00': { title: 'Coalition meeting: budget' },
    });
  });

  it('carries only the deleted dates still to come, and its recipient still skips them', () => {
    const exdates = (now: number) => sharedPart(series, null, now).timing.exdates;
    // 13 April 10:00–11:00 was deleted: sent until that meeting would have ended, not after.
    expect(exdates(at('2026-04-13T10:59'))).toEqual(['2026-04-13T10:00']);
    expect(exdates(at('2026-04-13T11:00'))).toEqual([]);
    const before = sharedPart(series, null, at('2026-04-07T00:00'));
    const opened = openShare(signShare({ ...base(), ...before }, signer));
    if (!opened) throw new Error('the share did not open');
    const shown = sharedOccurrences(
      { ...opened, overrides: opened.overrides ?? {} },
      at('2026-04-07T00:00'),
      at('2026-05-04T00:00'),
      TZ,
    );
    expect(shown.map((o) => o.startMs)).toEqual([at('2026-04-20T10:00'), at('2026-04-27T10:00')]);
    // Once it is past, the recipient never learns that meeting was called off.
    expect(JSON.stringify(sharedPart(series, null, at('2026-04-14T00:00')))).not.toContain(
      '2026-04-13',
    );
  });

  it('of an all-day series keeps a change while its day still runs anywhere on Earth', () => {
    const days: CalendarEvent = {
      ...series,
      allDay: true,
      start: '2026-03-23',
      end: '2026-03-24',
      exdates: [],
      overrides: { '2026-04-06': { title: 'Budget day' } },
    };
    const utc = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
    // 6 April is over in Vilnius and in UTC, not yet at UTC-12 (until 12:00 UTC on the 7th).
    expect(sharedPart(days, null, utc('2026-04-07T11:59')).overrides).toEqual({
      '2026-04-06': { title: 'Budget day' },
    });
    expect(sharedPart(days, null, utc('2026-04-07T12:00')).overrides).toBeUndefined();
  });

  it('with 250 changes, 60 of them still to come, is shared with those 60', () => {
    const long = daily(250);
    // Day 189's meeting ends at 10:00 on that day: days 190 to 249 are still to come.
    const now = DateTime.fromISO('2026-01-01T10:00', { zone: TZ }).plus({ days: 189 }).toMillis();
    const part = sharedPart(long, null, now);
    const keys = Object.keys(part.overrides ?? {});
    expect(keys).toHaveLength(60);
    expect(keys[0]).toBe(
      DateTime.fromISO('2026-01-01T09:00').plus({ days: 190 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    );
    expect(openShare(signShare({ ...base(), ...part }, signer))?.overrides).toEqual(part.overrides);
    // All 250 still to come are too many, as before.
    expect(codeOf(() => sharedPart(long, null, BEFORE))).toBe('share-too-large');
  });

  it('drops moved times of the wrong kind, which its own app ignores and recipients refuse', () => {
    // Written by a member's modified app: a date where the series has times.
    const odd: CalendarEvent = {
      ...series,
      exdates: [],
      overrides: {
        '2026-04-06T10:00': { start: '2026-04-07', title: 'Budget' },
        '2026-04-13T10:00': { end: '2026-04-14' },
      },
    };
    const part = sharedPart(odd, null, BEFORE);
    // The title goes (the sharer sees the meeting renamed at its slot), the date does not; a
    // change of nothing but such a date is no change at all.
    expect(part.overrides).toEqual({ '2026-04-06T10:00': { title: 'Budget' } });
    const opened = openShare(signShare({ ...base(), ...part }, signer));
    if (!opened) throw new Error('the recipient refused the share');
    const received = { ...opened, overrides: opened.overrides ?? {} };
    const sharer = { timing: odd, details: odd, overrides: odd.overrides };
    const weeks = [at('2026-03-23T00:00'), at('2026-05-04T00:00')] as const;
    expect(
      sharedOccurrences(received, ...weeks, TZ).map((o) => [o.startMs, o.endMs, o.title]),
    ).toEqual(sharedOccurrences(sharer, ...weeks, TZ).map((o) => [o.startMs, o.endMs, o.title]));
  });
});

function base() {
  return {
    v: 3 as const,
    from: toHex(pair.publicKey),
    fromName: null,
    to: null,
    via: null,
    sharedAt: 1,
    expiresAt: null,
  };
}

function signer(message: Uint8Array): Uint8Array {
  return sign(pair.secretKey, message);
}
