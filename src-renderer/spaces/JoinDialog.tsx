// "Join with invite": paste the link, or read it from a picture of its QR code (a screenshot or a
// photo), then join. Main checks the link; its refusal is shown as what to do next.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { CodeTextArea } from '../components/CodeTextArea';
import { Dialog } from '../components/Dialog';
import { FormActions } from '../components/FormActions';
import { useApiAction } from '../hooks/use-api-action';
import { readQrImage, type QrImageResult } from './read-qr-image';

type QrState = { kind: 'idle' } | { kind: 'reading' } | QrImageResult;

interface JoinDialogProps {
  onClose: () => void;
  onJoined: (space: SpaceSummary) => void;
}

export function JoinDialog({ onClose, onJoined }: JoinDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [link, setLink] = useState('');
  const [qr, setQr] = useState<QrState>({ kind: 'idle' });
  const action = useApiAction();
  const ready = link.trim().length > 0 && !action.busy && qr.kind !== 'reading';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    await action.run(() => call('spaces.join', { link: link.trim() }), onJoined);
  }

  async function readFile(file: File | undefined): Promise<void> {
    if (!file) return;
    setQr({ kind: 'reading' });
    action.clearError();
    const result = await readQrImage(file);
    setQr(result);
    if (result.kind === 'found') setLink(result.text);
  }

  return (
    <Dialog title={t('join.title')} onClose={onClose} testId="join-dialog">
      <form ref={formRef} onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
        <label htmlFor={`${id}-link`}>{t('join.link')}</label>
        <CodeTextArea
          id={`${id}-link`}
          data-testid="join-link"
          autoFocus
          maxLength={LIMITS.inviteLinkMaxChars}
          readOnly={action.busy}
          aria-describedby={`${id}-link-hint`}
          aria-invalid={action.error?.code === 'invite-invalid' ? true : undefined}
          value={link}
          onChange={(event) => setLink(event.target.value)}
          onKeyDown={(event) => {
            // A link is one line: Enter joins, as in any other form.
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              formRef.current?.requestSubmit();
            }
          }}
        />
        <p id={`${id}-link-hint`} className="hint">
          {t('join.linkHint')}
        </p>
        <label htmlFor={`${id}-qr`}>{t('join.qr')}</label>
        <input
          id={`${id}-qr`}
          type="file"
          accept="image/*"
          data-testid="join-qr-file"
          disabled={action.busy}
          aria-describedby={`${id}-qr-hint ${id}-qr-status`}
          onChange={(event) => {
            void readFile(event.target.files?.[0]);
            // Choosing the same picture again (after a fix elsewhere) must fire again.
            event.target.value = '';
          }}
        />
        <p id={`${id}-qr-hint`} className="hint">
          {t('join.qrHint')}
        </p>
        <QrReadStatus id={`${id}-qr-status`} state={qr} />
        <FormActions
          action={action}
          onCancel={onClose}
          submitLabel={t('join.submit')}
          busyLabel={t('join.joining')}
          ready={ready}
          submitTestId="join-submit"
        />
      </form>
    </Dialog>
  );
}

function QrReadStatus({ id, state }: { id: string; state: QrState }) {
  const { t } = useTranslation();
  // Always in the page, empty while idle, so that screen readers announce what it comes to say.
  const problem = state.kind === 'no-code' || state.kind === 'not-an-image';
  return (
    <p
      id={id}
      className={problem ? 'error' : 'hint'}
      role="status"
      aria-live="polite"
      data-testid="join-qr-status"
      data-state={state.kind}
    >
      {state.kind === 'reading'
        ? t('join.qrReading')
        : state.kind === 'found'
          ? t('join.qrFound')
          : state.kind === 'no-code'
            ? t('join.qrNone')
            : state.kind === 'not-an-image'
              ? t('join.qrNotImage')
              : ''}
    </p>
  );
}
