// The calendar screen's dialogs: the event editor, a whole day, import, export, sharing one event and
// events shared with me. Share and export opened from the editor stack on top of it, so what was
// typed there stays.
import type { SpaceSummary } from '../../src-shared/api';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { DayDialog } from './DayDialog';
import { EventEditorDialog } from './EventEditorDialog';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { ShareDialog } from './ShareDialog';
import { SharedWithMeDialog } from './SharedWithMeDialog';
import type { EditorRequest } from './use-event-editor';
import type { ViewContext } from './view-context';

export type CalendarDialog =
  | { kind: 'editor'; request: EditorRequest }
  | { kind: 'day'; day: string }
  | { kind: 'import' }
  | { kind: 'shared' }
  | ExtraDialog;

/** Dialogs that may open over the editor. */
export type ExtraDialog =
  | { kind: 'export'; spaceId: string | null; eventId?: string }
  | { kind: 'share'; spaceId: string; eventId: string; occurrence?: string };

interface CalendarDialogsProps {
  dialog: CalendarDialog | null;
  extra: ExtraDialog | null;
  /** The space of a one-space calendar; null for all spaces. */
  spaceId: string | null;
  spaces: SpaceSummary[];
  writable: SpaceSummary[];
  byDay: ReadonlyMap<string, CalendarItem[]>;
  tasksByDay: ReadonlyMap<string, CalendarTask[]>;
  ctx: ViewContext;
  setDialog: (dialog: CalendarDialog | null) => void;
  setExtra: (extra: ExtraDialog | null) => void;
}

export function CalendarDialogs(props: CalendarDialogsProps) {
  const { dialog, extra, setDialog, setExtra } = props;
  const close = () => setDialog(null);
  const occurrenceOf = (eventId: string): string | undefined => {
    if (dialog?.kind !== 'editor' || dialog.request.kind !== 'edit') return undefined;
    const item = dialog.request.item;
    return item && item.eventId === eventId && item.recurring ? item.key : undefined;
  };
  return (
    <>
      {dialog?.kind === 'editor' && (
        <EventEditorDialog
          request={dialog.request}
          writableSpaces={props.writable}
          onClose={close}
          onShare={(spaceId, eventId) =>
            setExtra({ kind: 'share', spaceId, eventId, occurrence: occurrenceOf(eventId) })
          }
          onExport={(spaceId, eventId) => setExtra({ kind: 'export', spaceId, eventId })}
        />
      )}
      {dialog?.kind === 'day' && (
        <DayDialog
          day={dialog.day}
          items={props.byDay.get(dialog.day) ?? []}
          tasks={props.tasksByDay.get(dialog.day) ?? []}
          ctx={props.ctx}
          canAdd={props.writable.length > 0}
          onClose={close}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog spaceId={props.spaceId} spaces={props.writable} onClose={close} />
      )}
      {dialog?.kind === 'shared' && <SharedWithMeDialog onClose={close} />}
      {dialog?.kind === 'export' && (
        <ExportDialog spaceId={dialog.spaceId} eventId={dialog.eventId} onClose={close} />
      )}
      {dialog?.kind === 'share' && (
        <ShareDialog {...dialog} spaces={props.spaces} onClose={close} />
      )}
      {extra?.kind === 'export' && (
        <ExportDialog
          spaceId={extra.spaceId}
          eventId={extra.eventId}
          onClose={() => setExtra(null)}
        />
      )}
      {extra?.kind === 'share' && (
        <ShareDialog {...extra} spaces={props.spaces} onClose={() => setExtra(null)} />
      )}
    </>
  );
}
