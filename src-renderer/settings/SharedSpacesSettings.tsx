// Shared spaces: the relay address and how to reach it (directly, Tor, a SOCKS5 proxy; checked that a
// relay answers there, through that connection, before both are stored), the name
// others see (stored a moment after typing stops, and at once on leaving the field), and this
// device's code for being added to a space.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings, type ApiError } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { CodeTextArea } from '../components/CodeTextArea';
import { CopyStatus } from '../components/CopyStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCopyText } from '../hooks/use-copy-text';
import type { CloseGuards } from './close-guards';
import { FieldSaveStatus, type FieldSaveState } from './FieldSaveStatus';
import { OrderedSaves } from './ordered-saves';
import {
  draftFromSetting,
  parseProxyDraft,
  type ProxyDraft,
  type ProxySetting,
} from './proxy-form';
import { ProxyFields } from './ProxyFields';
import { RelayPinSection } from './RelayPinSection';
import { RelaySaveFlow, type RelayFlowState } from './relay-save-flow';
import { canRecheck, relayStatusText } from './relay-status-text';
import { TechnicalText } from './TechnicalText';

type Field = 'relayUrl' | 'displayName';
type WrittenField = 'displayName';

/** Typing pauses longer than this store the field (a relay address is not tried per keystroke). */
const SAVE_DELAY_MS = 700;

function isValid(field: Field, value: string): boolean {
  return Settings.shape[field].safeParse(value).success;
}

export function SharedSpacesSettings({ closeGuards }: { closeGuards: CloseGuards }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<(Record<Field, string> & { proxy: ProxySetting }) | null>(
    null,
  );
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let active = true;
    void call('settings.get', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) {
        setLoaded({
          relayUrl: outcome.value.relayUrl,
          displayName: outcome.value.displayName,
          proxy: outcome.value.proxy,
        });
      } else {
        setError(outcome.error);
      }
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <section className="settings-section">
      <h3>{t('settings.sharedSpaces')}</h3>
      <ErrorAlert error={error} />
      <RelayField
        initial={loaded?.relayUrl ?? null}
        initialProxy={loaded?.proxy ?? null}
        closeGuards={closeGuards}
      />
      <SettingField
        field="displayName"
        initial={loaded?.displayName ?? null}
        label={t('settings.displayName')}
        hint={t('settings.displayNameHint')}
        invalidText={t('settings.displayNameInvalid', { max: LIMITS.displayNameMaxChars })}
        testId="display-name"
        maxLength={LIMITS.displayNameMaxChars}
      />
      <DeviceCode />
    </section>
  );
}

interface SettingFieldProps {
  field: WrittenField;
  /** null while loading. */
  initial: string | null;
  label: string;
  hint: string;
  invalidText: string;
  testId: string;
  placeholder?: string;
  maxLength: number;
}

/**
 * Stores one settings field: a valid value goes out a moment after typing stops, or at once on
 * flush (blur, Enter, leaving Settings); one update at a time, in order, never the same value twice.
 */
class SettingWriter {
  private typed: string | null = null;
  private stored: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly saves = new OrderedSaves();

  constructor(
    private readonly field: WrittenField,
    private readonly onResult: (error: ApiError | null) => void,
  ) {}

  /** Returns whether the value is valid; schedules storing it if so. */
  change(value: string, initial: string | null): boolean {
    if (this.stored === null) this.stored = initial;
    this.typed = value;
    this.cancelTimer();
    if (!isValid(this.field, value)) return false;
    if (value !== this.stored) this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    return true;
  }

  isStored(value: string): boolean {
    return value === this.stored;
  }

