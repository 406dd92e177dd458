// Settings → "Host a relay on this computer": choose an address of this computer and a port, start
// or stop the relay main hosts for the local network, and while it runs show what others need.
import { PortInput } from './PortInput';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LanInterface, LanRelayStatus } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  DEFAULT_LAN_PORT,
  groupInterfaces,
  interfaceLabel,
  keptAddress,
  parseLanPort,
} from './lan-relay-form';
import { LanRelayRunning } from './LanRelayRunning';

type Busy = 'starting' | 'stopping' | null;

export function LanRelayPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<LanRelayStatus | null>(null);
  const [interfaces, setInterfaces] = useState<LanInterface[] | null>(null);
  const [address, setAddress] = useState('');
  const [portText, setPortText] = useState(String(DEFAULT_LAN_PORT));
  const [portLeft, setPortLeft] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  // Where focus goes once the view has switched (the button that was pressed is gone by then).
  const focusNext = useRef<'url' | 'start' | null>(null);

  /** This computer's addresses again, after the network changed under the list. */
  async function reloadInterfaces(): Promise<void> {
    const outcome = await call('lanRelay.interfaces', {});
    if (!outcome.ok) return;
    setInterfaces(outcome.value);
    setAddress((chosen) => keptAddress(outcome.value, chosen));
  }

  useEffect(() => {
    let active = true;
    void call('lanRelay.status', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setStatus(outcome.value);
      else setError(outcome.error);
    });
    void call('lanRelay.interfaces', {}).then((outcome) => {
      if (!active) return;
      if (!outcome.ok) return setError(outcome.error);
      setInterfaces(outcome.value);
      setAddress((chosen) => keptAddress(outcome.value, chosen));
    });
    const off = onEvent('lanRelay.changed', setStatus);
    return () => {
      active = false;
      off();
    };
  }, []);

  useEffect(() => {
    if (focusNext.current === 'url') urlRef.current?.focus();
    if (focusNext.current === 'start') startRef.current?.focus();
    focusNext.current = null;
  }, [status]);

  const port = parseLanPort(portText);
  // Shown once the field is left: on the way to 8787, "8" is no port yet.
  const showPortError = port === null && portLeft;

  async function start(event: FormEvent): Promise<void> {
    event.preventDefault();
    setPortLeft(true);
    if (busy || port === null || address === '') return;
    setBusy('starting');
    setError(null);
    const outcome = await call('lanRelay.start', { address, port });
    setBusy(null);
    if (outcome.ok) {
      focusNext.current = 'url';
      setStatus(outcome.value);
      return;
    }
    setError(outcome.error);
    // The network changed under the list (Wi-Fi left): offer what is there now.
    if (outcome.error.code === 'lan-relay-address-unavailable') void reloadInterfaces();
  }

  async function stop(): Promise<void> {
    if (busy) return;
    setBusy('stopping');
    setError(null);
    const outcome = await call('lanRelay.stop', {});
    setBusy(null);
    if (outcome.ok) {
      focusNext.current = 'start';
      setStatus(outcome.value);
    } else setError(outcome.error);
  }

  const groups = groupInterfaces(interfaces ?? []);
  const loading = status === null || interfaces === null;

  return (
    <section
      className="settings-section lan-relay"
      data-testid="lan-relay"
      aria-busy={busy !== null}
    >
      <h3>{t('lanRelay.title')}</h3>
      <p className="hint">{t('lanRelay.intro')}</p>
      <p className="lan-relay-state" role="status" aria-live="polite" data-testid="lan-relay-state">
        {status === null
          ? ''
          : status.running
            ? t('lanRelay.running', { name: status.name })
            : t('lanRelay.stopped')}
      </p>
      {status?.running ? (
        <LanRelayRunning
          status={status}
          urlRef={urlRef}
          stopping={busy === 'stopping'}
          onStop={() => void stop()}
        />
      ) : (
        <form className="lan-relay-form" onSubmit={(event) => void start(event)} noValidate>
          <div className="setting-field">
            <label htmlFor={`${id}-address`}>{t('lanRelay.address')}</label>
            <select
              id={`${id}-address`}
              data-testid="lan-relay-address"
              disabled={loading || (interfaces?.length ?? 0) === 0}
              aria-describedby={`${id}-address-hint`}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            >
              {groups.reachable.length > 0 && (
                <optgroup label={t('lanRelay.reachable')}>
                  {groups.reachable.map((i) => (
                    <option key={i.address} value={i.address} lang="en" translate="no">
                      {interfaceLabel(i)}
                    </option>
                  ))}
                </optgroup>
              )}
              {groups.local.length > 0 && (
                <optgroup label={t('lanRelay.thisComputerOnly')}>
                  {groups.local.map((i) => (
                    <option key={i.address} value={i.address} lang="en" translate="no">
                      {interfaceLabel(i)}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <p id={`${id}-address-hint`} className="hint">
              {interfaces?.length === 0 ? t('lanRelay.noInterfaces') : t('lanRelay.addressHint')}
            </p>
          </div>
          <div className="setting-field lan-relay-port">
            <label htmlFor={`${id}-port`}>{t('lanRelay.port')}</label>
            <PortInput
              id={`${id}-port`}
              testId="lan-relay-port"
              invalid={showPortError}
              aria-describedby={`${id}-port-hint ${id}-port-error`}
              value={portText}
              onChange={(value) => {
                setPortText(value);
                setPortLeft(false);
              }}
              onBlur={() => setPortLeft(true)}
            />
            <p id={`${id}-port-hint`} className="hint">
              {t('lanRelay.portHint')}
            </p>
            <p
              id={`${id}-port-error`}
              className="error"
              role="status"
              aria-live="polite"
              data-testid="lan-relay-port-error"
            >
              {showPortError ? t('lanRelay.portInvalid') : ''}
            </p>
          </div>
          <p className="hint">{t('lanRelay.lifetime')}</p>
          <p className="hint">{t('lanRelay.observer')}</p>
          <div className="actions">
            <button
              ref={startRef}
              type="submit"
              data-testid="lan-relay-start"
              disabled={loading || address === ''}
              aria-disabled={busy !== null ? true : undefined}
            >
              {busy === 'starting' ? t('lanRelay.starting') : t('lanRelay.start')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
