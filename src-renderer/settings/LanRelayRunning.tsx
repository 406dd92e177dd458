// What the hosted relay shows while it runs: the address other devices enter (copyable), its
// fingerprint as text and, with the address, as a QR code; what that protects and what it does not.
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanRelayStatus } from '../../src-shared/api';
import { CopyStatus } from '../components/CopyStatus';
import { QrCode } from '../components/QrCode';
import { useCopyText } from '../hooks/use-copy-text';
import { lanRelayQrText } from './lan-relay-form';

interface LanRelayRunningProps {
  status: Extract<LanRelayStatus, { running: true }>;
  urlRef: RefObject<HTMLInputElement | null>;
  stopping: boolean;
  onStop: () => void;
}

export function LanRelayRunning({ status, urlRef, stopping, onStop }: LanRelayRunningProps) {
  const { t } = useTranslation();
  const id = useId();
  const copier = useCopyText(urlRef);

  return (
    <div className="lan-relay-running" data-testid="lan-relay-running">
      <div className="setting-field">
        <label htmlFor={`${id}-url`}>{t('lanRelay.url')}</label>
        <div className="device-code-row">
          <input
            id={`${id}-url`}
            ref={urlRef}
            className="device-code"
            data-testid="lan-relay-url"
            readOnly
            spellCheck={false}
            translate="no"
            aria-describedby={`${id}-use ${id}-copy`}
            value={status.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={() => void copier.copy(status.url)}>
            {t('common.copy')}
          </button>
        </div>
        <CopyStatus id={`${id}-copy`} state={copier.state} />
        <p id={`${id}-use`} className="hint">
          {t('lanRelay.useIt')}
        </p>
      </div>
      <dl className="lan-relay-facts">
        <dt>{t('lanRelay.fingerprint')}</dt>
        <dd>
          <code lang="en" translate="no" data-testid="lan-relay-fingerprint">
            {status.fingerprint}
          </code>
        </dd>
      </dl>
      <p className="hint">{t('lanRelay.fingerprintHint')}</p>
      <QrCode
        text={lanRelayQrText(status.url, status.relayKey)}
        label={t('lanRelay.qr')}
        testId="lan-relay-qr"
      />
      <p className="hint">{t('lanRelay.qrHint')}</p>
      <p className="hint">{t('lanRelay.observer')}</p>
      <p className="hint">{t('lanRelay.lifetime')}</p>
      <div className="actions">
        <button
          type="button"
          data-testid="lan-relay-stop"
          aria-disabled={stopping ? true : undefined}
          onClick={onStop}
        >
          {stopping ? t('lanRelay.stopping') : t('lanRelay.stop')}
        </button>
      </div>
    </div>
  );
}
