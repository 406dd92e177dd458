// A field for a long machine-made text (a device code, an invite link): monospace, never spell-checked
// or autocompleted, wide enough to see that all of it is there.
import type { Ref, TextareaHTMLAttributes } from 'react';

type CodeTextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: Ref<HTMLTextAreaElement>;
};

export function CodeTextArea(props: CodeTextAreaProps) {
  return (
    <textarea className="device-code" rows={3} spellCheck={false} autoComplete="off" {...props} />
  );
}
