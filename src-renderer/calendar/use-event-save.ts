// Saving and deleting from the editor: a change to one occurrence of a series first asks how far it
// reaches; the reminder (kept on this device only) is set after the event is saved. Once saved, the
// event's id is kept, so trying again after a failed reminder does not make a second event. A
// delete that leaves member shares not withdrawn (their recipients keep their copies) keeps the
// dialog open to say so; otherwise it closes.
import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type {
  CalendarEventView,
  CalendarItem,
  EventDeleteResult,
  EventInput,
} from '../../src-shared/calendar/calendar-api';
import { changesSeries } from '../../src-shared/calendar/edit-scope';
import type { EditScope } from '../../src-shared/calendar/event-model';
import { call } from '../bridge/call';
import { useApiAction } from '../hooks/use-api-action';
import { occurrenceTarget, saveArgsFor, type EditTarget } from './save-args';

export type ScopeAsk = { purpose: 'save' | 'delete'; allowThis: boolean } | null;

interface Options {
  spaceId: string | null;
  view: CalendarEventView | null;
  item?: CalendarItem;
  onDone: () => void;
}

export function useEventSave({ spaceId, view, item, onDone }: Options) {
  const action = useApiAction();
  const [savedId, setSavedId] = useState<string | null>(null);
  const [reminderError, setReminderError] = useState<ApiError | null>(null);
  const [ask, setAsk] = useState<ScopeAsk>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [kept, setKept] = useState<EventDeleteResult['notWithdrawn'] | null>(null);
  const [pending, setPending] = useState<{ input: EventInput; reminder: number | null } | null>(
    null,
  );

  const target = (): EditTarget | null => {
    if (spaceId === null) return null;
    const eventId = savedId ?? view?.id;
    // After a save the series may have changed shape: the next try is a whole-event save.
    const occurrence = savedId === null && view ? occurrenceTarget(view, item) : undefined;
    return { spaceId, eventId, occurrence };
  };

  async function run(input: EventInput, reminder: number | null, scope?: EditScope) {
    const to = target();
    if (!to) return;
    setReminderError(null);
    await action.run(
      () => call('calendar.save', saveArgsFor(to, input, scope)),
      async ({ eventId }) => {
        setSavedId(eventId);
        if (reminder !== (view?.reminderMinutes ?? null) || (view === null && reminder !== null)) {
          const set = await call('calendar.setReminder', {
            spaceId: to.spaceId,
            eventId,
            minutes: reminder,
          });
          if (!set.ok) {
            setReminderError(set.error);
            return;
          }
        }
        onDone();
      },
    );
  }

  async function runDelete(scope?: EditScope) {
    const to = target();
    if (!to?.eventId) return;
    // "All" deletes the whole event, which main does without an occurrence.
    const occurrence =
      to.occurrence && scope && scope !== 'all' ? { key: to.occurrence.key, scope } : undefined;
    await action.run(
      () =>
        call(
          'calendar.delete',
          occurrence
            ? { spaceId: to.spaceId, eventId: to.eventId ?? '', occurrence }
            : { spaceId: to.spaceId, eventId: to.eventId ?? '' },
        ),
      ({ notWithdrawn }) => {
        if (notWithdrawn.length > 0) setKept(notWithdrawn);
        else onDone();
      },
    );
  }

  return {
    busy: action.busy,
    error: action.error ?? reminderError,
    ask,
    confirmDelete,
    /** After a delete: the member shares that could not be withdrawn, per space; else null. */
    kept,
    save(input: EventInput, reminder: number | null): void {
      if (target()?.occurrence) {
        setPending({ input, reminder });
        setAsk({ purpose: 'save', allowThis: view !== null && !changesSeries(view, input) });
      } else {
        void run(input, reminder);
      }
    },
    remove(): void {
      if (target()?.occurrence) setAsk({ purpose: 'delete', allowThis: true });
      else setConfirmDelete(true);
    },
    choose(scope: EditScope): void {
      const asked = ask;
      setAsk(null);
      if (asked?.purpose === 'delete') void runDelete(scope);
      else if (pending) void run(pending.input, pending.reminder, scope);
    },
    confirmDeleteNow(): void {
      setConfirmDelete(false);
      void runDelete();
    },
    cancel(): void {
      setAsk(null);
      setConfirmDelete(false);
    },
  };
}
