// Sharing one event with someone outside its space (docs/calendar.md, "Sharing one event"): a link
// with its own key and expiry, left sealed at the relay; or sealed to one device of another space
// I share with them, through that space's document. Received events are kept read-only here.
// Either can be stopped: a link at the relay, a member share by deleting its entry (member-shares.ts).
import type { SharedEventView } from '../../../src-shared/calendar/calendar-api';
import { toHex } from '../../../src-shared/protocol/bytes';
import { cleanMemberName } from '../../../src-shared/protocol/member-profile';
import { fromHex, randomBytes, sealToBoxKey } from '../crypto/sodium';
import { SuviazError } from '../errors';
import type { DocAccess } from '../sync/engine-doc-access';
import { asApiError } from '../sync/engine-api-errors';
import { requireConnection } from './relay-request';
import type { CalendarService } from './calendar-service';
import { eventGone, spaceReader } from './event-gone';
import {
  openShare,
  sharedPart,
  signShare,
  type ShareEntry,
  type SharePayload,
} from './event-share';
import {
  encodeShareLink,
  openSealedShare,
  parseShareLink,
  sealShare,
  SHARE_KEY_BYTES,
  shareIdOf,
} from './share-link';
import {
  allLiveLinks,
  forgetExpiredLinksMade,
  forgetLinkMade,
  keepLinkMade,
  linkMade,
  liveLinksOf,
  stopsWanted,
  wantStopped,
  wantStoppedById,
} from './links-made-store';
import { EVENT_SHARES_MAP, memberShares } from './member-shares';
import { receivedMemberShares } from './member-shares-received';
import { forgetExpired, keepShared, listShared, type StoredShare } from './shared-store';
import type { Db } from '../vault/migrations';

