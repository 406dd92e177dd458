// calendar.importIcs and calendar.exportIcs: a file comes in whole or not at all (every event is
// checked before any is stored), and goes out scrubbed (src-shared/calendar/ics-export.ts).
import { randomBytes } from 'node:crypto';
import type { BlurChoice } from '../../../src-shared/calendar/calendar-api';
import type { CalendarEvent, Visibility } from '../../../src-shared/calendar/event-model';
import { exportIcs } from '../../../src-shared/calendar/ics-export';
import { IcsError, parseIcs } from '../../../src-shared/calendar/ics-import';
import { checkEventTiming } from '../../../src-shared/calendar/recurrence';
import { SuviazError } from '../errors';
import { checkRoom } from './calendar-events';
import type { CalendarService } from './calendar-service';

/** What a busy block is called in an exported file: the details were never on this device. */
const BUSY_TITLE = 'Busy';

export function calendarIcs(
  calendar: CalendarService,
  progress: (done: number, total: number) => void,
) {
  async function importIcs(args: {
    spaceId: string;
    text: string;
    orgId: string | null;
    visibility: Visibility;
  }): Promise<{ imported: number }> {
    const cal = calendar.readable(args.spaceId);
    // The same audience for every event of the file: checked once, before the file is read.
    calendar.checkAudience(args, cal);
    let parsed;
    try {
      parsed = parseIcs(args.text, { onProgress: progress, defaultZone: calendar.zone() });
    } catch (error) {
      if (error instanceof IcsError) throw new SuviazError('ics-invalid', error.message);
      throw error;
    }
    const now = Date.now();
    // parseIcs folds changed occurrences (RECURRENCE-ID) into their series and puts the rest last,
    // so only a file without any has its events in file order here; the renderer shows the number.
    const inFileOrder = !/RECURRENCE-ID/i.test(args.text);
    const events: CalendarEvent[] = parsed.map((imported, index) => {
      const event = { ...imported, orgId: args.orgId, visibility: args.visibility };
      const problem = checkEventTiming(event);
      if (problem) {
        const which = inFileOrder ? `event ${index + 1}` : 'an event';
        throw new SuviazError('ics-invalid', `${which}: ${problem}`);
      }
      return {
        ...event,
        id: randomBytes(16).toString('hex'),
        createdBy: calendar.me,
        updatedAt: now,
      };
    });
    checkRoom(cal, events.length);
    await calendar.events.writeMany(cal, events);
    progress(events.length, events.length);
    return { imported: events.length };
  }

  function exportFile(args: { spaceId?: string; eventId?: string; blur: BlurChoice }) {
    const spaces = args.spaceId ? [calendar.events.space(args.spaceId)] : calendar.events.spaces();
    const chosen = spaces.flatMap((space) => {
      const cal = calendar.events.read(space);
      if (!cal) return [];
      return cal.events
        .filter((v) => !args.eventId || v.event.id === args.eventId)
        .map(({ event, busyOnly }) =>
          busyOnly ? { ...event, title: BUSY_TITLE, description: '', location: '' } : event,
        );
    });
    if (args.eventId && chosen.length === 0) {
      throw new SuviazError('not-found', 'There is no such event in this space.');
    }
    return {
      ics: exportIcs(chosen, { blur: args.blur }),
      fileName: args.eventId ? 'event.ics' : 'calendar.ics',
    };
  }

  return { importIcs, exportIcs: exportFile };
}
