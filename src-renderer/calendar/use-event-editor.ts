// The editor's state: for a new event a fresh draft; for a stored one calendar.get, then a draft of
// it (of the occurrence it was opened on, for a series). The draft lives here until the dialog
// closes, so nothing typed is lost when a save is refused; a 'calendar.changed' does not reset it.
// The draft as first made is kept too, to tell whether closing would throw anything away.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { CalendarEventView, CalendarItem } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { deviceZone } from './day-math';
import { draftFromView, newDraft, type EventDraft } from './event-draft';

export type EditorRequest =
  | { kind: 'new'; spaceId: string | null; day: string; startTime?: string }
  | { kind: 'edit'; spaceId: string; eventId: string; item?: CalendarItem };

export type EditorLoad =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'ready'; view: CalendarEventView | null };

export interface EventEditorState {
  load: EditorLoad;
  draft: EventDraft | null;
  /** The draft as it was made or loaded, before any change. */
  initial: EventDraft | null;
  setDraft: (update: (draft: EventDraft) => EventDraft) => void;
  retry: () => void;
}

/** The occurrence a view item stands for, when it is one of a series. */
export function occurrenceOf(item: CalendarItem | undefined) {
  if (!item || !item.recurring) return undefined;
  return {
    key: item.key,
    startMs: item.startMs,
    endMs: item.endMs,
    allDay: item.allDay,
    startDate: item.startDate,
    endDate: item.endDate,
    title: item.title,
    location: item.location,
  };
}

export function useEventEditor(request: EditorRequest): EventEditorState {
  const [load, setLoad] = useState<EditorLoad>(
    request.kind === 'new' ? { phase: 'ready', view: null } : { phase: 'loading' },
  );
  const [initial, setInitial] = useState<EventDraft | null>(() =>
    request.kind === 'new'
      ? newDraft({
          day: request.day,
          tz: deviceZone(),
          orgId: null,
          startTime: request.startTime,
        })
      : null,
  );
  const [draft, setDraftState] = useState<EventDraft | null>(initial);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (request.kind !== 'edit') return;
    let active = true;
    const occurrence = occurrenceOf(request.item)?.key;
    void call('calendar.get', {
      spaceId: request.spaceId,
      eventId: request.eventId,
      ...(occurrence === undefined ? {} : { occurrence }),
    }).then((outcome) => {
      if (!active) return;
      if (!outcome.ok) {
        setLoad({ phase: 'failed', error: outcome.error });
        return;
      }
      setLoad({ phase: 'ready', view: outcome.value });
      // A retry after a failure must not overwrite what was typed since.
      const loaded = draftFromView(outcome.value, occurrenceOf(request.item));
      setDraftState((current) => current ?? loaded);
      setInitial((current) => current ?? loaded);
    });
    return () => {
      active = false;
    };
    // The request object is fixed for the dialog's life; `attempt` asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const setDraft = useCallback((update: (draft: EventDraft) => EventDraft) => {
    setDraftState((current) => (current ? update(current) : current));
  }, []);
  const retry = useCallback(() => {
    setLoad({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { load, draft, initial, setDraft, retry };
}