  flush(): void {
    this.cancelTimer();
    const value = this.typed;
    if (value === null || value === this.stored || !isValid(this.field, value)) return;
    this.stored = value;
    const field = this.field;
    this.saves.run(
      () => call('settings.update', { [field]: value }),
      (outcome) => {
        if (!outcome.ok) this.stored = null;
        this.onResult(outcome.ok ? null : outcome.error);
      },
    );
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function SettingField(props: SettingFieldProps) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<FieldSaveState>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [writer] = useState(
    () =>
      new SettingWriter(props.field, (result) => {
        setStatus(result ? 'idle' : 'saved');
        setError(result);
      }),
  );
  const shown = text ?? props.initial;

  // Leaving Settings (Escape, Close) must not lose what was typed last.
  useEffect(() => () => writer.flush(), [writer]);

  function change(next: string): void {
    setText(next);
    if (!writer.change(next, props.initial)) setStatus('invalid');
    else setStatus(writer.isStored(next) ? 'idle' : 'saving');
  }

  return (
    <div className="setting-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="text"
        spellCheck={false}
        autoComplete="off"
        data-testid={props.testId}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        disabled={shown === null}
        aria-invalid={status === 'invalid' ? true : undefined}
        aria-describedby={`${id}-hint ${id}-status`}
        value={shown ?? ''}
        onChange={(event) => change(event.target.value)}
        onBlur={() => writer.flush()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') writer.flush();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {props.hint}
      </p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={status}
        invalidText={props.invalidText}
        error={error}
      />
    </div>
  );
}

/**
 * The relay address and the connection to it: a changed address or connection is checked when the
 * person leaves the field, presses Enter, picks another connection or closes Settings, and both are
 * stored if a relay answers through that connection; otherwise the field says what happened and
 * offers to check again or to save anyway.
 */
function RelayField({
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
  const problemRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProxyDraft | null>(null);
  const [state, setState] = useState<RelayFlowState>({ kind: 'idle' });
  const [flow] = useState(
    () =>
      new RelaySaveFlow({
        check: (url, proxy) => call('relay.check', { url, proxy }),
        save: (url, proxy) => call('settings.update', { relayUrl: url, proxy }),
        isValid: (value) => isValid('relayUrl', value),
        onChange: setState,
      }),
  );
  const shown = text ?? initial;
  const shownDraft = draft ?? (initialProxy ? draftFromSetting(initialProxy) : null);

  useEffect(() => {
    if (initial !== null && initialProxy !== null) flow.load(initial, initialProxy);
  }, [flow, initial, initialProxy]);

  function changeProxy(next: ProxyDraft): void {
    setDraft(next);
    const parsed = parseProxyDraft(next);
    flow.setProxy(parsed.ok ? parsed.proxy : null);
  }

  useEffect(
    () =>
      closeGuards.add(async () => {
        const allowed = await flow.beforeClose();
        // Settings stays open because of what the check found: take the person to it.
        if (!allowed) problemRef.current?.focus();
        return allowed;
      }),
    [closeGuards, flow],
  );

  // Invalid because of a proxy host or port: those fields say what is wrong, next to them.
  const urlValid = shown === null || isValid('relayUrl', shown);
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
          <div
            className="warning relay-problem"
            data-testid="relay-problem"
            data-problem={state.kind === 'problem' ? state.problem : undefined}
          >
            <p className="status-banner-title">{words.problem.title}</p>
            <p>
              <TechnicalText text={words.problem.text} />
            </p>
            <p>{t('settings.relayKeptOld')}</p>
            {words.problem.detail && <p className="hint">{words.problem.detail}</p>}
            <div className="actions">
              {(state.kind !== 'problem' || canRecheck(state.problem)) && (
                <button type="button" data-testid="relay-retry" onClick={() => flow.retry()}>
                  {t('settings.relayRetry')}
                </button>
              )}
              <button
                type="button"
                data-testid="relay-save-anyway"
                onClick={() => flow.saveAnyway()}
              >
                {t('settings.relaySaveAnyway')}
              </button>
            </div>
          </div>
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

function DeviceCode() {
  const { t } = useTranslation();
  const id = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const copier = useCopyText(fieldRef);

  useEffect(() => {
    let active = true;
    void call('device.code', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setCode(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <div className="setting-field">
      <label htmlFor={id}>{t('settings.deviceCode')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('settings.deviceCodeHint')}
      </p>
      <div className="device-code-row">
        <CodeTextArea
          id={id}
          ref={fieldRef}
          data-testid="device-code"
          readOnly
          aria-describedby={`${id}-hint ${id}-status`}
          placeholder={code === null && !error ? t('common.loading') : undefined}
          value={code ?? ''}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          disabled={code === null}
          onClick={() => {
            if (code !== null) void copier.copy(code);
          }}
        >
          {t('common.copy')}
        </button>
      </div>
      <CopyStatus id={`${id}-status`} state={copier.state} />
      <ErrorAlert error={error} />
    </div>
  );
}
