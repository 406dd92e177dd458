// A number field for whole numbers (minutes, days): numeric keyboard, steps of one.
import type { InputHTMLAttributes } from 'react';

type WholeNumberInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'step'>;

export function WholeNumberInput(props: WholeNumberInputProps) {
  return <input type="number" inputMode="numeric" step={1} {...props} />;
}
