// One of a few choices as a row of toggle buttons (aria-pressed) in a named group, drawn as the
// app's view switch: for switching what a panel shows, where radio buttons would read as a form.
import type { ReactNode } from 'react';

export interface ToggleChoice<T extends string> {
  value: T;
  label: ReactNode;
  testId: string;
}

interface ToggleGroupProps<T extends string> {
  /** The group's accessible name. */
  label: string;
  /** Added to 'view-switch'. */
  className?: string;
  choices: readonly ToggleChoice<T>[];
  value: T;
  onChange: (value: T) => void;
}

export function ToggleGroup<T extends string>(props: ToggleGroupProps<T>) {
  return (
    <div
      className={props.className ? `view-switch ${props.className}` : 'view-switch'}
      role="group"
      aria-label={props.label}
    >
      {props.choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          data-testid={choice.testId}
          aria-pressed={props.value === choice.value}
          onClick={() => props.onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
