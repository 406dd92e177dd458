// The calendar and the organisations for one running sync engine: the services the API handlers
// call, the "calendar changed" event (throttled) and the reminders timer, all stopped with it.
import type { EventName, EventPayload } from '../../../src-shared/api';
import type { EventDeleteResult } from '../../../src-shared/calendar/calendar-api';
import type { EditScope } from '../../../src-shared/calendar/event-model';
import type { SyncEngine } from '../sync/sync-engine';
import { organisationService } from '../organisations/organisations';
import type { Db } from '../vault/migrations';
import { calendarIcs } from './calendar-ics';
import { calendarService } from './calendar-service';
import { calendarSharing } from './calendar-sharing';
import { startReminders } from './reminders';
import { SHARED_SWEEP_MS, sweepExpiredShared } from './shared-store';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

const CHANGED_THROTTLE_MS = 250;

export function createCalendarSession(db: Db, engine: SyncEngine, emit: Emit) {
  const access = engine.docAccess();
  const orgs = organisationService(access, engine.organisations);
  const calendar = calendarService({ db, access, orgs });
  let pending: NodeJS.Timeout | null = null;
  /** Views ask for their range again; many remote edits in a burst make one event. */
  function changed(): void {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      emit('calendar.changed', {});
    }, CHANGED_THROTTLE_MS);
    pending.unref();
  }
  const reminders = startReminders({ db, calendar, emit });
  const sharedSweep = sweepExpiredShared(db);
  const sharing = calendarSharing(db, access, calendar);
  const linkSweep = setInterval(() => {
    sharing.sweepLinks().catch((error: unknown) => {
      // A closing vault or a full disk: tried again at the next sweep.
      console.error('calendar: event shares could not be swept', error);
    });
  }, SHARED_SWEEP_MS);
  linkSweep.unref();

  /**
   * Deletes as asked, then stops the links and member shares that showed what is gone; answers the
   * member shares that cannot be withdrawn now (their recipients keep their copies), by space name.
   */
  async function removeEvent(args: {
    spaceId: string;
    eventId: string;
    occurrence?: { key: string; scope: EditScope };
  }): Promise<EventDeleteResult> {
    await calendar.remove(args);
    const stillThere = calendar
      .readable(args.spaceId)
      .events.some((shown) => shown.event.id === args.eventId);
    const occurrence = stillThere ? args.occurrence : undefined;
    // A link or member share is a copy made when it was shared: one of the whole series shows
    // what "this and following" removed too.
    const which = !occurrence
      ? undefined
      : occurrence.scope === 'this'
        ? (shown: string | null) => shown === occurrence.key
        : (shown: string | null) => shown === null || shown >= occurrence.key;
    try {
      return { notWithdrawn: await sharing.eventDeleted(args.spaceId, args.eventId, which) };
    } catch (error) {
      // The event is deleted; a share of the whole event is caught by the minute sweep (one of a
      // deleted occurrence is not: the event is still there).
      console.error('calendar: the shares of a deleted event could not be marked', error);
      return { notWithdrawn: [] };
    }
  }

  return {
    orgs,
    calendar,
    sharing,
    removeEvent,
    ics: calendarIcs(calendar, (done, total) => emit('calendar.importProgress', { done, total })),
    changed,
    stop(): void {
      if (pending) clearTimeout(pending);
      reminders.stop();
      sharedSweep.stop();
      clearInterval(linkSweep);
    },
  };
}

export type CalendarSession = ReturnType<typeof createCalendarSession>;
