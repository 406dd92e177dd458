// What the open plan editor offers the panels beside it (tasks, comments): the place the user's
// cursor is at, as a Yjs relative position in the plan's body, and a way to bring a place into view.
import { createContext, useContext } from 'react';

export interface PlanEditorHandle {
  /** The cursor (selection head) as a base64 Yjs relative position in the plan body; null if none. */
  currentAnchor(): string | null;
  /** The selected text, for a comment's quote; '' when nothing is selected. */
  selectedText(): string;
  /** Scrolls to and selects the place an anchor points at; false if it no longer exists. */
  revealAnchor(anchor: string): boolean;
}

export const PlanEditorContext = createContext<PlanEditorHandle | null>(null);

export function usePlanEditor(): PlanEditorHandle | null {
  return useContext(PlanEditorContext);
}
