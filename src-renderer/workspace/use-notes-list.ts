// The private notes list of the open view (notes, one tag, or the trash) and the tag counts: loaded
// for each view, kept current by every save (a saved note moves to the top), and the note actions
// that change the list (trash, restore, purge, empty the trash). It owns the notes' savers.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, CallOutcome, NoteSummary, TagCount } from '../../src-shared/api';
import { call } from '../bridge/call';
import type { NotePatch } from '../editor/note-saver';
import { NoteSavers } from '../editor/note-savers';
import type { View } from './Sidebar';

function byLastChange(a: NoteSummary, b: NoteSummary): number {
  return b.updatedAt - a.updatedAt;
}

/** Notes from 'notes.create' carry the body; the list keeps only what it shows. */
export function summaryOf(note: NoteSummary): NoteSummary {
  const { id, title, excerpt, tags, createdAt, updatedAt, trashedAt } = note;
  return { id, title, excerpt, tags, createdAt, updatedAt, trashedAt };
}

export interface NotesList {
  notes: NoteSummary[];
  tags: TagCount[];
  savers: NoteSavers;
  reloadList: (view: View, tag: string | null) => void;
  /** Puts a new note at the top of the list. */
  addNote: (summary: NoteSummary) => void;
  /** Each resolves to whether main did it (an error is reported through setError). */
  trashNote: (id: string) => Promise<boolean>;
  restoreNote: (id: string) => Promise<void>;
  purgeNote: (id: string) => Promise<void>;
  emptyTrash: () => Promise<void>;
}

export function useNotesList(
  view: View,
  tag: string | null,
  setError: (error: ApiError | null) => void,
): NotesList {
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const [tags, setTags] = useState<TagCount[]>([]);
  const listSeq = useRef(0);

  const applyTags = useCallback((outcome: CallOutcome<TagCount[]>) => {
    if (outcome.ok) setTags(outcome.value);
  }, []);
  const refreshTags = useCallback(() => {
    void call('notes.tags', {}).then(applyTags);
  }, [applyTags]);

  const [savers] = useState(
    () =>
      new NoteSavers(
        (id, patch) => call('notes.update', { id, ...patch }),
        (summary: NoteSummary, patch: NotePatch) => {
          setNotes((list) =>
            list.some((n) => n.id === summary.id)
              ? list.map((n) => (n.id === summary.id ? summary : n)).sort(byLastChange)
              : list,
          );
          if (patch.tags) refreshTags();
        },
      ),
  );

  /** Resolves to null when a newer list request was made meanwhile. */
  const fetchList = useCallback(async (nextView: View, nextTag: string | null) => {
    const seq = ++listSeq.current;
    const outcome = await call('notes.list', {
      view: nextView === 'trash' ? 'trash' : 'active',
      ...(nextTag !== null && nextView === 'notes' ? { tag: nextTag } : {}),
    });
    return seq === listSeq.current ? outcome : null;
  }, []);
  const applyList = useCallback(
    (outcome: CallOutcome<NoteSummary[]> | null) => {
      if (!outcome) return;
      if (outcome.ok) setNotes([...outcome.value].sort(byLastChange));
      else setError(outcome.error);
    },
    [setError],
  );
  const reloadList = useCallback(
    (nextView: View, nextTag: string | null) => {
      void fetchList(nextView, nextTag).then(applyList);
    },
    [fetchList, applyList],
  );

  useEffect(() => {
    void fetchList(view, tag).then(applyList);
  }, [fetchList, applyList, view, tag]);

  useEffect(() => {
    void call('notes.tags', {}).then(applyTags);
  }, [applyTags]);

  async function act(outcomePromise: Promise<CallOutcome<unknown>>): Promise<boolean> {
    const outcome = await outcomePromise;
    if (!outcome.ok) {
      setError(outcome.error);
      return false;
    }
    setError(null);
    return true;
  }

  const without = (id: string) => (list: NoteSummary[]) => list.filter((n) => n.id !== id);

  return {
    notes,
    tags,
    savers,
    reloadList,
    addNote: (summary) => setNotes((list) => [summary, ...without(summary.id)(list)]),
    async trashNote(id) {
      if (!(await act(call('notes.trash', { id })))) return false;
      setNotes(without(id));
      refreshTags();
      return true;
    },
    async restoreNote(id) {
      if (!(await act(call('notes.restore', { id })))) return;
      setNotes(without(id));
      refreshTags();
    },
    async purgeNote(id) {
      if (!(await act(call('notes.purge', { id })))) return;
      setNotes(without(id));
      savers.forget(id);
    },
    async emptyTrash() {
      if (!(await act(call('notes.emptyTrash', {})))) return;
      reloadList('trash', null);
    },
  };
}
