// The "Connection" choice under the relay address: directly, Tor (the tor service), Tor Browser, or
// another SOCKS5 proxy with its host and port. The choice itself is kept by the relay field, which
// checks the relay through it and saves both together; this only shows the draft and says what is
// wrong with a host or port, next to the field.
import { PortInput } from './PortInput';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hostProblem,
  isProxyChoice,
  portProblem,
  PROXY_CHOICES,
  type ProxyChoice,
  type ProxyDraft,
} from './proxy-form';
import { TECHNICAL_TERMS } from './relay-status-text';
import { TechnicalText } from './TechnicalText';

const CHOICE_LABELS = {
  none: 'settings.proxyNone',
  tor: 'settings.proxyTor',
  'tor-browser': 'settings.proxyTorBrowser',
  socks5: 'settings.proxySocks',
} as const satisfies Record<ProxyChoice, string>;

const HOST_PROBLEMS = {
  empty: 'settings.proxyHostEmpty',
  invalid: 'settings.proxyHostInvalid',
} as const;
const PORT_PROBLEMS = {
  empty: 'settings.proxyPortEmpty',
  invalid: 'settings.proxyPortInvalid',
} as const;

interface ProxyFieldsProps {
  /** null while loading. */
  draft: ProxyDraft | null;
  onChange: (draft: ProxyDraft) => void;
  /** The choice was made (select) or a field was left or confirmed: check and save. */
  onCommit: () => void;
}

export function ProxyFields({ draft, onChange, onCommit }: ProxyFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  // An empty field is only an error once the person has been in it and left.
  const [left, setLeft] = useState({ host: false, port: false });
  const socks = draft?.choice === 'socks5';
  const hostError = draft && socks ? hostProblem(draft.host) : null;
  const portError = draft && socks ? portProblem(draft.port) : null;
  const showHost = hostError === 'invalid' || (hostError === 'empty' && left.host);
  const showPort = portError === 'invalid' || (portError === 'empty' && left.port);

  function leave(field: 'host' | 'port'): void {
    setLeft((before) => ({ ...before, [field]: true }));
    onCommit();
  }

  return (
    <div className="proxy-fields">
      <label htmlFor={`${id}-kind`}>{t('settings.proxy')}</label>
      <select
        id={`${id}-kind`}
        data-testid="proxy-kind"
        disabled={draft === null}
        aria-describedby={`${id}-hint`}
        value={draft?.choice ?? 'none'}
        onChange={(event) => {
          const choice = event.target.value;
          if (draft === null || !isProxyChoice(choice)) return;
          onChange({ ...draft, choice });
          // A SOCKS5 proxy is checked once its host and port are filled in and left.
          if (choice !== 'socks5') onCommit();
        }}
      >
        {PROXY_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(CHOICE_LABELS[choice])}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint" data-testid="proxy-hint">
        <TechnicalText text={t('settings.proxyHint', TECHNICAL_TERMS)} />
      </p>
      {draft && socks && (
        <div className="proxy-socks" data-testid="proxy-socks">
          <p id={`${id}-socks-hint`} className="hint">
            <TechnicalText text={t('settings.proxySocksHint', TECHNICAL_TERMS)} />
          </p>
          <div className="proxy-socks-row">
            <div className="proxy-host">
              <label htmlFor={`${id}-host`}>{t('settings.proxyHost')}</label>
              <input
                id={`${id}-host`}
                type="text"
                inputMode="url"
                spellCheck={false}
                autoComplete="off"
                data-testid="proxy-host"
                maxLength={255}
                placeholder="127.0.0.1"
                aria-invalid={showHost ? true : undefined}
                aria-describedby={`${id}-socks-hint ${id}-host-error`}
                value={draft.host}
                onChange={(event) => onChange({ ...draft, host: event.target.value })}
                onBlur={() => leave('host')}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') leave('host');
                }}
              />
            </div>
            <div className="proxy-port">
              <label htmlFor={`${id}-port`}>{t('settings.proxyPort')}</label>
              <PortInput
                id={`${id}-port`}
                testId="proxy-port"
                placeholder="1080"
                invalid={showPort}
                aria-describedby={`${id}-port-error`}
                value={draft.port}
                onChange={(port) => onChange({ ...draft, port })}
                onBlur={() => leave('port')}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') leave('port');
                }}
              />
            </div>
          </div>
          <p
            id={`${id}-host-error`}
            className="error"
            role="status"
            aria-live="polite"
            data-testid="proxy-host-error"
          >
            {showHost && hostError ? t(HOST_PROBLEMS[hostError]) : ''}
          </p>
          <p
            id={`${id}-port-error`}
            className="error"
            role="status"
            aria-live="polite"
            data-testid="proxy-port-error"
          >
            {showPort && portError ? t(PORT_PROBLEMS[portError]) : ''}
          </p>
        </div>
      )}
    </div>
  );
}
