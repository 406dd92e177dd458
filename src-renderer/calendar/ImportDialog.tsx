// Importing an .ics file into a space: the file is read here as text and handed to main, which
// checks it (a bad file is refused whole, 'ics-invalid'); in a coalition the events get an
// organisation and a visibility first. Progress comes from 'calendar.importProgress'. Main gives
// every imported event a new id, so a file imported into a space cannot be imported there again.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import type { Visibility } from '../../src-shared/calendar/event-model';
import { call, onEvent } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { FormActions } from '../components/FormActions';
import { useApiAction } from '../hooks/use-api-action';
import { AudienceFields } from './AudienceFields';
import { SpaceSelect } from './SpaceSelect';
import { importErrorText } from './import-error';
import { myOrganisation, useOrganisations } from './use-organisations';
import { fittingVisibility } from './visibility-text';

interface ImportDialogProps {
  /** The space to import into, or null to choose one of `spaces`. */
  spaceId: string | null;
  spaces: SpaceSummary[];
  onClose: () => void;
}

export function ImportDialog({ spaceId: fixedSpace, spaces, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [spaceId, setSpaceId] = useState(fixedSpace ?? spaces[0]?.id ?? null);
  const { orgs } = useOrganisations(spaceId);
  const [file, setFile] = useState<File | null>(null);
  const [audience, setAudience] = useState<{ orgId: string | null; visibility: Visibility } | null>(
    null,
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [importedInto, setImportedInto] = useState<{ file: File; spaceId: string } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const action = useApiAction();
  const orgId = audience ? audience.orgId : (myOrganisation(orgs)?.id ?? null);
  const visibility = audience?.visibility ?? 'coalition';
  // Importing it again would add every event a second time.
  const alreadyImported =
    file !== null && importedInto?.file === file && importedInto.spaceId === spaceId;

  useEffect(() => onEvent('calendar.importProgress', setProgress), []);

  async function start(): Promise<void> {
    if (!file || spaceId === null || alreadyImported) return;
    if (file.size > CALENDAR_LIMITS.icsMaxBytes) {
      setTooLarge(true);
      return;
    }
    setImported(null);
    setProgress(null);
    await action.run(
      async () =>
        call('calendar.importIcs', {
          spaceId,
          // Read within the action, so a file gone since it was chosen is a shown error.
          text: await file.text(),
          orgId,
          visibility: orgId ? visibility : 'coalition',
        }),
      (result) => {
        setImported(result.imported);
        setImportedInto({ file, spaceId });
      },
    );
  }

  const maxMb = Math.round(CALENDAR_LIMITS.icsMaxBytes / 1024 / 1024);
  return (
    <Dialog title={t('calendar.import.title')} onClose={onClose} testId="import-dialog">
      <form
        aria-busy={action.busy}
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        {fixedSpace === null && (
          <>
            <label htmlFor={`${id}-space`}>{t('calendar.import.space')}</label>
            <SpaceSelect
              id={`${id}-space`}
              testId="import-space"
              spaces={spaces}
              value={spaceId ?? ''}
              onChange={(next) => {
                setSpaceId(next);
                setAudience(null);
              }}
            />
          </>
        )}
        <label htmlFor={`${id}-file`}>
          {t('calendar.import.file')} <span lang="en">(.ics)</span>
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".ics,text/calendar"
          data-testid="import-file"
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setTooLarge(false);
            setImported(null);
            action.clearError();
          }}
        />
        <p id={`${id}-hint`} className={tooLarge ? 'error' : 'hint'} data-testid="import-hint">
          {tooLarge
            ? t('calendar.import.tooLarge', { max: maxMb })
            : alreadyImported
              ? t('calendar.import.alreadyImported')
              : t('calendar.import.hint', { max: maxMb })}
        </p>
        {orgs && orgs.length > 0 && (
          <AudienceFields
            orgs={orgs}
            orgId={orgId}
            visibility={visibility}
            onOrg={(next) =>
              setAudience({ orgId: next, visibility: fittingVisibility(visibility, true, next) })
            }
            onVisibility={(next) => setAudience({ orgId, visibility: next })}
          />
        )}
        <div className="busy-slot" role="status" data-testid="import-status">
          {action.busy && progress && progress.total > 0 && (
            <>
              <progress className="busy-bar" max={progress.total} value={progress.done} />
              <span>
                {t('calendar.import.progress', { done: progress.done, total: progress.total })}
              </span>
            </>
          )}
          {action.busy && !(progress && progress.total > 0) && (
            <span>{t('calendar.import.reading')}</span>
          )}
          {imported !== null && (
            <span className="success" data-testid="import-done">
              {t('calendar.import.done', { count: imported })}
            </span>
          )}
        </div>
        {action.error && (
          <p className="error" role="alert" data-testid="import-error">
            {importErrorText(t, action.error)}
          </p>
        )}
        <FormActions
          // The error is shown above, with the event of the file it blames.
          action={{ busy: action.busy, error: null }}
          onCancel={onClose}
          cancelLabel={imported !== null ? t('common.close') : undefined}
          submitLabel={t('calendar.import.submit')}
          ready={file !== null && spaceId !== null && !alreadyImported && !action.busy}
          submitTestId="import-submit"
        />
      </form>
    </Dialog>
  );
}
