// The event editor's draft: a new event's defaults, a stored event (or one occurrence of it) in the
// form, keeping the length when the start moves, the problems the form names, and the EventInput
// main gets (an all-day end is inclusive in the form and exclusive in the contract).
import { describe, expect, it } from 'vitest';
import {
  draftFromView,
  draftProblems,
  draftToInput,
  newDraft,
  withStartDate,
  withStartTime,
  type EventDraft,
} from '../../src-renderer/calendar/event-draft';
import { instantOf } from '../../src-renderer/calendar/drag-timing';
import type { CalendarEventView } from '../../src-shared/calendar/calendar-api';
import { isValidZone } from '../../src-shared/calendar/local-time';

const ORG = 'd'.repeat(32);
const fresh = (over: Partial<EventDraft> = {}): EventDraft => ({
  ...newDraft({ day: '2026-03-10', tz: 'Europe/Vilnius', orgId: null }),
  ...over,
});
const view: CalendarEventView = {
  spaceId: 'a'.repeat(32),
  id: 'b'.repeat(32),
  allDay: false,
  start: '2026-03-02T10:00',
  end: '2026-03-02T11:30',
  tz: 'Europe/Minsk',
  rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8',
  exdates: ['2026-03-16T10:00'],
  orgId: ORG,
  visibility: 'busy',
  details: { title: 'Планёрка', description: 'Парадак дня', location: 'Вільня' },
  occurrenceDetails: null,
  canEdit: true,
  createdByName: 'Алеся',
  reminderMinutes: 15,
};

describe('a new event', () => {
  it('starts at nine for an hour on the chosen day, in the given zone, not repeating', () => {
    const draft = fresh();
    expect(draftToInput(draft)).toMatchObject({
      start: '2026-03-10T09:00',
      end: '2026-03-10T10:00',
      tz: 'Europe/Vilnius',
      rrule: null,
      visibility: 'coalition',
    });
  });

  it('starts where the week view was double-clicked, ending past midnight if need be', () => {
    const late = newDraft({ day: '2026-03-10', tz: 'UTC', orgId: null, startTime: '23:30' });
    expect([late.endDate, late.endTime]).toEqual(['2026-03-11', '00:30']);
  });
});

describe('a stored event in the form', () => {
  it('shows the series with its rule as choices', () => {
    const draft = draftFromView(view);
    expect(draft).toMatchObject({
      title: 'Планёрка',
      startDate: '2026-03-02',
      startTime: '10:00',
      endTime: '11:30',
      tz: 'Europe/Minsk',
      recurrence: { frequency: 'weekly', weekdays: ['MO'], end: { kind: 'count', count: 8 } },
      reminder: 15,
    });
    // Untouched, the stored rule goes back exactly as it was.
    expect(draftToInput(draft).rrule).toBe(view.rrule);
    expect(draftToInput(draft).exdates).toEqual(view.exdates);
  });

  it('shows one occurrence at its own times in the event zone, with its own title', () => {
    const draft = draftFromView(view, {
      key: '2026-03-09T10:00',
      startMs: instantOf('2026-03-09T12:00', 'Europe/Minsk'),
      endMs: instantOf('2026-03-09T13:30', 'Europe/Minsk'),
      allDay: false,
      startDate: null,
      endDate: null,
      title: 'Перанесеная планёрка',
      location: null,
    });
    expect([draft.startDate, draft.startTime, draft.endTime, draft.title]).toEqual([
      '2026-03-09',
      '12:00',
      '13:30',
      'Перанесеная планёрка',
    ]);
    expect(draft.location).toBe('Вільня');
    // Its own description (main's calendar.get with the occurrence), which a view item lacks.
    const own = { title: 'Перанесеная планёрка', description: 'Свой парадак', location: 'Вільня' };
    expect(draftFromView({ ...view, occurrenceDetails: own }).description).toBe('Свой парадак');
  });

  it('shows an all-day event’s last day, and sends the day after it', () => {
    const draft = draftFromView({
      ...view,
      allDay: true,
      start: '2026-03-02',
      end: '2026-03-05',
      rrule: null,
    });
    expect([draft.startDate, draft.endDate]).toEqual(['2026-03-02', '2026-03-04']);
    expect(draftToInput(draft)).toMatchObject({
      start: '2026-03-02',
      end: '2026-03-05',
      exdates: [],
    });
  });
});

