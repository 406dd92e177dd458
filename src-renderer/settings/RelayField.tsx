// The relay address and the connection to it (ProxyFields), with the check's status and findings;
// the save flow behind it is use-relay-save-flow.ts.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import type { CloseGuards } from './close-guards';
import {
  draftFromSetting,
  parseProxyDraft,
  type ProxyDraft,
  type ProxySetting,
} from './proxy-form';
import { ProxyFields } from './ProxyFields';
import { RelayPinSection } from './RelayPinSection';
import { RelayProblemPanel } from './RelayProblemPanel';
import { relayStatusText } from './relay-status-text';
import { isValidRelayUrl, useRelaySaveFlow } from './use-relay-save-flow';

/**
 * The relay address and the connection to it: a changed address or connection is checked when the
 * person leaves the field, presses Enter, picks another connection or closes Settings, and both are
 * stored if a relay answers through that connection; otherwise the field says what happened and
 * offers to check again or to save anyway.
 */
export function RelayField({
  initial,
  initialProxy,
  closeGuards,
}: {
  initial: string | null;
  initialProxy: ProxySetting | null;
  closeGuards: CloseGuards;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProxyDraft | null>(null);
  const { flow, state, problemRef } = useRelaySaveFlow(initial, initialProxy, closeGuards);
  const shown = text ?? initial;
  const shownDraft = draft ?? (initialProxy ? draftFromSetting(initialProxy) : null);

  function changeProxy(next: ProxyDraft): void {
    setDraft(next);
    const parsed = parseProxyDraft(next);
    flow.setProxy(parsed.ok ? parsed.proxy : null);
  }

  // Invalid because of a proxy host or port: those fields say what is wrong, next to them.
  const urlValid = shown === null || isValidRelayUrl(shown);
  const words = relayStatusText(t, state, urlValid ? '' : t('settings.relayInvalid'));
  const busy = state.kind === 'checking' || state.kind === 'saving';

  return (
    <div className="setting-field" aria-busy={busy}>
      <label htmlFor={id}>{t('settings.relay')}</label>
      <input
        id={id}
        type="text"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        data-testid="relay-url"
        data-state={state.kind}
        placeholder="wss://"
        maxLength={500}
        disabled={shown === null}
        aria-invalid={!urlValid || state.kind === 'problem' ? true : undefined}
        aria-describedby={`${id}-hint ${id}-status ${id}-problem`}
        value={shown ?? ''}
        onChange={(event) => {
          setText(event.target.value);
          flow.type(event.target.value);
        }}
        onBlur={() => flow.commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') flow.commit();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t('settings.relayHint')} {t('settings.relayCheckHint')}
      </p>
      <ProxyFields draft={shownDraft} onChange={changeProxy} onCommit={() => flow.commit()} />
      <p
        id={`${id}-status`}
        className="hint relay-status"
        role="status"
        aria-live="polite"
        data-testid="relay-status"
      >
        {words.status}
      </p>
      {busy && <progress className="busy-bar" aria-label={words.status} data-testid="relay-busy" />}
      <div
        id={`${id}-problem`}
        ref={problemRef}
        tabIndex={-1}
        role="alert"
        className="relay-problem-slot"
      >
        {words.problem && (
          <RelayProblemPanel
            problem={words.problem}
            state={state}
            onRetry={() => flow.retry()}
            onSaveAnyway={() => flow.saveAnyway()}
          />
        )}
      </div>
      {state.kind === 'failed' && (
        <div className="error-with-action">
          <ErrorAlert error={state.error} />
          <button type="button" onClick={() => flow.retry()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <RelayPinSection />
    </div>
  );
}
