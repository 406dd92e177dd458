// One timed occurrence in a week column, placed by its minutes and its column among overlapping
// events: drag the body to move it, the bottom edge to resize it (both only for events this device
// may change); Alt+arrow keys do the same from the keyboard (the screen's hint says how).
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { ConflictMark, ItemExtras, ItemTime, ItemTitle, itemClasses, itemData } from './ItemParts';
import { MOVE_HELP_ID } from './KeyHelp';
import type { EventDrag } from './use-event-drag';
import type { ViewContext } from './view-context';

export interface BlockPlace {
  /** Minutes from the column's top (midnight) and length in minutes. */
  top: number;
  height: number;
  column: number;
  columns: number;
}

interface WeekEventBlockProps {
  item: CalendarItem;
  place: BlockPlace;
  hourHeight: number;
  ctx: ViewContext;
  tabbable: boolean;
  drag?: EventDrag;
  ghost?: boolean;
}

export function WeekEventBlock({
  item,
  place,
  hourHeight,
  ctx,
  tabbable,
  drag,
  ghost,
}: WeekEventBlockProps) {
  const style = {
    top: `${(place.top / 60) * hourHeight}px`,
    height: `${Math.max((place.height / 60) * hourHeight, hourHeight / 4)}px`,
    left: `${(place.column / place.columns) * 100}%`,
    width: `${100 / place.columns}%`,
  };
  const body = (
    <>
      <ConflictMark item={item} />
      <ItemTitle item={item} />
      <ItemTime item={item} ctx={ctx} />
      <ItemExtras item={item} ctx={ctx} />
    </>
  );
  if (ghost) {
    return (
      <div className={itemClasses(item, ctx, 'cal-block ghost')} style={style} aria-hidden="true">
        <div className="cal-block-body">{body}</div>
      </div>
    );
  }
  const movable = item.canEdit && drag !== undefined;
  return (
    <div className={itemClasses(item, ctx, 'cal-block')} style={style}>
      <button
        type="button"
        className="cal-block-body"
        {...itemData(item)}
        tabIndex={tabbable ? 0 : -1}
        aria-describedby={movable ? MOVE_HELP_ID : undefined}
        onClick={() => {
          if (drag?.takeClickAfterDrag()) return;
          ctx.openItem(item);
        }}
        onKeyDown={(event) => ctx.itemKeyDown(item, event)}
        {...(movable ? drag.handlers(item, 'move') : {})}
      >
        {body}
      </button>
      {movable && (
        <span
          className="cal-block-resize"
          data-testid="cal-item-resize"
          aria-hidden="true"
          {...drag.handlers(item, 'resize')}
        />
      )}
    </div>
  );
}