describe('changing the start', () => {
  it('moves the end along, keeping the length', () => {
    const two = fresh({ endDate: '2026-03-12', endTime: '10:00' });
    expect(withStartDate(two, '2026-03-20')).toMatchObject({
      startDate: '2026-03-20',
      endDate: '2026-03-22',
    });
    const hour = fresh();
    expect(withStartTime(hour, '23:30')).toMatchObject({ endDate: '2026-03-11', endTime: '00:30' });
  });

  it('leaves the end alone while the time is half typed', () => {
    expect(withStartTime(fresh(), '2')).toMatchObject({ startTime: '2', endTime: '10:00' });
  });
});

describe('problems', () => {
  const problems = (draft: EventDraft) => draftProblems(draft, isValidZone);

  it('finds none in a good draft', () => {
    expect(problems(fresh())).toEqual([]);
  });

  it('says when the end is before (or at) the start', () => {
    expect(problems(fresh({ endTime: '08:00' }))).toEqual(['end-before-start']);
    expect(problems(fresh({ endTime: '09:00' }))).toEqual(['end-before-start']);
    expect(problems(fresh({ allDay: true, endDate: '2026-03-09' }))).toEqual(['end-before-start']);
    expect(problems(fresh({ allDay: true, endDate: '2026-03-10' }))).toEqual([]);
  });

  it('says which field is missing or malformed', () => {
    expect(problems(fresh({ startDate: null }))).toContain('start-missing');
    expect(problems(fresh({ startTime: '25:00' }))).toContain('time-invalid');
    expect(problems(fresh({ tz: 'Europe/Atlantis' }))).toEqual(['zone-unknown']);
  });

  it('checks the repetition only once the user has changed it', () => {
    const repeat = (over: Partial<EventDraft['recurrence']>) =>
      fresh({
        recurrenceEdited: true,
        recurrence: {
          frequency: 'weekly',
          interval: 1,
          weekdays: ['TU'],
          end: { kind: 'never' },
          ...over,
        },
      });
    expect(problems(repeat({}))).toEqual([]);
    expect(problems(repeat({ weekdays: [] }))).toEqual(['weekdays-missing']);
    expect(problems(repeat({ interval: 0 }))).toEqual(['interval-invalid']);
    expect(problems(repeat({ end: { kind: 'count', count: 0 } }))).toEqual(['count-invalid']);
    expect(problems(repeat({ end: { kind: 'until', date: '2026-03-01' } }))).toEqual([
      'until-before-start',
    ]);
    expect(problems(repeat({ end: { kind: 'until', date: '' } }))).toEqual(['until-before-start']);
  });

  it('needs an organisation for an event hidden from other organisations', () => {
    expect(problems(fresh({ visibility: 'busy' }))).toEqual(['organisation-needed']);
    expect(problems(fresh({ visibility: 'busy', orgId: ORG }))).toEqual([]);
  });
});

describe('the input main gets', () => {
  it('builds the rule from changed choices and trims the title', () => {
    const draft = fresh({
      title: '  Акцыя  ',
      recurrenceEdited: true,
      recurrence: {
        frequency: 'weekly',
        interval: 1,
        weekdays: ['TU', 'TH'],
        end: { kind: 'count', count: 6 },
      },
    });
    expect(draftToInput(draft)).toMatchObject({
      title: 'Акцыя',
      rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6',
    });
  });

  it('drops exceptions with the rule, and a visibility that needs an organisation without one', () => {
    const draft = draftFromView(view);
    const none = {
      ...draft,
      recurrenceEdited: true,
      recurrence: { ...draft.recurrence, frequency: 'none' as const },
    };
    expect(draftToInput(none)).toMatchObject({ rrule: null, exdates: [] });
    expect(draftToInput({ ...draft, orgId: null }).visibility).toBe('coalition');
  });
});
