// The calendar's size and time limits in one place, so the UI, main, the ICS reader and tests agree.
export const CALENDAR_LIMITS = {
  titleMaxChars: 300,
  descriptionMaxChars: 20_000,
  locationMaxChars: 500,
  rruleMaxChars: 500,
  exceptionsPerEvent: 1000,
  /** Occurrences one event may produce in one requested range (a minutely rule cannot flood a view). */
  occurrencesPerEventInRange: 2000,
  /** Longest range one calendar request may cover: a little over a year. */
  maxRangeDays: 400,
  eventsPerSpace: 50_000,
  /** An .ics file to import: bytes, events (VEVENT), nesting of components, lines. */
  icsMaxBytes: 20 * 1024 * 1024,
  icsMaxEvents: 20_000,
  icsMaxDepth: 8,
  /**
   * Time zone definitions (VTIMEZONE) in one file, and the transitions ical.js may have to walk
   * to read one: a real file defines a few zones, each from one or two yearly rules.
   */
  icsMaxZones: 50,
  vtimezoneMaxSteps: 4_000,
  /** A one-off share link: longest it may stay valid. */
  shareMaxDays: 30,
  shareDefaultDays: 7,
  /** Reminder offsets a user may choose, in minutes before the start. */
  reminderChoicesMinutes: [5, 10, 15, 30, 60, 120, 24 * 60] as readonly number[],
} as const;
