// What one shared event is made of: one occurrence of a series becomes a one-off at its own times
// that names nothing of the series (not its rule, its deleted dates or the slot it was moved from);
// a slot the series does not have is not shared at all; and a share made by an older app, whose
// v1 payload named the original slot, is read and kept without it.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  openShare,
  sharedPart,
  signShare,
  type SharePayload,
} from '../../src-main/core/calendar/event-share';
import { keepShared, listShared } from '../../src-main/core/calendar/shared-store';
import {
  generateSigningKeyPair,
  sign,
  sodiumReady,
  toHex,
} from '../../src-main/core/crypto/sodium';
import { SuviazError } from '../../src-main/core/errors';
import { runMigrations } from '../../src-main/core/vault/migrations';
import type { CalendarEvent } from '../../src-shared/calendar/event-model';
import { vaultAtVersion } from '../support/vault-at-version';

beforeAll(sodiumReady);

const ORIGINAL = '2026-03-30T10:00';
/** Mondays at 10:00; the 30 March one moved to Wednesday 15:00, the 13 April one deleted. */
const series: CalendarEvent = {
  id: 'e'.repeat(32),
  title: 'Court hearing',
  description: 'Bring the documents',
  location: 'District court',
  allDay: false,
  start: '2026-03-23T10:00',
  end: '2026-03-23T11:00',
  tz: 'Europe/Vilnius',
  rrule: 'FREQ=WEEKLY;COUNT=6',
  exdates: ['2026-04-13T10:00'],
  overrides: {
    [ORIGINAL]: { start: '2026-04-01T15:00', end: '2026-04-01T16:00', location: 'Room 4' },
  },
  orgId: null,
  visibility: 'coalition',
  createdBy: 'c'.repeat(64),
  updatedAt: 1,
};

describe('one shared event', () => {
  it('of one moved occurrence is a one-off at its new time, naming nothing of the series', () => {
    const part = sharedPart(series, ORIGINAL);
    expect(part).toEqual({
      timing: {
        allDay: false,
        start: '2026-04-01T15:00',
        end: '2026-04-01T16:00',
        tz: 'Europe/Vilnius',
        rrule: null,
        exdates: [],
      },
      details: { title: 'Court hearing', description: 'Bring the documents', location: 'Room 4' },
    });
    for (const telltale of ['2026-03-30', '2026-03-23', '2026-04-13', 'FREQ', series.id]) {
      expect(JSON.stringify(part)).not.toContain(telltale);
    }
    // An occurrence left where it was lasts as long as the series' first.
    expect(sharedPart(series, '2026-04-06T10:00').timing).toMatchObject({
      start: '2026-04-06T10:00',
      end: '2026-04-06T11:00',
    });
  });

  it('is refused for a deleted occurrence or a slot the series never had', () => {
    const codeOf = (slot: string): string | null => {
      try {
        sharedPart(series, slot);
        return null;
      } catch (error) {
        return error instanceof SuviazError ? error.code : 'not a SuviazError';
      }
    };
    for (const slot of ['2026-04-13T10:00', '2026-03-31T10:00', '2026-05-04T10:00']) {
      expect(codeOf(slot)).toBe('occurrence-changed');
    }
  });

  it('of a one-off carries no deleted dates left from a series it once was', () => {
    const oneOff: CalendarEvent = { ...series, rrule: null, overrides: {} };
    expect(sharedPart(oneOff, null).timing).toMatchObject({ rrule: null, exdates: [] });
    expect(sharedPart(oneOff, ORIGINAL).timing.start).toBe(series.start);
  });
});

describe('a share made by an older app (v1, with the original slot)', () => {
  const keys = () => generateSigningKeyPair();
  const from = (pair: ReturnType<typeof keys>) => toHex(pair.publicKey);
  const base = (pair: ReturnType<typeof keys>): SharePayload => ({
    v: 3,
    from: from(pair),
    fromName: null,
    to: null,
    via: null,
    sharedAt: 1,
    expiresAt: null,
    ...sharedPart(series, ORIGINAL),
  });
  /** What apps before v3 signed: no `via`. */
  const older = (pair: ReturnType<typeof keys>): Record<string, unknown> => {
    const payload: Record<string, unknown> = { ...base(pair) };
    delete payload.via;
    return payload;
  };
  /** Signed as v1 apps sign: the same domain, the payload as JSON text. */
  const signedV1 = (pair: ReturnType<typeof keys>, payload: object): Uint8Array => {
    const text = JSON.stringify(payload);
    const message = new TextEncoder().encode(`suviaz/event-share/v1\n${text}`);
    const signature = Buffer.from(sign(pair.secretKey, message)).toString('base64');
    return new TextEncoder().encode(JSON.stringify({ payload: text, signature }));
  };

  it('is read, shown and kept without its occurrence key', () => {
    const pair = keys();
    const v1 = { ...older(pair), v: 1, occurrence: ORIGINAL };
    const opened = openShare(signedV1(pair, v1));
    expect(opened).toEqual(base(pair));
    const db = vaultAtVersion(0);
    runMigrations(db);
    // A row an older version kept as it came, and one this version keeps from what it opened.
    db.prepare(
      'INSERT INTO calendar_shared (id, received_at, expires_at, payload) VALUES (?, 0, NULL, ?)',
    ).run('old', JSON.stringify(v1));
    if (opened) keepShared(db, 'new', opened);
    const listed = listShared(db);
    expect(listed.map((s) => s.id).sort()).toEqual(['new', 'old']);
    for (const { payload } of listed) expect(payload).toEqual(base(pair));
    const kept = db.prepare("SELECT payload FROM calendar_shared WHERE id = 'new'").get();
    expect(JSON.stringify(kept)).not.toContain(ORIGINAL.slice(0, 10));
    db.close();
  });

  it('is refused when a v2 payload carries an occurrence key anyway', () => {
    const pair = keys();
    const text = { ...base(pair), occurrence: ORIGINAL };
    expect(openShare(signedV1(pair, text))).toBeNull();
    expect(openShare(signShare(base(pair), (m) => sign(pair.secretKey, m)))).toEqual(base(pair));
  });

  it('is read as v3 with no entry when it is a v2 one, and refused with an entry it may not have', () => {
    const pair = keys();
    const v2 = { ...older(pair), v: 2 };
    expect(openShare(signedV1(pair, v2))).toEqual(base(pair));
    // A v2 payload never carried `via`: one that does is not what any app made.
    const entry = { entry: 'a'.repeat(32), space: 'b'.repeat(32) };
    expect(openShare(signedV1(pair, { ...v2, via: entry }))).toBeNull();
    expect(openShare(signedV1(pair, { ...base(pair), via: entry }))).toMatchObject({ via: entry });
  });

  it('goes as v2 for a link, which older apps open, and as v3 for a member share', () => {
    const pair = keys();
    const signWith = (m: Uint8Array) => sign(pair.secretKey, m);
    const payloadText = (bytes: Uint8Array): Record<string, unknown> =>
      JSON.parse(JSON.parse(new TextDecoder().decode(bytes)).payload);
    const link = signShare(base(pair), signWith);
    expect(payloadText(link)).not.toHaveProperty('via');
    expect(payloadText(link).v).toBe(2);
    expect(openShare(link)).toEqual(base(pair));
    const via = { entry: 'a'.repeat(32), space: 'b'.repeat(32) };
    const member = signShare({ ...base(pair), to: from(keys()), via }, signWith);
    expect(payloadText(member)).toMatchObject({ v: 3, via });
  });
});
