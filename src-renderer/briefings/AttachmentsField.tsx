// The files of a briefing being written: a file picker, and for each file chosen its progress into
// main (with a cancel button), then "Ready" and, for a picture, what was removed from it before
// sending; a file that failed says why and can be removed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import { errorMessage } from '../i18n/error-message';
import { RemovedDetails } from './RemovedDetails';
import { TransferProgress } from './TransferProgress';
import type { DraftFile, StagedFiles } from './use-briefing-draft';

export function AttachmentsField({ files, disabled }: { files: StagedFiles; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const full = files.files.length >= BRIEFING_LIMITS.attachmentsMax;
  return (
    <fieldset className="briefing-fieldset" data-testid="briefing-attachments">
      <legend>{t('briefings.compose.attachments')}</legend>
      <label htmlFor={`${id}-file`}>{t('briefings.compose.addFiles')}</label>
      <input
        id={`${id}-file`}
        type="file"
        multiple
        data-testid="briefing-file-input"
        disabled={disabled || full}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          files.add([...(event.target.files ?? [])]);
          // Choosing the same file again (after removing it) must fire again.
          event.target.value = '';
        }}
      />
      <p id={`${id}-hint`} className={files.overflow ? 'error' : 'hint'}>
        {files.overflow
          ? t('briefings.compose.tooManyFiles', { count: BRIEFING_LIMITS.attachmentsMax })
          : t('briefings.compose.attachmentsHint', { count: BRIEFING_LIMITS.attachmentsMax })}
      </p>
      {files.files.length > 0 && (
        <ul className="briefing-files">
          {files.files.map((file) => (
            <DraftFileRow key={file.key} file={file} onRemove={() => files.remove(file.key)} />
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function DraftFileRow({ file, onRemove }: { file: DraftFile; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="briefing-file" data-testid="briefing-draft-file" data-state={file.state}>
      <span className="briefing-file-name">{file.name}</span>
      {file.state === 'staging' ? (
        <TransferProgress
          label={t('briefings.compose.staging')}
          done={file.done}
          total={file.size}
          onCancel={onRemove}
          testId="briefing-stage-progress"
        />
      ) : (
        <span className="briefing-file-line">
          {file.state === 'ready' ? (
            <span className="success">{t('briefings.compose.ready')}</span>
          ) : (
            <span className="error" role="alert">
              {file.error ? errorMessage(t, file.error) : t('errors.internal')}
            </span>
          )}
          <button
            type="button"
            data-testid="briefing-draft-file-remove"
            aria-label={t('briefings.compose.removeFile', { name: file.name })}
            onClick={onRemove}
          >
            {t('briefings.compose.remove')}
          </button>
        </span>
      )}
      {file.state === 'ready' &&
        file.image &&
        (file.removed.length > 0 ? (
          <RemovedDetails removed={file.removed} testId="briefing-draft-removed" />
        ) : (
          <p className="hint">{t('briefings.compose.nothingRemoved')}</p>
        ))}
    </li>
  );
}
