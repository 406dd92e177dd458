// The agenda: the coming days that have anything, each a heading with its events (time, title or
// "Busy" and organisation, place, space) and due tasks as a plain list of buttons in reading order.
import { AlertTriangle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { spaceName } from '../spaces/space-name';
import { formatLongDay } from './calendar-format';
import { ItemExtras, itemClasses } from './ItemChip';
import { itemTimeText, itemTitle } from './item-text';
import { TaskChip } from './TaskChip';
import { occurrenceId, type ViewContext } from './view-context';
import type { GridDay } from './view-geometry';

interface AgendaViewProps {
  days: GridDay[];
  byDay: ReadonlyMap<string, CalendarItem[]>;
  tasksByDay: ReadonlyMap<string, CalendarTask[]>;
  ctx: ViewContext;
}

export function AgendaView({ days, byDay, tasksByDay, ctx }: AgendaViewProps) {
  const { t } = useTranslation();
  const busyDays = days
    .map((day) => day.date)
    .filter((day) => (byDay.get(day)?.length ?? 0) + (tasksByDay.get(day)?.length ?? 0) > 0);
  if (busyDays.length === 0) {
    return (
      <p className="editor-empty" data-testid="cal-agenda-empty">
        {t('calendar.agendaEmpty')}
      </p>
    );
  }
  return (
    <div className="cal-agenda" data-testid="cal-agenda">
      {busyDays.map((day) => (
        <section
          key={day}
          className="cal-agenda-day"
          data-day={day}
          data-testid="cal-day"
          aria-labelledby={`cal-agenda-${day}`}
        >
          <h3 id={`cal-agenda-${day}`} className={day === ctx.today ? 'today' : undefined}>
            {formatLongDay(day, ctx.language)}
            {day === ctx.today && <span className="badge">{t('calendar.today')}</span>}
          </h3>
          <ul className="cal-agenda-list">
            {(byDay.get(day) ?? []).map((item) => (
              <li key={occurrenceId(item)}>
                <button
                  type="button"
                  className={itemClasses(item, ctx, 'cal-agenda-item')}
                  data-testid="cal-item"
                  data-item={occurrenceId(item)}
                  data-event-id={item.eventId}
                  data-busy={item.busyOnly}
                  data-conflict={item.conflict}
                  onClick={() => ctx.openItem(item)}
                >
                  <span className="cal-item-time">
                    {itemTimeText(t, item, ctx.zone, ctx.language)}
                  </span>
                  {item.conflict && (
                    <AlertTriangle
                      className="cal-conflict-icon"
                      aria-hidden="true"
                      focusable="false"
                      size={14}
                    />
                  )}
                  <span className="cal-item-title" data-testid="cal-item-title">
                    {itemTitle(t, item)}
                  </span>
                  {item.location && <span className="cal-item-place">{item.location}</span>}
                  {ctx.showSpace && (
                    <span className="cal-item-space" aria-hidden="true">
                      {spaceName(t, item.spaceName)}
                    </span>
                  )}
                  <ItemExtras item={item} ctx={ctx} />
                </button>
              </li>
            ))}
            {(tasksByDay.get(day) ?? []).map((task) => (
              <li key={task.taskId}>
                <TaskChip task={task} ctx={ctx} tabbable />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
