// A radio button of the calendar's choices with its label and, where a choice needs explaining,
// one sentence beside it that describes the button, so a screen reader reads both together.
interface RadioRowProps {
  id: string;
  name: string;
  testId: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint?: string;
  value?: string;
}

export function RadioRow({ id, label, hint, testId, ...input }: RadioRowProps) {
  return (
    <div className="checkbox-row">
      <input
        id={id}
        type="radio"
        data-testid={testId}
        aria-describedby={hint === undefined ? undefined : `${id}-text`}
        {...input}
      />
      {hint === undefined ? (
        <label htmlFor={id}>{label}</label>
      ) : (
        <span>
          <label htmlFor={id}>{label}</label>
          <span id={`${id}-text`} className="hint cal-visibility-text">
            {hint}
          </span>
        </span>
      )}
    </div>
  );
}
