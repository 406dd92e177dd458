// What the workspace shows: the notes or the trash (and a tag), and in the main pane one private
// note, one shared space (with perhaps a plan to bring up), "My tasks", the calendar, the briefings,
// or nothing. Opening one closes the others; where focus goes after an invitation is answered is
// kept here too.
import { useRef, useState } from 'react';
import type { MyTask, SpaceSummary } from '../../src-shared/api';
import type { SpacesView } from '../spaces/use-spaces';
import type { View } from './Sidebar';

export interface PlanToOpen {
  planId: string;
  nonce: number;
}

export interface Navigation {
  view: View;
  tag: string | null;
  setTag: (tag: string | null) => void;
  selectedId: string | null;
  /** The note just made: its editor puts focus in the title. */
  freshId: string | null;
  openSpace: SpaceSummary | null;
  /** Where focus goes after an invitation is answered: the space just accepted, or the list. */
  focusSpaceId: string | null;
  spacesFocus: number;
  myTasksShown: boolean;
  calendarShown: boolean;
  /** The briefings of all spaces. */
  briefingsShown: boolean;
  planToOpen: PlanToOpen | null;
  openNote: (id: string) => void;
  /** Shows a note just made (the notes view, no tag) with focus in its title. */
  openFreshNote: (id: string) => void;
  /** Closes whatever the main pane shows (before a new note is made). */
  closeAll: () => void;
  /** The note's editor closes if it is this note (it went to the trash). */
  closeNote: (id: string) => void;
  selectSpace: (id: string) => void;
  addedSpace: (space: SpaceSummary) => void;
  acceptedInvitation: (space: SpaceSummary) => void;
  declinedInvitation: (spaceId: string) => void;
  showMyTasks: () => void;
  showCalendar: () => void;
  showBriefings: () => void;
  /** Opens the plan a task belongs to (from "My tasks" or the calendar). */
  openTask: (task: Pick<MyTask, 'spaceId' | 'planId'>) => void;
  changeView: (view: View) => void;
}

export function useNavigation(spaces: SpacesView): Navigation {
  const [view, setView] = useState<View>('notes');
  const [tag, setTag] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedSpaceId, setSelectedSpaceId] = useState<string | null>(null);
  const [focusSpaceId, setFocusSpaceId] = useState<string | null>(null);
  const [spacesFocus, setSpacesFocus] = useState(0);
  const [myTasksShown, setMyTasksShown] = useState(false);
  const [calendarShown, setCalendarShown] = useState(false);
  const [briefingsShown, setBriefingsShown] = useState(false);
  const [planToOpen, setPlanToOpen] = useState<PlanToOpen | null>(null);
  // A new nonce each time, so choosing a task of the plan already open still brings that plan up.
  const planNonce = useRef(0);
  const [freshId, setFreshId] = useState<string | null>(null);
  const openSpace = spaces.spaces?.find((space) => space.id === selectedSpaceId) ?? null;

  function selectSpace(id: string): void {
    // The private note's editor closes; the notes list stays as it is.
    setFreshId(null);
    setSelectedId(null);
    setMyTasksShown(false);
    setCalendarShown(false);
    setBriefingsShown(false);
    setPlanToOpen(null);
    setFocusSpaceId(null);
    setSelectedSpaceId(id);
  }

  function acceptedInvitation(space: SpaceSummary): void {
    spaces.upsert(space);
    selectSpace(space.id);
    setFocusSpaceId(space.id);
  }

  function closeAll(): void {
    setFreshId(null);
    setSelectedId(null);
    setSelectedSpaceId(null);
    setMyTasksShown(false);
    setCalendarShown(false);
    setBriefingsShown(false);
  }

  return {
    view,
    tag,
    setTag,
    selectedId,
    freshId,
    openSpace,
    focusSpaceId,
    spacesFocus,
    myTasksShown,
    calendarShown,
    briefingsShown,
    planToOpen,
    openNote(id) {
      setSelectedSpaceId(null);
      setMyTasksShown(false);
      setCalendarShown(false);
      setBriefingsShown(false);
      setFreshId(null);
      setSelectedId(id);
    },
    openFreshNote(id) {
      setView('notes');
      setTag(null);
      setFreshId(id);
      setSelectedId(id);
    },
    closeAll,
    closeNote(id) {
      setSelectedId((current) => (current === id ? null : current));
    },
    selectSpace,
    addedSpace(space) {
      spaces.upsert(space);
      selectSpace(space.id);
    },
    acceptedInvitation,
    declinedInvitation(spaceId) {
      // Main has forgotten the space; take it out now, then ask for the list as main sees it.
      spaces.drop(spaceId);
      spaces.reload();
      setSelectedSpaceId((current) => (current === spaceId ? null : current));
      setSpacesFocus((n) => n + 1);
    },
    showMyTasks() {
      closeAll();
      setMyTasksShown(true);
    },
    showCalendar() {
      closeAll();
      setCalendarShown(true);
    },
    showBriefings() {
      closeAll();
      setBriefingsShown(true);
    },
    openTask(task) {
      selectSpace(task.spaceId);
      planNonce.current += 1;
      setPlanToOpen({ planId: task.planId, nonce: planNonce.current });
    },
    changeView(next) {
      setView(next);
      setSelectedId(null);
    },
  };
}
