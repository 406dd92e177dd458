// The agenda: the coming days that have anything, each a heading with its events (time, title or
// "Busy" and organisation, place, space) and due tasks as a plain list of buttons in reading order.
import { useTranslation } from 'react-i18next';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { spaceName } from '../spaces/space-name';
import { formatLongDay } from './calendar-format';
import { TaskLines } from './DayLines';
import { ConflictMark, ItemExtras, ItemTime, ItemTitle, itemClasses, itemData } from './ItemParts';
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
                  {...itemData(item)}
                  onClick={() => ctx.openItem(item)}
                >
                  <ItemTime item={item} ctx={ctx} />
                  <ConflictMark item={item} />
                  <ItemTitle item={item} />
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
            <TaskLines tasks={tasksByDay.get(day) ?? []} ctx={ctx} tabbable />
          </ul>
        </section>
      ))}
    </div>
  );
}
