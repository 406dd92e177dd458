// Tells main the user is active (for auto-lock), at most once per LIMITS.activityThrottleMs.
import { useEffect } from 'react';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';

export function useActivityReporter(): void {
  useEffect(() => {
    let lastSent = 0;
    const report = (): void => {
      const now = Date.now();
      if (now - lastSent < LIMITS.activityThrottleMs) return;
      lastSent = now;
      void call('session.activity', {});
    };
    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', report, options);
    window.addEventListener('pointerdown', report, options);
    return () => {
      window.removeEventListener('keydown', report, options);
      window.removeEventListener('pointerdown', report, options);
    };
  }, []);
}
