// The calendar's controls: today, previous and next period, the period's title (announced when it
// changes), month/week/agenda, and the actions: new event, import, export, shared with me.
import { ChevronLeft, ChevronRight, Download, Inbox, Plus, Upload } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ToggleGroup } from '../components/ToggleGroup';
import { CALENDAR_VIEWS, type CalendarNav } from './use-calendar-nav';

interface CalendarToolbarProps {
  nav: CalendarNav;
  title: string;
  canAdd: boolean;
  onNew: () => void;
  onImport: () => void;
  onExport: () => void;
  onShared: () => void;
}

export function CalendarToolbar({
  nav,
  title,
  canAdd,
  onNew,
  onImport,
  onExport,
  onShared,
}: CalendarToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="cal-toolbar">
      <div className="cal-nav" role="group" aria-label={t('calendar.navigate')}>
        <button type="button" data-testid="cal-today" onClick={nav.goToday}>
          {t('calendar.today')}
        </button>
        <button
          type="button"
          className="cal-icon-button"
          data-testid="cal-prev"
          aria-label={t(`calendar.previous.${nav.view}`)}
          onClick={() => nav.step(-1)}
        >
          <ChevronLeft aria-hidden="true" focusable="false" size={18} />
        </button>
        <button
          type="button"
          className="cal-icon-button"
          data-testid="cal-next"
          aria-label={t(`calendar.next.${nav.view}`)}
          onClick={() => nav.step(1)}
        >
          <ChevronRight aria-hidden="true" focusable="false" size={18} />
        </button>
      </div>
      <p className="cal-range-title" data-testid="cal-range-title" aria-live="polite">
        {title}
      </p>
      <ToggleGroup
        className="cal-views"
        label={t('calendar.viewLabel')}
        choices={CALENDAR_VIEWS.map((view) => ({
          value: view,
          label: t(`calendar.views.${view}`),
          testId: `cal-view-${view}`,
        }))}
        value={nav.view}
        onChange={nav.setView}
      />
      <div className="cal-actions">
        {canAdd && (
          <button type="button" className="primary" data-testid="cal-new-event" onClick={onNew}>
            <Plus aria-hidden="true" focusable="false" size={16} /> {t('calendar.newEvent')}
          </button>
        )}
        {canAdd && (
          <button type="button" data-testid="cal-import" onClick={onImport}>
            <Upload aria-hidden="true" focusable="false" size={16} /> {t('calendar.import.open')}
          </button>
        )}
        <button type="button" data-testid="cal-export" onClick={onExport}>
          <Download aria-hidden="true" focusable="false" size={16} /> {t('calendar.export.open')}
        </button>
        <button type="button" data-testid="cal-shared" onClick={onShared}>
          <Inbox aria-hidden="true" focusable="false" size={16} /> {t('calendar.shared.title')}
        </button>
      </div>
    </div>
  );
}
