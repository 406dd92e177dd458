// The relay field's save flow (relay-save-flow.ts) wired to main and to Settings: loaded with the
// stored address and connection, and asked before Settings closes, so a changed address is checked.
import { useEffect, useRef, useState } from 'react';
import { Settings } from '../../src-shared/api';
import { call } from '../bridge/call';
import type { CloseGuards } from './close-guards';
import type { ProxySetting } from './proxy-form';
import { RelaySaveFlow, type RelayFlowState } from './relay-save-flow';

export function isValidRelayUrl(value: string): boolean {
  return Settings.shape.relayUrl.safeParse(value).success;
}

/**
 * initial and initialProxy are null while loading. problemRef is the element that says what the
 * check found: focused when that finding keeps Settings open.
 */
export function useRelaySaveFlow(
  initial: string | null,
  initialProxy: ProxySetting | null,
  closeGuards: CloseGuards,
) {
  const problemRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<RelayFlowState>({ kind: 'idle' });
  const [flow] = useState(
    () =>
      new RelaySaveFlow({
        check: (url, proxy) => call('relay.check', { url, proxy }),
        save: (url, proxy) => call('settings.update', { relayUrl: url, proxy }),
        isValid: isValidRelayUrl,
        onChange: setState,
      }),
  );

  useEffect(() => {
    if (initial !== null && initialProxy !== null) flow.load(initial, initialProxy);
  }, [flow, initial, initialProxy]);

  useEffect(
    () =>
      closeGuards.add(async () => {
        const allowed = await flow.beforeClose();
        // Settings stays open because of what the check found: take the person to it.
        if (!allowed) problemRef.current?.focus();
        return allowed;
      }),
    [closeGuards, flow],
  );

  return { flow, state, problemRef };
}
