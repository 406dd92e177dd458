// The unlocked app. It owns every note text and shared document on screen; when it unmounts (lock),
// all of it goes with it. Locking first waits until every change has reached main.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiError,
  CallOutcome,
  MyTask,
  NoteSummary,
  SearchHit,
  SpaceSummary,
  TagCount,
} from '../../src-shared/api';
import { call } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import { NoteEditor } from '../editor/NoteEditor';
import type { NotePatch } from '../editor/note-saver';
import { NoteSavers } from '../editor/note-savers';
import { useActivityReporter } from '../hooks/use-activity-reporter';
import { useShortcuts } from '../hooks/use-shortcuts';
import { errorMessage } from '../i18n/error-message';
import { SettingsDialog } from '../settings/SettingsDialog';
import { DocReplicas } from '../shared-doc/doc-replica';
import { SharedDocs } from '../shared-doc/shared-docs';
import { DocReplicasContext } from '../shared-doc/use-doc-replica';
import { SpacesSection } from '../spaces/SpacesSection';
import { SpaceView } from '../spaces/SpaceView';
import { useSpaces } from '../spaces/use-spaces';
import { MyTasksEntry } from '../tasks/MyTasksEntry';
import { MyTasksView } from '../tasks/MyTasksView';
import { TasksSession, TasksSessionContext } from '../tasks/tasks-session';
import { useMyTasks } from '../tasks/use-my-tasks';
import { Header } from './Header';
import { NoteList } from './NoteList';
import { SearchResults } from './SearchResults';
import { Sidebar, type View } from './Sidebar';
import { TrashList } from './TrashList';

function byLastChange(a: NoteSummary, b: NoteSummary): number {
  return b.updatedAt - a.updatedAt;
}

function summaryOf(note: NoteSummary): NoteSummary {
  // Notes from 'notes.create' carry the body; the list keeps only what it shows.
  const { id, title, excerpt, tags, createdAt, updatedAt, trashedAt } = note;
  return { id, title, excerpt, tags, createdAt, updatedAt, trashedAt };
}

