// The calendar's undo: entries from moves and resizes, the Undo button's state, and Ctrl/Cmd+Z
// while the calendar is on screen (not while typing in a field or with a dialog open, where the
// key belongs to the field). Undoing carries out the entry's calls in order.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { isCommand } from '../lib/shortcuts';
import type { UndoStep } from './save-args';
import { UndoStack, type UndoEntry } from './undo-stack';

export interface CalendarUndo {
  last: UndoEntry | null;
  busy: boolean;
  error: ApiError | null;
  /** Set after an undo succeeded, for the announcement. */
  undone: UndoEntry | null;
  push: (entry: UndoEntry) => void;
  undo: () => void;
}

async function runStep(step: UndoStep): Promise<ApiError | null> {
  if (step.kind === 'delete') {
    const outcome = await call('calendar.delete', step.args);
    return outcome.ok || outcome.error.code === 'not-found' ? null : outcome.error;
  }
  const outcome = await call('calendar.save', step.args);
  if (outcome.ok) return null;
  if (step.kind === 'restore' && outcome.error.code === 'not-found') {
    const again = await call('calendar.save', {
      spaceId: step.args.spaceId,
      event: step.args.event,
    });
    return again.ok ? null : again.error;
  }
  return outcome.error;
}

function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useCalendarUndo(): CalendarUndo {
  const [stack] = useState(() => new UndoStack());
  const [last, setLast] = useState<UndoEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [undone, setUndone] = useState<UndoEntry | null>(null);
  const running = useRef(false);

  const push = useCallback(
    (entry: UndoEntry) => {
      stack.push(entry);
      setLast(stack.peek());
      setUndone(null);
      setError(null);
    },
    [stack],
  );

  const undo = useCallback(() => {
    const entry = stack.peek();
    if (!entry || running.current) return;
    running.current = true;
    setBusy(true);
    void (async () => {
      let failed: ApiError | null = null;
      for (const step of entry.steps) {
        failed = await runStep(step);
        if (failed) break;
      }
      running.current = false;
      setBusy(false);
      setError(failed);
      if (!failed) {
        stack.done(entry);
        setUndone(entry);
      }
      setLast(stack.peek());
    })();
  }, [stack]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isCommand(event) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z')
        return;
      if (typingTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (!stack.peek()) return;
      event.preventDefault();
      undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stack, undo]);

  return { last, busy, error, undone, push, undo };
}
