// An indeterminate progress bar with a sentence, for the waits of a second or more (Argon2id). The
// region is busy while it shows, so assistive technology knows the work is still going on.
export function BusyIndicator({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="busy" role="status" aria-live="polite" aria-busy="true" data-testid={testId}>
      <progress className="busy-bar" aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
