// Carries out a move or resize (dragged or by keyboard): reads the whole event, asks how far the
// change reaches when it is an occurrence of a series, saves, and leaves an undo entry that saves
// the previous timing back. Errors are kept for the screen to show.
import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import type { EditScope } from '../../src-shared/calendar/event-model';
import { call } from '../bridge/call';
import type { Span } from './drag-timing';
import { inputOfView, itemTimes, movedInput } from './move-input';
import { occurrenceTarget, saveArgsFor, undoSteps } from './save-args';
import type { UndoEntry } from './undo-stack';

interface PendingMove {
  item: CalendarItem;
  span: Span;
}

export interface MoveFlow {
  busy: boolean;
  error: ApiError | null;
  clearError: () => void;
  /** A move of an occurrence waiting for the scope choice. */
  asking: PendingMove | null;
  move: (item: CalendarItem, span: Span) => void;
  choose: (scope: EditScope) => void;
  cancel: () => void;
}

export function useMoveEvent(
  viewerZone: string,
  onSaved: (entry: UndoEntry) => void,
  /** Called when a move is over, saved or not (the ghost can go). */
  onSettled: () => void,
): MoveFlow {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState<PendingMove | null>(null);

  async function save(pending: PendingMove, scope?: EditScope): Promise<void> {
    const { item, span } = pending;
    setBusy(true);
    setError(null);
    try {
      const got = await call('calendar.get', {
        spaceId: item.spaceId,
        eventId: item.eventId,
        ...(item.recurring ? { occurrence: item.key } : {}),
      });
      if (!got.ok) return setError(got.error);
      const before = inputOfView(got.value);
      if (!before) return;
      const input = movedInput(before, item, span, viewerZone, scope, got.value.occurrenceDetails);
      const target = {
        spaceId: item.spaceId,
        eventId: item.eventId,
        occurrence: occurrenceTarget(got.value, item),
      };
      const args = saveArgsFor(target, input, scope);
      const saved = await call('calendar.save', args);
      if (!saved.ok) return setError(saved.error);
      const previous = itemTimes(item, before.tz);
      onSaved({ title: item.title, steps: undoSteps(args, saved.value.eventId, before, previous) });
    } finally {
      setBusy(false);
      onSettled();
    }
  }

  return {
    busy,
    error,
    clearError: () => setError(null),
    asking,
    move(item, span) {
      if (item.recurring) setAsking({ item, span });
      else void save({ item, span });
    },
    choose(scope) {
      const pending = asking;
      setAsking(null);
      if (pending) void save(pending, scope);
    },
    cancel() {
      setAsking(null);
      onSettled();
    },
  };
}
