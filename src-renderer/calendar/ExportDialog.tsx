// Exporting to .ics: the calendar of a space (or of all spaces), or one event, with the times
// exact, to the hour or to the day. The file names nobody and carries no ids; saved through the
// app's download, like plan exports.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlurChoice } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { downloadFile } from '../plans/download-file';

const BLURS: BlurChoice[] = ['none', 'hour', 'day'];

interface ExportDialogProps {
  spaceId: string | null;
  /** One event only; else the whole calendar of the space (or of every space). */
  eventId?: string;
  onClose: () => void;
}

export function ExportDialog({ spaceId, eventId, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [blur, setBlur] = useState<BlurChoice>('none');
  const [saved, setSaved] = useState<string | null>(null);
  const action = useApiAction();

  function start(): void {
    const args = {
      blur,
      ...(spaceId !== null ? { spaceId } : {}),
      ...(eventId !== undefined ? { eventId } : {}),
    };
    void action.run(
      () => call('calendar.exportIcs', args),
      ({ ics, fileName }) => {
        downloadFile(fileName, ics, 'text/calendar');
        setSaved(fileName);
      },
    );
  }

  return (
    <Dialog
      title={
        eventId
          ? t('calendar.export.titleOne')
          : spaceId
            ? t('calendar.export.titleSpace')
            : t('calendar.export.titleAll')
      }
      onClose={onClose}
      testId="export-dialog"
    >
      <form
        aria-busy={action.busy}
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <fieldset className="cal-fieldset">
          <legend>{t('calendar.export.blurLegend')}</legend>
          {BLURS.map((choice) => (
            <div key={choice} className="checkbox-row">
              <input
                id={`${id}-${choice}`}
                type="radio"
                name={`${id}-blur`}
                data-testid={`export-blur-${choice}`}
                checked={blur === choice}
                aria-describedby={`${id}-${choice}-text`}
                onChange={() => setBlur(choice)}
              />
              <span>
                <label htmlFor={`${id}-${choice}`}>{t(`calendar.export.blur.${choice}`)}</label>
                <span id={`${id}-${choice}-text`} className="hint cal-visibility-text">
                  {t(`calendar.export.blurText.${choice}`)}
                </span>
              </span>
            </div>
          ))}
        </fieldset>
        <p className="notice">{t('calendar.export.privacy')}</p>
        <p role="status" className="success" data-testid="export-done">
          {saved !== null ? t('calendar.export.saved', { file: saved }) : ''}
        </p>
        <ErrorAlert error={action.error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {saved !== null ? t('common.close') : t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="export-submit"
            disabled={action.busy}
          >
            {t('calendar.export.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
