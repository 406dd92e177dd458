// The calendar: of all spaces together (from the sidebar, a colour per space and a legend to filter
// by) or of one space (its Calendar tab). Month, week or agenda of the period around the focused
// day; events, busy blocks and due tasks from calendar.range, asked again on 'calendar.changed'.
// Moves and resizes save at once and can be undone (button or Ctrl/Cmd+Z).
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { dateLocaleFor, systemLocales } from '../components/date-field-model';
import { canWrite } from '../spaces/space-access';
import { spaceContent } from '../spaces/space-list';
import { CalendarBody } from './CalendarBody';
import { CalendarDialogs, type CalendarDialog, type ExtraDialog } from './CalendarDialogs';
import { CalendarStatus } from './CalendarStatus';
import { CalendarToolbar } from './CalendarToolbar';
import { deviceZone, weekStartFor } from './day-math';
import { rangeTitle } from './range-title';
import { spaceColours } from './space-colours';
import { SpaceLegend } from './SpaceLegend';
import { useCalendarNav } from './use-calendar-nav';
import { useCalendarRange } from './use-calendar-range';
import { useCalendarUndo } from './use-calendar-undo';
import { useKeyboardMove } from './use-keyboard-move';
import { useMoveEvent } from './use-move-event';
import type { MovePreview, ViewContext } from './view-context';
import { itemsByDay, tasksByDay, viewDays } from './view-geometry';

interface CalendarScreenProps {
  spaces: SpaceSummary[];
  /** One space's calendar; all spaces together when absent. */
  spaceId?: string;
  onOpenTask: (task: { spaceId: string; planId: string }) => void;
}

export function CalendarScreen({ spaces, spaceId, onOpenTask }: CalendarScreenProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const [zone] = useState(deviceZone);
  const weekStart = weekStartFor(dateLocaleFor(language, systemLocales()).code);
  const nav = useCalendarNav(zone);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<CalendarDialog | null>(null);
  const [extra, setExtra] = useState<ExtraDialog | null>(null);
  const [preview, setPreview] = useState<MovePreview | null>(null);

  const shown = spaces.filter((s) => s.status === 'active' && spaceContent(s) === 'content');
  const inView = spaceId === undefined ? shown : shown.filter((s) => s.id === spaceId);
  const writable = inView.filter(canWrite);
  const colours = useMemo(() => spaceColours(shown.map((s) => s.id)), [shown]);

  const geometry = viewDays(nav.view, nav.day, zone, weekStart);
  const range = useCalendarRange({ from: geometry.fromMs, to: geometry.toMs, spaceId });
  const visible = (range.range?.items ?? []).filter((item) => !hidden.has(item.spaceId));
  const tasks = (range.range?.tasks ?? []).filter((task) => !hidden.has(task.spaceId));
  const byDay = itemsByDay(visible, geometry.days);
  const dueByDay = tasksByDay(tasks);

  const undo = useCalendarUndo();
  const move = useMoveEvent(zone, undo.push, () => setPreview(null));
  const commit = (item: CalendarItem, span: MovePreview['span']) => move.move(item, span);
  const itemKeyDown = useKeyboardMove({ view: nav.view, zone, preview, setPreview, commit });

  const newEvent = (day: string, startTime?: string) => {
    if (writable.length === 0) return;
    setDialog({
      kind: 'editor',
      request: { kind: 'new', spaceId: spaceId ?? null, day, startTime },
    });
  };
  const ctx: ViewContext = {
    view: nav.view,
    zone,
    language,
    today: nav.today,
    colours,
    showSpace: spaceId === undefined,
    focusDay: nav.day,
    preview,
    openItem: (item) =>
      setDialog({
        kind: 'editor',
        request: { kind: 'edit', spaceId: item.spaceId, eventId: item.eventId, item },
      }),
    openTask: (task) => onOpenTask(task),
    openDay: (day) => setDialog({ kind: 'day', day }),
    newEvent,
    itemKeyDown,
  };
  const title = rangeTitle(nav.view, nav.day, geometry.days, language);

  return (
    <section
      className="cal-screen"
      data-testid="calendar"
      data-view={nav.view}
      data-first-day={geometry.days[0]?.date}
      data-last-day={geometry.days.at(-1)?.date}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className={spaceId === undefined ? undefined : 'visually-hidden'}>
        {t('calendar.title')}
      </h2>
      <CalendarToolbar
        nav={nav}
        title={title}
        canAdd={writable.length > 0}
        onNew={() => newEvent(nav.day)}
        onImport={() => setDialog({ kind: 'import' })}
        onExport={() => setDialog({ kind: 'export', spaceId: spaceId ?? null })}
        onShared={() => setDialog({ kind: 'shared' })}
      />
      {spaceId === undefined && (
        <SpaceLegend
          spaces={shown}
          colours={colours}
          hidden={hidden}
          onToggle={(id, on) =>
            setHidden((current) => {
              const next = new Set(current);
              if (on) next.delete(id);
              else next.add(id);
              return next;
            })
          }
        />
      )}
      <CalendarStatus preview={preview} move={move} undo={undo} ctx={ctx} />
      {range.error && (
        <div className="cal-load-error">
          <p>{t('calendar.loadFailed')}</p>
          <ErrorAlert error={range.error} />
          <button type="button" onClick={range.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <CalendarBody
        nav={nav}
        title={title}
        weekStart={weekStart}
        geometry={geometry}
        byDay={byDay}
        tasksByDay={dueByDay}
        ctx={ctx}
        loading={range.loading}
        onDrop={commit}
        setPreview={setPreview}
      />
      <CalendarDialogs
        dialog={dialog}
        extra={extra}
        spaceId={spaceId ?? null}
        spaces={spaces}
        writable={writable}
        byDay={byDay}
        tasksByDay={dueByDay}
        ctx={ctx}
        setDialog={setDialog}
        setExtra={setExtra}
      />
    </section>
  );
}
