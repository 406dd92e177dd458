// A text field written to the shared document as it is typed (a plan's title, a task's): while it
// has focus it shows what the user is typing, so a rename by another member arriving meanwhile
// (titles are last-writer-wins) does not replace the words under the cursor.
import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Spread onto the <input>. */
export interface FocusedDraftField {
  value: string;
  onFocus: () => void;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

interface FocusedDraftOptions {
  /** Each keystroke's text; the caller decides what of it reaches the document. */
  write: (typed: string) => void;
  /** Escape after typing: the value the field had when it was entered. */
  restore: (before: string) => void;
}

/**
 * Leaving the field or pressing Enter ends the draft, and the field shows the value as it now is
 * (another member's rename included). Escape before anything was typed is left to the page.
 */
export function useFocusedDraft(
  current: string,
  { write, restore }: FocusedDraftOptions,
): FocusedDraftField {
  const [draft, setDraft] = useState<string | null>(null);
  const before = useRef(current);
  return {
    value: draft ?? current,
    onFocus: () => {
      before.current = current;
    },
    onChange: (event) => {
      const typed = event.currentTarget.value;
      setDraft(typed);
      write(typed);
    },
    onBlur: () => setDraft(null),
    onKeyDown: (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        setDraft(null);
      } else if (event.key === 'Escape' && draft !== null) {
        event.preventDefault();
        restore(before.current);
        setDraft(null);
      }
    },
  };
}
