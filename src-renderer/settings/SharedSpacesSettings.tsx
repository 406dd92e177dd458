// Shared spaces: the relay address and the name others see (each stored a moment after typing stops,
// and at once on leaving the field), and this device's code for being added to a space.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings, type ApiError } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { CodeTextArea } from '../components/CodeTextArea';
import { CopyStatus } from '../components/CopyStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCopyText } from '../hooks/use-copy-text';
import { FieldSaveStatus, type FieldSaveState } from './FieldSaveStatus';
import { OrderedSaves } from './ordered-saves';

type Field = 'relayUrl' | 'displayName';

/** Typing pauses longer than this store the field (a relay address is not tried per keystroke). */
const SAVE_DELAY_MS = 700;

function isValid(field: Field, value: string): boolean {
  return Settings.shape[field].safeParse(value).success;
}

export function SharedSpacesSettings() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Record<Field, string> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let active = true;
    void call('settings.get', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) {
        setLoaded({ relayUrl: outcome.value.relayUrl, displayName: outcome.value.displayName });
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
      <SettingField
        field="relayUrl"
        initial={loaded?.relayUrl ?? null}
        label={t('settings.relay')}
        hint={t('settings.relayHint')}
        invalidText={t('settings.relayInvalid')}
        testId="relay-url"
        placeholder="wss://"
        maxLength={500}
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
  field: Field;
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
    private readonly field: Field,
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
        inputMode={props.field === 'relayUrl' ? 'url' : 'text'}
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
