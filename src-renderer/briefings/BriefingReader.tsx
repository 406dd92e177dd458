// A briefing opened: title, sender with the verified mark, when it was sent and when it expires,
// the body read-only, its attachments; "Acknowledge" for a recipient asked for receipts; for its
// author who read it, "Delete for everyone" and, with leak tracing, "Check a leaked text".
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BriefingView } from '../../src-shared/api/briefings-schemas';
import { call } from '../bridge/call';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { formatFullDate } from '../lib/format-date';
import { spaceName } from '../spaces/space-name';
import { AttachmentItem } from './AttachmentItem';
import { BriefingBody } from './BriefingBody';
import { ExpiryLabel } from './ExpiryLabel';
import { LeakCheck } from './LeakCheck';
import { ReadByPanel } from './ReadByPanel';
import { SenderName } from './SenderName';
import { DownloadQueue } from './use-attachment';
import { useBriefing } from './use-briefing';

interface BriefingReaderProps {
  id: string;
  showSpace: boolean;
  fingerprintOf: (spaceId: string, device: string) => string | null;
  /** It was deleted for everyone from here. */
  onRecalled: () => void;
}

/** Whom a briefing to chosen members went to: their names, and how many devices had none. */
function audienceLine(
  t: TFunction,
  audience: readonly { name: string | null; isMe: boolean }[],
  language: string,
): string {
  const names = audience.flatMap((member) => {
    if (member.isMe) return [t('briefings.read.you')];
    return member.name ? [member.name] : [];
  });
  const unnamed = audience.length - names.length;
  if (names.length === 0) return t('briefings.read.toChosen', { count: audience.length });
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  return unnamed === 0
    ? t('briefings.read.toNames', { names: list })
    : t('briefings.read.toNamesAndOthers', { names: list, count: unnamed });
}

export function BriefingReader(props: BriefingReaderProps) {
  const { t } = useTranslation();
  const { state, reload } = useBriefing(props.id);
  if (state.kind === 'loading') return <p className="hint">{t('common.loading')}</p>;
  if (state.kind === 'gone') {
    return (
      <p className="notice" role="status" data-testid="briefing-gone">
        {t('briefings.read.gone')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="error-with-action" data-testid="briefing-load-failed">
        <p>{t('briefings.read.loadFailed')}</p>
        <ErrorAlert error={state.error} />
        <button type="button" onClick={reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <ShownBriefing {...props} view={state.view} reload={reload} />;
}

function ShownBriefing(props: BriefingReaderProps & { view: BriefingView; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const { view } = props;
  const [queue] = useState(() => new DownloadQueue());
  const ack = useApiAction();
  return (
    <article className="briefing-read" data-testid="briefing-read" aria-labelledby={headingId}>
      <header className="briefing-read-head">
        <h3 id={headingId} data-testid="briefing-read-title">
          {view.title}
        </h3>
        <p className="briefing-read-meta">
          <SenderName
            name={view.authorName}
            device={view.authorDevice}
            verified={view.authorVerified}
            fingerprint={props.fingerprintOf(view.spaceId, view.authorDevice)}
            mine={view.mine}
          />
          {props.showSpace && (
            <span>{t('briefings.inSpace', { space: spaceName(t, view.spaceName) })}</span>
          )}
          <time dateTime={new Date(view.createdAt).toISOString()}>
            {t('briefings.read.sentAt', { when: formatFullDate(view.createdAt, language) })}
          </time>
          <ExpiryLabel expiresAt={view.expiresAt} />
        </p>
        <p className="hint" data-testid="briefing-audience-line">
          {view.wholeSpace ? t('briefings.read.toSpace') : audienceLine(t, view.audience, language)}
          {view.mine && view.canary && <> {t('briefings.read.canaryOn')}</>}
        </p>
      </header>
      <BriefingBody body={view.body} label={t('briefings.read.bodyLabel', { title: view.title })} />
      {view.attachmentList.length > 0 && (
        <section className="briefing-panel" aria-label={t('briefings.read.attachments')}>
          <h4>{t('briefings.read.attachments')}</h4>
          <ul className="briefing-attachments">
            {view.attachmentList.map((attachment) => (
              <AttachmentItem
                key={attachment.index}
                briefingId={view.id}
                attachment={attachment}
                queue={queue}
              />
            ))}
          </ul>
        </section>
      )}
      {!view.mine && view.receiptsOn && (
        <div className="briefing-ack">
          {view.acknowledged ? (
            <p className="success" data-testid="briefing-acknowledged">
              {t('briefings.read.youAcknowledged')}
            </p>
          ) : (
            <>
              <p className="hint">{t('briefings.read.receiptsAsked')}</p>
              <button
                type="button"
                className="primary"
                data-testid="briefing-acknowledge"
                disabled={ack.busy}
                onClick={() =>
                  void ack.run(() => call('briefings.acknowledge', { id: view.id }), props.reload)
                }
              >
                {t('briefings.read.acknowledge')}
              </button>
            </>
          )}
          <ErrorAlert error={ack.error} />
        </div>
      )}
      {view.mine && (
        <ReadByPanel
          view={view}
          fingerprintOf={(device) => props.fingerprintOf(view.spaceId, device)}
        />
      )}
      {view.mine && view.canary && (
        <LeakCheck
          briefingId={view.id}
          fingerprintOf={(device) => props.fingerprintOf(view.spaceId, device)}
        />
      )}
      {view.mine && <RecallButton id={view.id} onRecalled={props.onRecalled} />}
    </article>
  );
}

function RecallButton({ id, onRecalled }: { id: string; onRecalled: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const recall = useApiAction();
  return (
    <div className="actions briefing-recall">
      <button
        type="button"
        className="danger"
        data-testid="briefing-recall"
        onClick={() => setAsking(true)}
      >
        {t('briefings.read.recall')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('briefings.read.recallTitle')}
          text={t('briefings.read.recallText')}
          confirmLabel={t('briefings.read.recall')}
          busy={recall.busy}
          error={recall.error}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            void recall.run(
              () => call('briefings.recall', { id }),
              () => {
                setAsking(false);
                onRecalled();
              },
            )
          }
        />
      )}
    </div>
  );
}