export function Workspace({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('notes');
  const [tag, setTag] = useState<string | null>(null);
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedSpaceId, setSelectedSpaceId] = useState<string | null>(null);
  // Where focus goes after an invitation is answered: the space just accepted, or the spaces list.
  const [focusSpaceId, setFocusSpaceId] = useState<string | null>(null);
  const [spacesFocus, setSpacesFocus] = useState(0);
  const [myTasksShown, setMyTasksShown] = useState(false);
  const [planToOpen, setPlanToOpen] = useState<{ planId: string; nonce: number } | null>(null);
  // A new nonce each time, so choosing a task of the plan already open still brings that plan up.
  const planNonce = useRef(0);
  const [freshId, setFreshId] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [locking, setLocking] = useState(false);
  const [unsavedPrompt, setUnsavedPrompt] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchSeq = useRef(0);
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

  const [sharedDocs] = useState(
    () =>
      new SharedDocs(
        (docId, update) => call('docs.update', { docId, update }),
        (docId) => void call('docs.close', { docId }),
      ),
  );
  const [replicas] = useState(() => new DocReplicas(sharedDocs));
  const myTasks = useMyTasks();
  // After a local task edit, "My tasks" asks main again once main has stored the edit.
  const [tasksSession] = useState(
    () => new TasksSession(() => void sharedDocs.flushAll().then(myTasks.refreshSoon)),
  );
  const spaces = useSpaces();
  const openSpace = spaces.spaces?.find((space) => space.id === selectedSpaceId) ?? null;

  /** Resolves to null when a newer list request was made meanwhile. */
  const fetchList = useCallback(async (nextView: View, nextTag: string | null) => {
    const seq = ++listSeq.current;
    const outcome = await call('notes.list', {
      view: nextView === 'trash' ? 'trash' : 'active',
      ...(nextTag !== null && nextView === 'notes' ? { tag: nextTag } : {}),
    });
    return seq === listSeq.current ? outcome : null;
  }, []);
  const applyList = useCallback((outcome: CallOutcome<NoteSummary[]> | null) => {
    if (!outcome) return;
    if (outcome.ok) setNotes([...outcome.value].sort(byLastChange));
    else setError(outcome.error);
  }, []);
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

  useEffect(
    () =>
      subscribeConnectionStatus((status) => {
        if (status !== 'connected') return;
        savers.retryFailed();
        sharedDocs.retryFailed();
        reloadList(view, tag);
      }),
    [savers, sharedDocs, reloadList, view, tag],
  );

  useActivityReporter();

  function search(next: string): void {
    setQuery(next);
    const seq = ++searchSeq.current;
    if (next.trim() === '') {
      setHits(null);
      return;
    }
    void call('notes.search', { query: next }).then((outcome) => {
      // Only the answer to the latest query counts; earlier ones may arrive after it.
      if (seq !== searchSeq.current) return;
      if (outcome.ok) setHits(outcome.value);
      else setError(outcome.error);
    });
  }

  function openNote(id: string): void {
    setSelectedSpaceId(null);
    setMyTasksShown(false);
    setFreshId(null);
    setSelectedId(id);
  }

  function selectSpace(id: string): void {
    // The private note's editor closes; the notes list stays as it is.
    setFreshId(null);
    setSelectedId(null);
    setMyTasksShown(false);
    setPlanToOpen(null);
    setFocusSpaceId(null);
    setSelectedSpaceId(id);
  }

  function acceptedInvitation(space: SpaceSummary): void {
    spaces.upsert(space);
    selectSpace(space.id);
    setFocusSpaceId(space.id);
  }

  function declinedInvitation(spaceId: string): void {
    // Main has forgotten the space; take it out now, then ask for the list as main sees it.
    spaces.drop(spaceId);
    spaces.reload();
    setSelectedSpaceId((current) => (current === spaceId ? null : current));
    setSpacesFocus((n) => n + 1);
  }

  function showMyTasks(): void {
    setFreshId(null);
    setSelectedId(null);
    setSelectedSpaceId(null);
    setMyTasksShown(true);
  }

  function openTask(task: MyTask): void {
    selectSpace(task.spaceId);
    planNonce.current += 1;
    setPlanToOpen({ planId: task.planId, nonce: planNonce.current });
  }

  async function newNote(): Promise<void> {
    // Close the open editor first: typing that lands before the new note exists must not go into
    // the previous note.
    setFreshId(null);
    setSelectedId(null);
    setSelectedSpaceId(null);
    setMyTasksShown(false);
    const outcome = await call('notes.create', {});
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    const summary = summaryOf(outcome.value);
    search('');
    setView('notes');
    setTag(null);
    setNotes((list) => [summary, ...list.filter((n) => n.id !== summary.id)]);
    setFreshId(summary.id);
    setSelectedId(summary.id);
  }

  async function act(outcomePromise: Promise<CallOutcome<unknown>>): Promise<boolean> {
    const outcome = await outcomePromise;
    if (!outcome.ok) {
      setError(outcome.error);
      return false;
    }
    setError(null);
    return true;
  }

  async function trashNote(id: string): Promise<void> {
    if (!(await act(call('notes.trash', { id })))) return;
    setSelectedId((current) => (current === id ? null : current));
    setNotes((list) => list.filter((n) => n.id !== id));
    setHits((list) => list && list.filter((h) => h.id !== id));
    refreshTags();
  }

  async function restoreNote(id: string): Promise<void> {
    if (!(await act(call('notes.restore', { id })))) return;
    setNotes((list) => list.filter((n) => n.id !== id));
    refreshTags();
  }

  async function purgeNote(id: string): Promise<void> {
    if (!(await act(call('notes.purge', { id })))) return;
    setNotes((list) => list.filter((n) => n.id !== id));
    savers.forget(id);
  }

  async function emptyTrash(): Promise<void> {
    if (!(await act(call('notes.emptyTrash', {})))) return;
    reloadList('trash', null);
  }

  async function flushEverything(): Promise<boolean> {
    const [notesSaved, docsSaved] = await Promise.all([savers.flushAll(), sharedDocs.flushAll()]);
    return notesSaved && docsSaved;
  }

  async function lock(force: boolean): Promise<void> {
    if (locking) return;
    setLocking(true);
    setUnsavedPrompt(false);
    if (!force && !(await flushEverything())) {
      setLocking(false);
      setUnsavedPrompt(true);
      return;
    }
    const outcome = await call('vault.lock', {});
    if (outcome.ok) {
      onLocked();
    } else {
      setLocking(false);
      setError(outcome.error);
    }
  }

  useShortcuts({
    l: () => void lock(false),
    n: () => void newNote(),
    k: () => searchRef.current?.focus(),
    f: () => searchRef.current?.focus(),
  });

  function changeView(next: View): void {
    setView(next);
    setSelectedId(null);
    search('');
  }

  const list =
    hits !== null ? (
      <SearchResults hits={hits} selectedId={selectedId} onSelect={openNote} />
    ) : view === 'trash' ? (
      <TrashList
        notes={notes}
        onRestore={(id) => void restoreNote(id)}
        onPurge={(id) => void purgeNote(id)}
        onEmpty={() => void emptyTrash()}
      />
    ) : (
      <NoteList
        notes={notes}
        selectedId={selectedId}
        emptyText={tag ? t('sidebar.noNotesWithTag') : t('sidebar.noNotes')}
        onSelect={openNote}
      />
    );

  return (
    <DocReplicasContext.Provider value={replicas}>
      <TasksSessionContext.Provider value={tasksSession}>
        <div className="workspace">
          <Header
            locking={locking}
            onLock={() => void lock(false)}
            onSettings={() => setSettingsOpen(true)}
          />
          <div role="alert" className="workspace-error">
            {error && (
              <p className="error">
                {errorMessage(t, error)}{' '}
                <button type="button" className="link" onClick={() => setError(null)}>
                  {t('common.close')}
                </button>
              </p>
            )}
          </div>
          <div className="workspace-body">
            <Sidebar
              view={view}
              onView={changeView}
              query={query}
              onQuery={search}
              searchRef={searchRef}
              tags={tags}
              tag={tag}
              onTag={setTag}
              onNewNote={() => void newNote()}
              myTasks={
                <MyTasksEntry
                  tasks={myTasks.tasks}
                  selected={myTasksShown && !openSpace}
                  onOpen={showMyTasks}
                />
              }
              spaces={
                <SpacesSection
                  spaces={spaces.spaces}
                  error={spaces.error}
                  selectedId={openSpace?.id ?? null}
                  onSelect={selectSpace}
                  onAdded={(space) => {
                    spaces.upsert(space);
                    selectSpace(space.id);
                  }}
                  onAccepted={acceptedInvitation}
                  onDeclined={declinedInvitation}
                  onRetry={spaces.reload}
                  focusRequest={spacesFocus}
                />
              }
            >
              {list}
            </Sidebar>
            <main className="editor-pane" id={MAIN_CONTENT_ID} tabIndex={-1}>
              {openSpace ? (
                <SpaceView
                  key={openSpace.id}
                  space={openSpace}
                  docs={sharedDocs}
                  onChanged={spaces.reload}
                  onOpenSettings={() => setSettingsOpen(true)}
                  planToOpen={planToOpen}
                  onAccepted={acceptedInvitation}
                  onDeclined={declinedInvitation}
                  focusName={focusSpaceId === openSpace.id}
                />
              ) : myTasksShown ? (
                <MyTasksView state={myTasks} onOpen={openTask} />
              ) : selectedId ? (
                <NoteEditor
                  key={selectedId}
                  saver={savers.get(selectedId)}
                  focusTitle={selectedId === freshId}
                  onTrash={() => void trashNote(selectedId)}
                />
              ) : (
                <p className="editor-empty">{t('editor.placeholder')}</p>
              )}
            </main>
          </div>
          {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
          {unsavedPrompt && (
            <ConfirmDialog
              title={t('header.unsavedTitle')}
              text={t('header.unsavedText')}
              confirmLabel={t('header.lockAnyway')}
              cancelLabel={t('header.keepUnlocked')}
              onCancel={() => setUnsavedPrompt(false)}
              onConfirm={() => void lock(true)}
            />
          )}
        </div>
      </TasksSessionContext.Provider>
    </DocReplicasContext.Provider>
  );
}
