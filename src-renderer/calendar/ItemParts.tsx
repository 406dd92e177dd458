// The parts every drawing of an occurrence shares (chip, week block, agenda line): classes, test
// attributes, conflict icon, title, time, screen-reader words; one source, so the views agree.
import { AlertTriangle, Repeat } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { spaceName } from '../spaces/space-name';
import { formatTime } from './calendar-format';
import { itemTimeText, itemTitle } from './item-text';
import { colourClass } from './space-colours';
import { occurrenceId, type ViewContext } from './view-context';

export function itemClasses(item: CalendarItem, ctx: ViewContext, base: string): string {
  const moving = ctx.preview && occurrenceId(ctx.preview.item) === occurrenceId(item);
  return [
    base,
    colourClass(ctx.colours, item.spaceId),
    item.busyOnly ? 'busy' : '',
    item.conflict ? 'conflict' : '',
    moving ? 'moving' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The attributes of an occurrence's control: one shape in every view, so one locator finds it. */
export function itemData(item: CalendarItem) {
  return {
    'data-testid': 'cal-item',
    'data-item': occurrenceId(item),
    'data-event-id': item.eventId,
    'data-busy': item.busyOnly,
    'data-conflict': item.conflict,
  };
}

/** The warning icon of a conflict; ItemExtras says it in words. */
export function ConflictMark({ item }: { item: CalendarItem }) {
  if (!item.conflict) return null;
  return (
    <AlertTriangle className="cal-conflict-icon" aria-hidden="true" focusable="false" size={14} />
  );
}

export function ItemTitle({ item }: { item: CalendarItem }) {
  const { t } = useTranslation();
  return (
    <span className="cal-item-title" data-testid="cal-item-title">
      {itemTitle(t, item)}
    </span>
  );
}

/**
 * "10:00 – 11:00" or "All day"; with `startOnly` (a chip, short of room) the start alone, and
 * nothing for an all-day event.
 */
export function ItemTime({
  item,
  ctx,
  startOnly,
}: {
  item: CalendarItem;
  ctx: ViewContext;
  startOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (startOnly && item.allDay) return null;
  return (
    <span className="cal-item-time">
      {startOnly
        ? formatTime(item.startMs, ctx.zone, ctx.language)
        : itemTimeText(t, item, ctx.zone, ctx.language)}
    </span>
  );
}

export function ItemExtras({ item, ctx }: { item: CalendarItem; ctx: ViewContext }) {
  const { t } = useTranslation();
  return (
    <>
      {item.busyOnly && (
        <span className="cal-item-org">{item.orgName ?? t('calendar.anotherOrganisation')}</span>
      )}
      {item.recurring && (
        <Repeat className="cal-item-icon" aria-hidden="true" focusable="false" size={12} />
      )}
      <span className="visually-hidden">
        {ctx.showSpace && `, ${t('calendar.inSpace', { space: spaceName(t, item.spaceName) })}`}
        {item.recurring && `, ${t('calendar.repeats')}`}
        {item.conflict && `, ${t('calendar.conflict')}`}
      </span>
    </>
  );
}
