// Under the toolbar: what a keyboard move would do ("Moving … Enter saves, Escape cancels"), that a
// move was saved with an Undo button, or why a move or undo failed; and the question how far a move
// of one occurrence reaches. The status line is a polite live region.
import { Undo2 } from 'lucide-react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { ariaShortcut, shortcutLabel } from '../lib/shortcuts';
import { formatLongDay } from './calendar-format';
import { itemTimeText, itemTitle, titleOrUntitled } from './item-text';
import { KeyHelp } from './KeyHelp';
import { ScopeDialog } from './ScopeDialog';
import type { CalendarUndo } from './use-calendar-undo';
import type { MoveFlow } from './use-move-event';
import type { MovePreview, ViewContext } from './view-context';

interface CalendarStatusProps {
  preview: MovePreview | null;
  move: MoveFlow;
  undo: CalendarUndo;
  ctx: ViewContext;
}

export function CalendarStatus({ preview, move, undo, ctx }: CalendarStatusProps) {
  const { t } = useTranslation();
  let text = '';
  if (preview?.source === 'key') {
    const day =
      DateTime.fromMillis(preview.span.startMs, { zone: ctx.zone }).toISODate() ?? ctx.focusDay;
    text = t('calendar.move.moving', {
      title: itemTitle(t, preview.item),
      day: formatLongDay(day, ctx.language),
      time: itemTimeText(
        t,
        { ...preview.span, allDay: preview.item.allDay },
        ctx.zone,
        ctx.language,
      ),
    });
  } else if (move.busy) {
    text = t('calendar.move.saving');
  } else if (undo.undone) {
    text = t('calendar.move.undone');
  } else if (undo.last) {
    text = t('calendar.move.saved', { title: titleOrUntitled(t, undo.last.title) });
  }
  return (
    <div className="cal-status-bar">
      <p className="cal-status" role="status" data-testid="cal-status">
        {text}
      </p>
      {undo.last && !preview && (
        <button
          type="button"
          data-testid="cal-undo"
          disabled={undo.busy}
          aria-keyshortcuts={ariaShortcut('z')}
          title={shortcutLabel('z')}
          onClick={undo.undo}
        >
          <Undo2 aria-hidden="true" focusable="false" size={16} /> {t('calendar.move.undo')}
        </button>
      )}
      <ErrorAlert error={move.error ?? undo.error} />
      <KeyHelp kind="move" />
      <KeyHelp kind="grid" />
      {move.asking && (
        <ScopeDialog purpose="move" allowThis onChoose={move.choose} onCancel={move.cancel} />
      )}
    </div>
  );
}
