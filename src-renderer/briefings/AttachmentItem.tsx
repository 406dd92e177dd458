// One attachment in the read view. A picture (not too large) is fetched and shown inline at once,
// with what its sender's app removed from it. Any other file is fetched with "Download" (progress,
// cancel), and reaches the computer only by "Save…" after a warning that it then leaves the app's
// protection; a picture can be saved the same way.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import type { BriefingView } from '../../src-shared/api/briefings-schemas';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { fileSize } from './file-size';
import { RemovedDetails } from './RemovedDetails';
import { openAttachment, saveBlob } from './save-bytes';
import { TransferProgress } from './TransferProgress';
import { useAttachment, type AttachmentTransfer, type DownloadQueue } from './use-attachment';

type Attachment = BriefingView['attachmentList'][number];

interface AttachmentItemProps {
  briefingId: string;
  attachment: Attachment;
  queue: DownloadQueue;
}

export function AttachmentItem({ briefingId, attachment, queue }: AttachmentItemProps) {
  const { t, i18n } = useTranslation();
  const transfer = useAttachment(briefingId, attachment.index, attachment.downloaded, queue);
  const inline = attachment.image && attachment.size <= BRIEFING_LIMITS.inlineImageMaxBytes;
  const [saving, setSaving] = useState(false);
  return (
    <li
      className="briefing-attachment"
      data-testid="briefing-attachment"
      data-name={attachment.name}
    >
      <p className="briefing-attachment-head">
        <span className="briefing-file-name">{attachment.name}</span>{' '}
        <span className="hint">{fileSize(t, attachment.size, i18n.resolvedLanguage ?? 'en')}</span>
      </p>
      {inline && (
        <InlineImage briefingId={briefingId} attachment={attachment} transfer={transfer} />
      )}
      {attachment.image && (
        <RemovedDetails removed={attachment.removed} testId="briefing-attachment-removed" />
      )}
      {attachment.image && !inline && <p className="hint">{t('briefings.read.imageTooLarge')}</p>}
      <TransferControls transfer={transfer} onSave={() => setSaving(true)} auto={inline} />
      {saving && (
        <SaveDialog
          briefingId={briefingId}
          index={attachment.index}
          onClose={() => setSaving(false)}
        />
      )}
    </li>
  );
}

function TransferControls(props: {
  transfer: AttachmentTransfer;
  onSave: () => void;
  auto: boolean;
}) {
  const { t } = useTranslation();
  const { transfer } = props;
  if (transfer.phase === 'queued' || transfer.phase === 'downloading') {
    return (
      <TransferProgress
        label={t('briefings.read.downloading')}
        done={transfer.done}
        total={transfer.total}
        onCancel={transfer.cancel}
        testId="briefing-download-progress"
      />
    );
  }
  if (transfer.phase === 'ready') {
    return (
      <div className="row-actions">
        <button type="button" data-testid="briefing-attachment-save" onClick={props.onSave}>
          {t('briefings.read.save')}
        </button>
      </div>
    );
  }
  return (
    <>
      {transfer.phase === 'cancelled' && (
        <p className="hint">{t('briefings.read.downloadCancelled')}</p>
      )}
      <ErrorAlert error={transfer.error} />
      <div className="row-actions">
        <button
          type="button"
          data-testid="briefing-attachment-download"
          onClick={() => void transfer.download()}
        >
          {props.auto ? t('briefings.read.showImage') : t('briefings.read.download')}
        </button>
      </div>
    </>
  );
}

function InlineImage(props: {
  briefingId: string;
  attachment: Attachment;
  transfer: AttachmentTransfer;
}) {
  const { t } = useTranslation();
  const { briefingId, attachment, transfer } = props;
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { phase, download } = transfer;

  // Pictures come without asking: they are what the briefing shows. A cancelled one waits for a click.
  useEffect(() => {
    if (phase === 'idle') void download();
  }, [phase, download]);

  useEffect(() => {
    if (phase !== 'ready') return;
    let live = true;
    let made: string | null = null;
    void openAttachment(briefingId, attachment.index).then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        made = URL.createObjectURL(outcome.value.blob);
        setUrl(made);
      } else {
        setError(outcome.error);
      }
    });
    return () => {
      live = false;
      // The picture's bytes leave memory with the view.
      if (made !== null) URL.revokeObjectURL(made);
    };
  }, [phase, briefingId, attachment.index]);

  if (error) return <ErrorAlert error={error} />;
  if (url === null) return null;
  return (
    <img
      className="briefing-image"
      data-testid="briefing-image"
      src={url}
      alt={t('briefings.read.imageAlt', { name: attachment.name })}
    />
  );
}

function SaveDialog(props: { briefingId: string; index: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function save(): Promise<void> {
    setBusy(true);
    const outcome = await openAttachment(props.briefingId, props.index);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    saveBlob(outcome.value.name, outcome.value.blob);
    props.onClose();
  }
  return (
    <ConfirmDialog
      title={t('briefings.read.saveTitle')}
      text={t('briefings.read.saveText')}
      confirmLabel={t('briefings.read.saveConfirm')}
      busy={busy}
      error={error}
      testId="briefing-save-dialog"
      onCancel={props.onClose}
      onConfirm={() => void save()}
    >
      <p>{t('briefings.read.saveHarm')}</p>
    </ConfirmDialog>
  );
}
