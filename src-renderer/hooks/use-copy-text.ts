// Copies a text shown in a read-only field, as a sensitive copy (lib/sensitive-clipboard.ts: gone from
// the clipboard a minute later). Where the clipboard is refused the field's text is selected instead,
// and the status says to press the shortcut.
import { useCallback, useState, type RefObject } from 'react';
import { copySensitive } from '../lib/sensitive-clipboard';

export type CopyState = 'idle' | 'copied' | 'manual';

export function useCopyText(field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = useCallback(
    async (text: string): Promise<void> => {
      if (await copySensitive(text)) {
        setState('copied');
      } else {
        field.current?.focus();
        field.current?.select();
        setState('manual');
      }
    },
    [field],
  );
  return { state, copy };
}
