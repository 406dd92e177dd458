// The unlocked app. It owns every note text and shared document on screen; when it unmounts (lock),
// all of it goes with it. Locking first waits until every change has reached main, and asks before
// losing what only the screen holds. A layout over small hooks: what is open (use-navigation), the
// notes list (use-notes-list), search (use-note-search) and locking (use-lock-flow).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';
import { BriefingNotifier } from '../briefings/BriefingNotifier';
import { BriefingsEntry } from '../briefings/BriefingsEntry';
import { BriefingsScreen } from '../briefings/BriefingsScreen';
import { CalendarEntry } from '../calendar/CalendarEntry';
import { CalendarReminders } from '../calendar/CalendarReminders';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { CrashBoundary } from '../components/CrashBoundary';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import { NoteEditor } from '../editor/NoteEditor';
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
import { lockConcerns } from './lock-concerns';
import { LockHolds, LockHoldsContext } from './lock-holds';
import { LockPrompt } from './LockPrompt';
import { useLockFlow } from './use-lock-flow';
import { briefingBeingSent, briefingDraftWaiting } from '../briefings/briefing-drafts';
import { useNavigation } from './use-navigation';
import { useNoteSearch } from './use-note-search';
import { summaryOf, useNotesList } from './use-notes-list';

export function Workspace({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

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
  const nav = useNavigation(spaces);
  const { view, tag, selectedId, openSpace } = nav;
  const list = useNotesList(view, tag, setError);
  const { savers, reloadList } = list;
  const { query, hits, search, dropHit } = useNoteSearch(setError);
  const [lockHolds] = useState(() => new LockHolds());
  const lockFlow = useLockFlow({
    async concernsBeforeLock() {
      const [notesSaved, docsSaved] = await Promise.all([savers.flushAll(), sharedDocs.flushAll()]);
      return lockConcerns({
        unsaved: !notesSaved || !docsSaved,
        sending: briefingBeingSent(),
        briefingDraft: briefingDraftWaiting(),
        eventDraft: lockHolds.holding('eventDraft'),
        planDraft: tasksSession.holdsUnpostedText(),
      });
    },
    onLocked,
    setError,
  });

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

  async function newNote(): Promise<void> {
    // Close the open editor first: typing that lands before the new note exists must not go into
    // the previous note.
    nav.closeAll();
    const outcome = await call('notes.create', {});
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    const summary = summaryOf(outcome.value);
    search('');
    list.addNote(summary);
    nav.openFreshNote(summary.id);
  }

  async function trashNote(id: string): Promise<void> {
    if (!(await list.trashNote(id))) return;
    nav.closeNote(id);
    dropHit(id);
  }

  useShortcuts({
    n: () => void newNote(),
    k: () => searchRef.current?.focus(),
    f: () => searchRef.current?.focus(),
  });

  function changeView(next: View): void {
    nav.changeView(next);
    search('');
  }

  const sidebarList =
    hits !== null ? (
      <SearchResults hits={hits} selectedId={selectedId} onSelect={nav.openNote} />
    ) : view === 'trash' ? (
      <TrashList
        notes={list.notes}
        onRestore={(id) => void list.restoreNote(id)}
        onPurge={(id) => void list.purgeNote(id)}
        onEmpty={() => void list.emptyTrash()}
      />
    ) : (
      <NoteList
        notes={list.notes}
        selectedId={selectedId}
        emptyText={tag ? t('sidebar.noNotesWithTag') : t('sidebar.noNotes')}
        onSelect={nav.openNote}
      />
    );

  return (
    <DocReplicasContext.Provider value={replicas}>
      <TasksSessionContext.Provider value={tasksSession}>
        <LockHoldsContext.Provider value={lockHolds}>
          <div className="workspace">
            <Header
              locking={lockFlow.locking}
              onLock={() => void lockFlow.lock(false)}
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
                tags={list.tags}
                tag={tag}
                onTag={nav.setTag}
                onNewNote={() => void newNote()}
                myTasks={
                  <>
                    <MyTasksEntry
                      tasks={myTasks.tasks}
                      selected={nav.myTasksShown && !openSpace}
                      onOpen={nav.showMyTasks}
                    />
                    <CalendarEntry
                      selected={nav.calendarShown && !openSpace}
                      onOpen={nav.showCalendar}
                    />
                    <BriefingsEntry
                      selected={nav.briefingsShown && !openSpace}
                      onOpen={nav.showBriefings}
                    />
                  </>
                }
                spaces={
                  <SpacesSection
                    spaces={spaces.spaces}
                    error={spaces.error}
                    selectedId={openSpace?.id ?? null}
                    onSelect={nav.selectSpace}
                    onAdded={nav.addedSpace}
                    onAccepted={nav.acceptedInvitation}
                    onDeclined={nav.declinedInvitation}
                    onRetry={spaces.reload}
                    focusRequest={nav.spacesFocus}
                  />
                }
              >
                {sidebarList}
              </Sidebar>
              <main className="editor-pane" id={MAIN_CONTENT_ID} tabIndex={-1}>
                <CrashBoundary
                  scope="view"
                  resetKeys={[
                    openSpace?.id,
                    nav.myTasksShown,
                    nav.calendarShown,
                    nav.briefingsShown,
                    selectedId,
                  ]}
                >
                  {openSpace ? (
                    <SpaceView
                      key={openSpace.id}
                      space={openSpace}
                      docs={sharedDocs}
                      onChanged={spaces.reload}
                      onOpenSettings={() => setSettingsOpen(true)}
                      planToOpen={nav.planToOpen}
                      onOpenTask={nav.openTask}
                      allSpaces={spaces.spaces ?? []}
                      onAccepted={nav.acceptedInvitation}
                      onDeclined={nav.declinedInvitation}
                      focusName={nav.focusSpaceId === openSpace.id}
                    />
                  ) : nav.myTasksShown ? (
                    <MyTasksView state={myTasks} onOpen={nav.openTask} />
                  ) : nav.calendarShown ? (
                    <CalendarScreen spaces={spaces.spaces ?? []} onOpenTask={nav.openTask} />
                  ) : nav.briefingsShown ? (
                    <BriefingsScreen spaces={spaces.spaces ?? []} />
                  ) : selectedId ? (
                    <NoteEditor
                      key={selectedId}
                      saver={savers.get(selectedId)}
                      focusTitle={selectedId === nav.freshId}
                      onTrash={() => void trashNote(selectedId)}
                    />
                  ) : (
                    <p className="editor-empty">{t('editor.placeholder')}</p>
                  )}
                </CrashBoundary>
              </main>
            </div>
            <CalendarReminders />
            <BriefingNotifier onOpen={nav.showBriefings} />
            {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
            {lockFlow.prompt && (
              <LockPrompt
                concerns={lockFlow.prompt}
                onKeepUnlocked={lockFlow.keepUnlocked}
                onLockAnyway={() => void lockFlow.lock(true)}
              />
            )}
          </div>
        </LockHoldsContext.Provider>
      </TasksSessionContext.Provider>
    </DocReplicasContext.Provider>
  );
}
