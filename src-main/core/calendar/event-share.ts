// One event shared outside its space: what is signed and sealed (details, times, who shared it,
// until when), for a link (sealed under the link's own key) or for one device of another space
// (sealed to its box key). Nothing else of the space goes with it: no id, organisation or names;
// a series goes with its changed occurrences, one occurrence without the series (docs/calendar.md).
import { z } from 'zod';
import { DateTime } from 'luxon';
import { isOccurrence } from '../../../src-shared/calendar/edit-scope';
import {
  detailsOf,
  EventDetails,
  timingOf,
  EventTiming,
  OccurrenceKey,
  type CalendarEvent,
} from '../../../src-shared/calendar/event-model';
import { verify } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { fromHex } from '../../../src-shared/protocol/bytes';
import {
  checkShareSize,
  exdatesToShare,
  overridesFitSeries,
  overridesToShare,
  SharedOverrides,
} from './series-share';

const DOMAIN = 'suviaz/event-share/v1\n';

const DeviceHex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Where a share sealed to a member was written: its entry's id in that space's `eventShares` map
 * and the space. Signed, so that no other member can copy a withdrawn share back under a new id or
 * into another space they share with its recipient (the recipient refuses an entry whose key or
 * space differs). Null for a link, which is found by its own key.
 */
const Id128 = z.string().regex(/^[0-9a-f]{32}$/);
export const ShareEntry = z.object({ entry: Id128, space: Id128 }).strict();
export type ShareEntry = z.infer<typeof ShareEntry>;

/**
 * What is shared, as made since v3 (v2 and one occurrence's privacy: see docs/calendar.md): one
 * occurrence of a series travels as an event of its own, with no key naming its original slot. A
 * whole series also carries its changed occurrences (`overrides`, absent when it has none). v3 adds
 * `via`, the entry a member share was written as.
 */
const PayloadFields = z
  .object({
    v: z.literal(3),
    from: DeviceHex,
    fromName: z.string().max(100).nullable(),
    /** The device it was sealed to; null for a link. */
    to: DeviceHex.nullable(),
    via: ShareEntry.nullable(),
    sharedAt: z.number().int(),
    expiresAt: z.number().int().nullable(),
    timing: EventTiming,
    details: EventDetails,
    overrides: SharedOverrides.optional(),
  })
  .strict();
const fitsSeries = {
  message: 'changed occurrences that are not of this series',
};
export const SharePayload = PayloadFields.refine(
  (p) => overridesFitSeries(p.timing, p.overrides),
  fitsSeries,
);
export type SharePayload = z.infer<typeof SharePayload>;

/**
 * What is read (a share opened, or one kept in the vault): a v3 payload; or a v2 or v1 one from an
 * older app or kept before, read with no entry (so never accepted as a member share: see
 * calendar-sharing.ts) and v1 without its occurrence key, so that it is shown and kept no more.
 */
export const ReceivedShare = z.union([
  SharePayload,
  PayloadFields.omit({ via: true })
    .extend({ v: z.literal(2) })
    .strict()
    .refine((p) => overridesFitSeries(p.timing, p.overrides), fitsSeries)
    .transform((p): SharePayload => ({ ...p, v: 3, via: null })),
  PayloadFields.omit({ overrides: true, via: true })
    .extend({ v: z.literal(1), occurrence: OccurrenceKey.nullable() })
    .strict()
    .transform(({ occurrence: _dropped, ...rest }): SharePayload => ({ ...rest, v: 3, via: null })),
]);

const Signed = z
  .object({ payload: z.string().max(200_000), signature: z.string().max(200) })
  .strict();

const encoder = new TextEncoder();
const signedBytes = (payload: string): Uint8Array => encoder.encode(DOMAIN + payload);

/**
 * A link goes as v2: it has no entry to name, and apps from before v3 open it then (they refuse a
 * version they do not know as "not signed as it should be"). A member share goes as v3.
 */
function asMade(payload: SharePayload): object {
  return payload.via !== null || payload.to !== null ? payload : linkAsV2(payload);
}
const linkAsV2 = ({ via: _none, ...link }: SharePayload): object => ({ ...link, v: 2 });

/** The signed form, as bytes to seal; refused when too large to reach its recipient. */
export function signShare(payload: SharePayload, sign: (m: Uint8Array) => Uint8Array): Uint8Array {
  const text = JSON.stringify(asMade(payload));
  const signature = Buffer.from(sign(signedBytes(text))).toString('base64');
  const signed = encoder.encode(JSON.stringify({ payload: text, signature }));
  checkShareSize(signed);
  return signed;
}

/** The payload if the bytes are a well-formed share signed by the device it names; else null. */
export function openShare(bytes: Uint8Array): SharePayload | null {
  try {
    const signed = Signed.parse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    );
    const payload = ReceivedShare.parse(JSON.parse(signed.payload));
    const signature = new Uint8Array(Buffer.from(signed.signature, 'base64'));
    return verify(fromHex(payload.from), signedBytes(signed.payload), signature) ? payload : null;
  } catch {
    return null;
  }
}

/**
 * What is shared of an event: all of it (a single event, or the whole series with its changed
 * occurrences and deleted dates that end after `now`, so that a moved meeting is not shown at its
 * old time), or one
 * occurrence as a one-off of its own: its own times (where it was moved to) and details, no rule,
 * no exceptions, nothing naming the slot it had in the series. A one-off carries no exceptions
 * either: the app keeps none on one, but a record from a member's modified app could, naming past
 * slots.
 */
export function sharedPart(
  event: CalendarEvent,
  occurrence: string | null,
  now: number = Date.now(),
): Pick<SharePayload, 'timing' | 'details' | 'overrides'> {
  const details = detailsOf(event);
  const timing = timingOf(event);
  if (event.rrule === null) return { timing: { ...timing, exdates: [] }, details };
  if (occurrence === null) {
    const upcoming = { ...timing, exdates: exdatesToShare(event, now) };
    const overrides = overridesToShare(event, now);
    return overrides ? { timing: upcoming, details, overrides } : { timing: upcoming, details };
  }
  // A slot the series does not have (deleted, or a stale view) would be shared as a made-up event.
  if (!isOccurrence(event, occurrence)) {
    throw new SuviazError('occurrence-changed', 'The occurrence is no longer in the series.');
  }
  const override = event.overrides[occurrence] ?? {};
  const start = override.start ?? occurrence;
  const end = override.end ?? shiftedEnd(event, start);
  return {
    timing: { ...timing, start, end, rrule: null, exdates: [] },
    details: {
      title: override.title ?? details.title,
      description: override.description ?? details.description,
      location: override.location ?? details.location,
    },
  };
}

/** The master's length in wall-clock terms (days for all-day), applied from another start. */
function shiftedEnd(event: CalendarEvent, start: string): string {
  const zone = { zone: event.tz };
  const from = DateTime.fromISO(event.start, zone);
  const length = DateTime.fromISO(event.end, zone).diff(from, event.allDay ? 'days' : 'minutes');
  const end = DateTime.fromISO(start, zone).plus(length);
  return event.allDay ? (end.toISODate() ?? start) : end.toFormat("yyyy-MM-dd'T'HH:mm");
}
