// The save state of the open note or shared document, announced politely: "Saving…", "Saved",
// or what went wrong.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';
import type { NoteSaver } from './note-saver';

/** A note's saver, or anything else that saves the same way (a shared document's update sender). */
type Saver = Pick<NoteSaver, 'subscribe' | 'getSnapshot' | 'retry'>;

export function SaveStatus({ saver }: { saver: Saver }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  return (
    <div className={`save-status ${state.kind}`}>
      <span role="status" aria-live="polite" data-testid="save-state">
        {state.kind === 'saved'
          ? t('editor.saved')
          : state.kind === 'saving'
            ? t('editor.saving')
            : `${t('editor.notSaved')} ${errorMessage(t, state.error)}`}
      </span>
      {state.kind === 'failed' && (
        <button type="button" data-testid="save-retry" onClick={() => saver.retry()}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