export { EVENT_SHARES_MAP } from './member-shares';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function calendarSharing(db: Db, access: DocAccess, calendar: CalendarService) {
  const members = memberShares(db, access);
  const received = receivedMemberShares(db, access);
  /** What to seal, and the organisation whose document holds the event (for the sharer only). */
  function payloadOf(
    what: { spaceId: string; eventId: string; occurrence?: string },
    to: { device: string; via: ShareEntry } | null,
    expiresAt: number | null,
  ): { payload: SharePayload; orgId: string | null } {
    const cal = calendar.readable(what.spaceId);
    const { event, busyOnly } = calendar.events.find(cal, what.eventId);
    if (busyOnly)
      throw new SuviazError('not-member', 'Only what this device can read can be shared.');
    // The occurrence picks what is shared and goes no further: the recipient gets a one-off.
    const payload: SharePayload = {
      v: 3,
      from: access.meHex,
      fromName: access.nameOf(access.meHex),
      to: to?.device ?? null,
      via: to?.via ?? null,
      sharedAt: Date.now(),
      expiresAt,
      ...sharedPart(event, what.occurrence ?? null),
    };
    return { payload, orgId: event.orgId };
  }

  const viewOf = (stored: StoredShare): SharedEventView => ({
    id: stored.id,
    details: stored.payload.details,
    timing: stored.payload.timing,
    overrides: stored.payload.overrides ?? {},
    // Only a name this device knows for that key: the one in the payload is the sender's own
    // claim, and anyone can make a link that says "Ana".
    fromName: access.nameOf(stored.payload.from),
    // Anyone's words: without the invisible and bidi characters that could turn the claim around.
    claimedName:
      stored.payload.fromName === null ? null : cleanMemberName(stored.payload.fromName) || null,
    fromDevice: stored.payload.from,
    expiresAt: stored.payload.expiresAt,
  });

  /**
   * Sends the stops this relay has not confirmed (SHARE_DELETE), `first` before the others, and
   * forgets each one it does; quietly does nothing while offline: the next try (the minute sweep,
   * the next stop) sends them. Stops of links on another relay wait until the app is set to it.
   */
  async function sendStops(first?: string): Promise<void> {
    const c = access.connection();
    if (!c || c.status() !== 'connected') return;
    const wanted = stopsWanted(db, access.relayUrl, Date.now());
    const ordered =
      first && wanted.includes(first) ? [first, ...wanted.filter((id) => id !== first)] : wanted;
    for (const id of ordered) {
      try {
        await c.request({ type: 'shareDelete', shareId: fromHex(id) });
        forgetLinkMade(db, id);
      } catch {
        // Offline again, or refused: kept, and tried again later.
        return;
      }
    }
  }

  return {
    shareLink: (args: { spaceId: string; eventId: string; occurrence?: string; days: number }) =>
      asApiError(async () => {
        // The relay learns the expiry only to the hour.
        const expiresAt = Math.ceil((Date.now() + args.days * DAY_MS) / HOUR_MS) * HOUR_MS;
        // Kept on this device only: where the event's details are, for the sweep's "is it gone?"
        // (links-made-store.ts), and the occurrence's original slot, to stop its link if deleted.
        const { payload, orgId } = payloadOf(args, null, expiresAt);
        const key = randomBytes(SHARE_KEY_BYTES);
        const shareId = shareIdOf(key);
        const c = requireConnection(access);
        await c.request({
          type: 'sharePut',
          groupId: fromHex(args.spaceId),
          shareId,
          expiresAt,
          ciphertext: sealShare(key, signShare(payload, access.sign)),
        });
        keepLinkMade(db, {
          id: toHex(shareId),
          relayUrl: access.relayUrl,
          spaceId: args.spaceId,
          eventId: args.eventId,
          orgId,
          occurrence: args.occurrence ?? null,
          madeAt: Date.now(),
          expiresAt,
        });
        return { link: encodeShareLink({ relayUrl: access.relayUrl, key }), expiresAt };
      }),

    /** The event's links that still open it, for "Stop sharing". */
    links: (args: { spaceId: string; eventId: string }) =>
      liveLinksOf(db, args.spaceId, args.eventId, Date.now()).map(
        ({ id, occurrence, madeAt, expiresAt }) => ({ id, occurrence, madeAt, expiresAt }),
      ),

    /**
     * Stops one of my links: the relay deletes it, so it opens nothing from now on (a holder who
     * opened it keeps that copy until it expires). Offline, the stop waits in the vault.
     */
    stopLink: async (id: string): Promise<{ stopped: boolean }> => {
      if (!linkMade(db, id)) throw new SuviazError('not-found', 'This device made no such link.');
      wantStoppedById(db, id);
      await sendStops(id);
      return { stopped: linkMade(db, id) === null };
    },

    /** The event's member shares that were not withdrawn, for "Stop sharing". */
    memberShares: (args: { spaceId: string; eventId: string }) =>
      members.list(args.spaceId, args.eventId),

    /**
     * Withdraws one: its entry is deleted from the space it went through (offline, the outbox
     * sends it later), and the recipient's app deletes its copy at its next sync.
     */
    stopMemberShare: (id: string) => members.stop(id),

    /**
     * An event, or some of its occurrences, was deleted here: the links and member shares of what
     * is gone are to stop. Link stops are sent in the background (the deletion does not wait for
     * the relay); member shares are withdrawn now, and those that cannot be are answered.
     */
    async eventDeleted(
      spaceId: string,
      eventId: string,
      which?: (occurrence: string | null) => boolean,
    ): ReturnType<typeof members.eventDeleted> {
      wantStopped(db, spaceId, eventId, which);
      void sendStops().catch((error: unknown) => {
        console.error('calendar: event link stops could not be sent', error);
      });
      return members.eventDeleted(spaceId, eventId, which);
    },

    /**
     * The minute sweep: links and member shares of an event no longer in its space (deleted on
     * another device) are to stop too; stops asked for offline go out; links past their expiry
     * are forgotten; copies shared with me whose sharer withdrew them are deleted.
     */
    async sweepLinks(): Promise<void> {
      const now = Date.now();
      forgetExpiredLinksMade(db, now);
      const read = spaceReader(calendar);
      for (const link of allLiveLinks(db, now)) {
        if (eventGone(link, read)) wantStoppedById(db, link.id);
      }
      received.forgetWithdrawn();
      await members.sweep(read);
      await sendStops();
    },

    shareWith: (args: {
      spaceId: string;
      eventId: string;
      occurrence?: string;
      toSpaceId: string;
      deviceKey: string;
    }) =>
      asApiError(async () => {
        const through = access.group(args.toSpaceId);
        const recipient = through?.state.members.get(args.deviceKey);
        if (!through || through.parentId || !recipient || args.deviceKey === access.meHex) {
          throw new SuviazError('not-member', 'That person is not a member of that space.');
        }
        // The entry's id is signed with it: the recipient keeps it only under that id, there.
        const id = toHex(randomBytes(16));
        const via = { entry: id, space: toHex(through.groupId) };
        const { payload, orgId } = payloadOf(args, { device: args.deviceKey, via }, null);
        const sealed = sealToBoxKey(recipient.boxKey, signShare(payload, access.sign));
        // Kept on this device only, like a link's record: where the entry is and what it shows.
        const record = {
          id,
          throughSpace: args.toSpaceId,
          toDevice: args.deviceKey,
          spaceId: args.spaceId,
          eventId: args.eventId,
          orgId,
          occurrence: args.occurrence ?? null,
          madeAt: Date.now(),
        };
        await members.shared(record, () =>
          access.write(through, (doc) =>
            doc.getMap<unknown>(EVENT_SHARES_MAP).set(id, {
              to: args.deviceKey,
              sealed: Buffer.from(sealed).toString('base64'),
            }),
          ),
        );
      }),

    openShared: (link: string) =>
      asApiError(async () => {
        const parsed = parseShareLink(link);
        if (parsed.relayUrl !== access.relayUrl) {
          throw new SuviazError('share-invalid', 'This event link is for another relay.');
        }
        const c = requireConnection(access);
        const answer = await c.request({ type: 'shareFetch', shareId: shareIdOf(parsed.key) });
        if (answer.type !== 'share') throw new SuviazError('share-invalid', 'unexpected answer');
        const payload = openShare(openSealedShare(parsed.key, answer.ciphertext));
        if (!payload || payload.to !== null || payload.via !== null) {
          throw new SuviazError(
            'share-invalid',
            'The event behind this link is not signed as it should be.',
          );
        }
        if (payload.expiresAt !== null && payload.expiresAt <= Date.now()) {
          throw new SuviazError('share-expired', 'This event link has expired.');
        }
        const id = toHex(shareIdOf(parsed.key));
        keepShared(db, id, payload);
        return viewOf({ id, payload });
      }),

    shared(): SharedEventView[] {
      // After collecting: a sealed share already past its expiry, or withdrawn, is not listed.
      received.collect();
      forgetExpired(db, Date.now());
      received.forgetWithdrawn();
      return listShared(db).map(viewOf);
    },
  };
}
