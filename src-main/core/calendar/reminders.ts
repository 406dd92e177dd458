// Reminders, computed on this device from its own choices (never the relay's business): a timer
// while the vault is unlocked looks a little ahead and raises each reminder once. Content-free
// unless the user asked for titles, so a glance at a screen or a notification tells nothing.
import type { EventName, EventPayload } from '../../../src-shared/api';
import { rulesBudget, type RulesBudget } from '../../../src-shared/calendar/rule-walk';
import { getSettings } from '../settings/settings';
import type { Db } from '../vault/migrations';
import type { CalendarService } from './calendar-service';
import { allReminders } from './reminder-store';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

const CHECK_EVERY_MS = 20_000;
const MINUTE_MS = 60_000;
/** How far back a reminder still counts (the vault was locked or the machine asleep). */
const GRACE_MS = 10 * MINUTE_MS;

export interface ReminderDeps {
  db: Db;
  calendar: CalendarService;
  emit: Emit;
  now?: () => number;
}

/**
 * One pass: every reminder due in (since, now], once each (`fired` remembers which). `budget` says
 * afterwards whether a series was cut short for time (rule-walk.ts): then the pass may have missed one.
 */
export function dueReminders(
  deps: ReminderDeps,
  since: number,
  now: number,
  fired: Set<string>,
  budget: RulesBudget = rulesBudget(),
): EventPayload<'calendar.reminder'>[] {
  const choices = allReminders(deps.db);
  if (choices.length === 0) return [];
  const wanted = new Map(choices.map((c) => [`${c.spaceId}|${c.eventId}`, c.minutes]));
  const longest = Math.max(...choices.map((c) => c.minutes));
  const showTitle = getSettings(deps.db).remindersShowTitle;
  const { items } = deps.calendar.range(
    { from: since, to: now + (longest + 1) * MINUTE_MS },
    budget,
  );
  const due: EventPayload<'calendar.reminder'>[] = [];
  for (const item of items) {
    const minutes = wanted.get(`${item.spaceId}|${item.eventId}`);
    if (minutes === undefined) continue;
    const at = item.startMs - minutes * MINUTE_MS;
    const id = `${item.spaceId}|${item.eventId}|${item.key}`;
    if (at > now || at <= since || fired.has(id)) continue;
    fired.add(id);
    due.push({
      spaceId: item.spaceId,
      eventId: item.eventId,
      startMs: item.startMs,
      title: showTitle ? item.title : null,
    });
  }
  return due;
}

export function startReminders(deps: ReminderDeps): { stop(): void } {
  const now = deps.now ?? Date.now;
  const fired = new Set<string>();
  let since = now() - GRACE_MS;
  const timer = setInterval(() => {
    const at = now();
    // After a sleep the last pass may be hours ago: only the grace of those hours still counts,
    // or a laptop opened in the evening would ring for every meeting of the day.
    since = Math.max(since, at - GRACE_MS);
    const budget = rulesBudget();
    try {
      for (const notice of dueReminders(deps, since, at, fired, budget))
        deps.emit('calendar.reminder', notice);
    } catch (error) {
      // A document that cannot be read now is read again next time; the timer keeps going.
      console.error('calendar: reminders could not be computed', error);
    }
    // A pass cut short for time looks at the same minutes again next time (`fired` keeps any
    // reminder from ringing twice), so a member's costly series cannot make one be skipped.
    if (!budget.cut) since = at;
  }, CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
