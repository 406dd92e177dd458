// Idle timer for auto-lock: every reported activity pushes the deadline back; when it passes, onIdle
// fires once. Minutes = 0 disables it.
export interface AutoLock {
  touch(): void;
  setMinutes(minutes: number): void;
  stop(): void;
}

export function createAutoLock(minutes: number, onIdle: () => void): AutoLock {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current = minutes;

  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = current > 0 ? setTimeout(onIdle, current * 60_000) : undefined;
    // The timer alone must not keep a host process or a test runner alive.
    timer?.unref?.();
  };
  arm();

  return {
    touch: arm,
    setMinutes(next) {
      current = next;
      arm();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
