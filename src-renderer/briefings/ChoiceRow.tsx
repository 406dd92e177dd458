// A checkbox or radio button with its label and, where it needs explaining, one sentence that
// describes it (aria-describedby), so a screen reader reads both together.
import { useId } from 'react';

interface ChoiceRowProps {
  type: 'checkbox' | 'radio';
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  name?: string;
  disabled?: boolean;
}

export function ChoiceRow({
  type,
  label,
  hint,
  checked,
  onChange,
  testId,
  ...rest
}: ChoiceRowProps) {
  const id = useId();
  return (
    <div className="checkbox-row">
      <input
        id={id}
        type={type}
        data-testid={testId}
        checked={checked}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
        {...rest}
      />
      <span>
        <label htmlFor={id}>{label}</label>
        {hint !== undefined && (
          <span id={`${id}-hint`} className="hint briefing-choice-hint">
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}
