// Exporting to .ics: the calendar of a space (or of all spaces), or one event, with the times
// exact, to the hour or to the day. The file names nobody and carries no ids; saved through the
// app's download, like plan exports.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlurChoice } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { FormActions } from '../components/FormActions';
import { useApiAction } from '../hooks/use-api-action';
import { saveBlob } from '../lib/save-blob';
import { RadioRow } from './RadioRow';

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
        saveBlob(fileName, new Blob([ics], { type: 'text/calendar' }));
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
            <RadioRow
              key={choice}
              id={`${id}-${choice}`}
              name={`${id}-blur`}
              testId={`export-blur-${choice}`}
              checked={blur === choice}
              onChange={() => setBlur(choice)}
              label={t(`calendar.export.blur.${choice}`)}
              hint={t(`calendar.export.blurText.${choice}`)}
            />
          ))}
        </fieldset>
        <p className="notice">{t('calendar.export.privacy')}</p>
        <p role="status" className="success" data-testid="export-done">
          {saved !== null ? t('calendar.export.saved', { file: saved }) : ''}
        </p>
        <FormActions
          action={action}
          onCancel={onClose}
          cancelLabel={saved !== null ? t('common.close') : undefined}
          submitLabel={t('calendar.export.submit')}
          ready={!action.busy}
          submitTestId="export-submit"
        />
      </form>
    </Dialog>
  );
}
