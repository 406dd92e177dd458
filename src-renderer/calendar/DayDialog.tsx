// One day in full, opened with Enter on a day or "+N more": every event and due task of the day
// in order, and "New event" on that day.
import { useTranslation } from 'react-i18next';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { Dialog } from '../components/Dialog';
import { formatLongDay } from './calendar-format';
import { DayLines } from './DayLines';
import type { ViewContext } from './view-context';

interface DayDialogProps {
  day: string;
  items: CalendarItem[];
  tasks: CalendarTask[];
  ctx: ViewContext;
  canAdd: boolean;
  onClose: () => void;
}

export function DayDialog({ day, items, tasks, ctx, canAdd, onClose }: DayDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={formatLongDay(day, ctx.language)}
      onClose={onClose}
      testId="day-dialog"
      className="cal-day-dialog"
    >
      {items.length + tasks.length === 0 ? (
        <p className="hint">{t('calendar.dayEmpty')}</p>
      ) : (
        <ul className="cal-day-dialog-list">
          {/* A move being previewed belongs to the grid: nothing here is marked as moving. */}
          <DayLines items={items} tasks={tasks} ctx={{ ...ctx, preview: null }} tabbable />
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        {canAdd && (
          <button
            type="button"
            className="primary"
            data-testid="day-new-event"
            onClick={() => ctx.newEvent(day)}
          >
            {t('calendar.newEvent')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
