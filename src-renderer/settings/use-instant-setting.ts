// A setting stored the moment it changes: read once from settings.get, each change sent in order
// (ordered-saves.ts), with the state FieldSaveStatus shows. What is on screen stays the caller's.
import { useEffect, useRef, useState } from 'react';
import type { ApiError, Settings } from '../../src-shared/api';
import { call } from '../bridge/call';
import type { FieldSaveState } from './FieldSaveStatus';
import { OrderedSaves } from './ordered-saves';

export function useInstantSetting<T>(read: (settings: Settings) => T) {
  /** null until settings.get answered. */
  const [value, setValue] = useState<T | null>(null);
  const [status, setStatus] = useState<FieldSaveState>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [saves] = useState(() => new OrderedSaves());
  // Read once, on mounting: a caller's inline function must not ask again on every render.
  const readOnMount = useRef(read);

  useEffect(() => {
    let active = true;
    void call('settings.get', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setValue(readOnMount.current(outcome.value));
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, []);

  /** Stores `update`; `onFailed` runs when main refuses it (to show the stored value again). */
  function save(update: Partial<Settings>, onFailed?: () => void): void {
    setStatus('saving');
    saves.run(
      () => call('settings.update', update),
      (outcome) => {
        if (outcome.ok) {
          setStatus('saved');
          setError(null);
        } else {
          setStatus('idle');
          setError(outcome.error);
          onFailed?.();
        }
      },
    );
  }

  return { value, setValue, status, setStatus, error, save };
}
