// One occurrence as a line in a month cell, a week's all-day row or a day's list: time and title
// (or "Busy" and the owning organisation, hatched), the space's colour and, in words for screen
// readers, the space, repetition and a conflict (also shown by a warning icon).
import { AlertTriangle, Repeat } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { spaceName } from '../spaces/space-name';
import { formatTime } from './calendar-format';
import { itemTitle } from './item-text';
import { MOVE_HELP_ID } from './KeyHelp';
import { colourClass } from './space-colours';
import { occurrenceId, type ViewContext } from './view-context';

interface ItemChipProps {
  item: CalendarItem;
  ctx: ViewContext;
  tabbable: boolean;
  /** Drawn where a move would put it (not a control). */
  ghost?: boolean;
}

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

export function ItemChip({ item, ctx, tabbable, ghost }: ItemChipProps) {
  const { t } = useTranslation();
  const content = (
    <>
      {item.conflict && (
        <AlertTriangle
          className="cal-conflict-icon"
          aria-hidden="true"
          focusable="false"
          size={14}
        />
      )}
      {!item.allDay && (
        <span className="cal-item-time">{formatTime(item.startMs, ctx.zone, ctx.language)}</span>
      )}
      <span className="cal-item-title" data-testid="cal-item-title">
        {itemTitle(t, item)}
      </span>
      <ItemExtras item={item} ctx={ctx} />
    </>
  );
  if (ghost) {
    return (
      <span className={itemClasses(item, ctx, 'cal-item ghost')} aria-hidden="true">
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={itemClasses(item, ctx, 'cal-item')}
      data-testid="cal-item"
      data-item={occurrenceId(item)}
      data-event-id={item.eventId}
      data-busy={item.busyOnly}
      data-conflict={item.conflict}
      tabIndex={tabbable ? 0 : -1}
      aria-describedby={item.canEdit && ctx.view !== 'agenda' ? MOVE_HELP_ID : undefined}
      title={ctx.showSpace ? spaceName(t, item.spaceName) : undefined}
      onClick={() => ctx.openItem(item)}
      onKeyDown={(event) => ctx.itemKeyDown(item, event)}
    >
      {content}
    </button>
  );
}
