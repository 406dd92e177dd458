// The save state of the open note, announced politely: "Saving…", "Saved", or what went wrong.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';
import type { NoteSaver } from './note-saver';

export function SaveStatus({ saver }: { saver: NoteSaver }) {
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
