// One occurrence as a line in a month cell, a week's all-day row or a day's list: time and title
// (or "Busy" and the owning organisation, hatched), the space's colour and, in words for screen
// readers, the space, repetition and a conflict (also shown by a warning icon).
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { spaceName } from '../spaces/space-name';
import { ConflictMark, ItemExtras, ItemTime, ItemTitle, itemClasses, itemData } from './ItemParts';
import { MOVE_HELP_ID } from './KeyHelp';
import type { ViewContext } from './view-context';

interface ItemChipProps {
  item: CalendarItem;
  ctx: ViewContext;
  tabbable: boolean;
  /** Drawn where a move would put it (not a control). */
  ghost?: boolean;
}

export function ItemChip({ item, ctx, tabbable, ghost }: ItemChipProps) {
  const { t } = useTranslation();
  const content = (
    <>
      <ConflictMark item={item} />
      <ItemTime item={item} ctx={ctx} startOnly />
      <ItemTitle item={item} />
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
      {...itemData(item)}
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
