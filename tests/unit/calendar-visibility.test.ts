// Where each part of an event is stored by its visibility, and what a reader holding some of the
// documents sees: the whole event, a busy block without details, or nothing. Records a member's
// modified app wrote (wrong shape, an id that is not their key) are skipped, never thrown.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import {
  CALENDAR_MAP,
  putRecord,
  readCalendar,
  splitEvent,
} from '../../src-main/core/calendar/calendar-doc';
import type { CalendarEvent, Visibility } from '../../src-shared/calendar/event-model';

const ORG = 'a'.repeat(32);

function event(id: string, visibility: Visibility, orgId: string | null = ORG): CalendarEvent {
  return {
    id: id.repeat(32).slice(0, 32),
    title: `Title ${id}`,
    description: `Secret plan ${id}`,
    location: `Room ${id}`,
    allDay: false,
    start: '2026-03-23T10:00',
    end: '2026-03-23T11:00',
    tz: 'Europe/Minsk',
    rrule: 'FREQ=WEEKLY;COUNT=3',
    exdates: [],
    orgId,
    visibility,
    overrides: { '2026-03-30T10:00': { start: '2026-03-30T12:00', title: `Moved ${id}` } },
    createdBy: 'b'.repeat(64),
    updatedAt: 1,
  };
}

function store(events: CalendarEvent[]): { space: Y.Doc; org: Y.Doc } {
  const space = new Y.Doc();
  const org = new Y.Doc();
  for (const e of events) {
    const parts = splitEvent(e);
    putRecord(space, e.id, parts.space);
    if (parts.org) putRecord(org, e.id, parts.org);
  }
  return { space, org };
}

const json = (doc: Y.Doc): string => JSON.stringify(doc.getMap(CALENDAR_MAP).toJSON());

describe('calendar visibility', () => {
  const all = [
    event('1', 'coalition', null),
    event('2', 'coalition'),
    event('3', 'busy'),
    event('4', 'organisation'),
  ];

  it("keeps a busy event's details and an organisation's events out of the space's document", () => {
    const { space, org } = store(all);
    expect(json(space)).toContain('Secret plan 1');
    expect(json(space)).toContain('Secret plan 2');
    for (const hidden of ['Title 3', 'Secret plan 3', 'Room 3', 'Moved 3', 'Title 4', '444']) {
      expect(json(space)).not.toContain(hidden);
    }
    // The busy block's moved occurrence keeps its new time in the space's document.
    expect(json(space)).toContain('2026-03-30T12:00');
    expect(json(org)).toContain('Secret plan 3');
    expect(json(org)).toContain('Title 4');
  });

  it('shows another organisation a block with no details, and nothing of an organisation-only event', () => {
    const { space } = store(all);
    const seen = readCalendar(space, new Map());
    expect(seen.map((v) => [v.event.title, v.busyOnly])).toEqual([
      ['Title 1', false],
      ['Title 2', false],
      ['', true],
    ]);
    const busy = seen[2]?.event;
    expect(busy?.description).toBe('');
    expect(busy?.overrides).toEqual({ '2026-03-30T10:00': { start: '2026-03-30T12:00' } });
  });

  it("gives the organisation's members the whole of every event, moved occurrences included", () => {
    const { space, org } = store(all);
    const seen = readCalendar(space, new Map([[ORG, org]]));
    expect(seen.map((v) => v.event.title).sort()).toEqual([
      'Title 1',
      'Title 2',
      'Title 3',
      'Title 4',
    ]);
    const busy = seen.find((v) => v.event.id.startsWith('3'));
    expect(busy?.busyOnly).toBe(false);
    expect(busy?.event).toEqual(event('3', 'busy'));
  });

  it('skips what a modified app wrote instead of throwing', () => {
    const { space, org } = store(all);
    const map = space.getMap<unknown>(CALENDAR_MAP);
    map.set('f'.repeat(32), { kind: 'event', title: 42 });
    map.set('e'.repeat(32), { ...(map.get('1'.repeat(32)) as object) }); // an id that is not its key
    map.set('d'.repeat(32), 'not a record');
    // An organisation-only event put into another organisation's document is not taken as its own.
    org.getMap<unknown>(CALENDAR_MAP).set('9'.repeat(32), {
      ...event('9', 'organisation', 'c'.repeat(32)),
      kind: 'event',
    });
    // More changed occurrences than a series may have, each of which every view would place.
    const many = Object.fromEntries(
      Array.from({ length: CALENDAR_LIMITS.exceptionsPerEvent + 1 }, (_, i) => [
        `2026-03-23T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        { start: '2026-03-23T10:00' },
      ]),
    );
    map.set('a'.repeat(32), { ...event('a', 'coalition', null), overrides: many, kind: 'event' });
    const seen = readCalendar(space, new Map([[ORG, org]]));
    expect(seen).toHaveLength(4);
  });
});
