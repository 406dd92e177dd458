// Copies a text shown in a read-only field. Where the clipboard is refused (the browser host, a
// denied permission) the field's text is selected instead, and the status says to press the shortcut.
import { useCallback, useState, type RefObject } from 'react';

export type CopyState = 'idle' | 'copied' | 'manual';

export function useCopyText(field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = useCallback(
    async (text: string): Promise<void> => {
      try {
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(text);
        setState('copied');
      } catch {
        field.current?.focus();
        field.current?.select();
        setState('manual');
      }
    },
    [field],
  );
  return { state, copy };
}
