// The pure parts of the calendar dialogs' fixes: which event of an .ics file main blamed (numbers
// only, never the file's text), whether the editor's draft holds a change worth asking about, and
// what a thrown file read becomes in an API action.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { draftChanged, newDraft, type EventDraft } from '../../src-renderer/calendar/event-draft';
import { blamedEvent, importErrorText } from '../../src-renderer/calendar/import-error';
import { thrownError } from '../../src-renderer/hooks/use-api-action';

describe('blamedEvent', () => {
  it('reads the event number and its line from the details main writes', () => {
    expect(
      blamedEvent('event 2 (line 11): the time zone "Mars/Olympus_Mons" is not known'),
    ).toEqual({ number: 2, line: 11 });
    expect(blamedEvent('event 7 (line 90) is not valid iCalendar')).toEqual({
      number: 7,
      line: 90,
    });
    expect(blamedEvent('event 3: end-before-start')).toEqual({ number: 3, line: null });
  });

  it('blames no event for a whole-file problem, or when main cannot tell which', () => {
    expect(blamedEvent('the file is not an iCalendar file (no VCALENDAR)')).toBeNull();
    expect(blamedEvent('line 4 holds a character that a UTF-8 calendar cannot contain')).toBeNull();
    expect(blamedEvent('an event: end-before-start')).toBeNull();
    expect(blamedEvent('events 12: x')).toBeNull();
  });
});

describe('importErrorText', () => {
  // Echoes the key and its values, so the test sees what reaches the translation.
  const t = ((key: string, values?: object) =>
    values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

  it('names the event and line, and nothing else of the detail', () => {
    const text = importErrorText(t, {
      code: 'ics-invalid',
      message: 'event 2 (line 11): the time zone "Mars/Olympus_Mons" is not known',
    });
    expect(text).toBe('calendar.import.badEventLine {"number":2,"line":11}');
    expect(importErrorText(t, { code: 'ics-invalid', message: 'event 5: bad-exdate' })).toBe(
      'calendar.import.badEvent {"number":5}',
    );
  });

  it('falls back to the general messages', () => {
    expect(importErrorText(t, { code: 'ics-invalid', message: 'the file is empty' })).toBe(
      'errors.ics-invalid',
    );
    expect(importErrorText(t, { code: 'attachment-unreadable', message: 'x' })).toBe(
      'calendar.import.unreadable',
    );
    expect(importErrorText(t, { code: 'disk-full', message: 'x' })).toBe('errors.disk-full');
  });
});

describe('draftChanged', () => {
  const from = newDraft({ day: '2027-03-09', tz: 'Europe/Vilnius', orgId: null });
  const edit = (over: Partial<EventDraft>) => draftChanged({ ...from, ...over }, from);

  it('is false for the draft as opened, and for spaces around the title only', () => {
    expect(draftChanged({ ...from }, from)).toBe(false);
    expect(edit({ title: '   ' })).toBe(false);
  });

  it('is false after a change is undone, recurrence included', () => {
    expect(edit({ recurrenceEdited: true })).toBe(false);
  });

  it('is true for anything that would be saved differently', () => {
    expect(edit({ title: 'Appeal hearing' })).toBe(true);
    expect(edit({ description: 'Bring the papers' })).toBe(true);
    expect(edit({ startTime: '10:00' })).toBe(true);
    expect(edit({ allDay: true })).toBe(true);
    expect(edit({ reminder: 15 })).toBe(true);
    expect(
      edit({ recurrence: { ...from.recurrence, frequency: 'daily' }, recurrenceEdited: true }),
    ).toBe(true);
  });
});

describe('thrownError', () => {
  it('says a chosen file could not be read when the browser could not read it', () => {
    for (const name of ['NotFoundError', 'NotReadableError']) {
      expect(thrownError(new DOMException('gone', name)).code).toBe('attachment-unreadable');
    }
  });

  it('says something went wrong for anything else', () => {
    expect(thrownError(new TypeError('x is undefined')).code).toBe('internal');
    expect(thrownError(new DOMException('stop', 'AbortError')).code).toBe('internal');
  });
});
