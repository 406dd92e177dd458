// Runs an action at most once per interval: at once when it has been quiet, otherwise once at the end
// of the interval. A burst of remote edits (a member pasting, a sync catching up) then costs one
// reload at its start and one after it, and the last change is never missed.
export interface Throttled {
  (): void;
  cancel: () => void;
}

export function throttle(action: () => void, intervalMs: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    action();
  };
  const throttled = () => {
    if (timer !== null) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
