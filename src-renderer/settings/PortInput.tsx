// A port number field: digits only, at most five, no spelling or autofill help; the caller checks
// the value and says what is wrong next to it (aria-describedby).
import type { InputHTMLAttributes } from 'react';

type PortInputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'placeholder' | 'aria-describedby' | 'onBlur' | 'onKeyDown'
> & {
  testId: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
};

export function PortInput({ testId, invalid, onChange, ...rest }: PortInputProps) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      spellCheck={false}
      autoComplete="off"
      maxLength={5}
      data-testid={testId}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
