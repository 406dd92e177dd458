// An indeterminate progress bar with a sentence, for the waits of a second or more (Argon2id).
export function BusyIndicator({ label }: { label: string }) {
  return (
    <div className="busy" role="status" aria-live="polite">
      <progress className="busy-bar" aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
