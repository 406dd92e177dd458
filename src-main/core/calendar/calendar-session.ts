// The calendar and the organisations for one running sync engine: the services the API handlers
// call, the "calendar changed" event (throttled) and the reminders timer, all stopped with it.
import type { EventName, EventPayload } from '../../../src-shared/api';
import type { SyncEngine } from '../sync/sync-engine';
import { organisationService } from '../organisations/organisations';
import type { Db } from '../vault/migrations';
import { calendarIcs } from './calendar-ics';
import { calendarService } from './calendar-service';
import { calendarSharing } from './calendar-sharing';
import { startReminders } from './reminders';
import { sweepExpiredShared } from './shared-store';

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
  return {
    orgs,
    calendar,
    sharing: calendarSharing(db, access, calendar),
    ics: calendarIcs(calendar, (done, total) => emit('calendar.importProgress', { done, total })),
    changed,
    stop(): void {
      if (pending) clearTimeout(pending);
      reminders.stop();
      sharedSweep.stop();
    },
  };
}

export type CalendarSession = ReturnType<typeof createCalendarSession>;
