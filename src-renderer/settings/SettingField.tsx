// One text setting with its hint and save status, stored while typing (setting-writer.ts); what is
// typed last is stored on leaving the field, pressing Enter or closing Settings.
import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { FieldSaveStatus, type FieldSaveState } from './FieldSaveStatus';
import { SettingWriter, type WrittenField } from './setting-writer';

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

export function SettingField(props: SettingFieldProps) {
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
