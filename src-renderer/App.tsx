// The root: asks main what state the vault is in and shows the matching screen; follows lock and
// unlock events, and re-checks after a lost connection in case an event was missed meanwhile.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, CallOutcome, DeviceIdentity, VaultStatus } from '../src-shared/api';
import { call, onEvent } from './bridge/call';
import { subscribeConnectionStatus } from './bridge/connection-status';
import { ConnectionBanner } from './components/ConnectionBanner';
import { SkipLink } from './components/SkipLink';
import { DamagedScreen } from './screens/DamagedScreen';
import { IdentityScreen } from './screens/IdentityScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { OnboardingScreen } from './screens/OnboardingScreen';
import { UnlockScreen, type LockReason } from './screens/UnlockScreen';
import { usePanicShortcut } from './safety/use-panic-shortcut';
import { Workspace } from './workspace/Workspace';

type Phase =
  | { kind: 'loading'; error: ApiError | null }
  | { kind: 'none' }
  | { kind: 'created'; identity: DeviceIdentity }
  | { kind: 'locked'; reason: LockReason }
  | { kind: 'unlocked' }
  | { kind: 'damaged'; problem: VaultStatus['problem'] };

function phaseFor(status: VaultStatus): Phase {
  switch (status.state) {
    case 'none':
      return { kind: 'none' };
    case 'locked':
      return { kind: 'locked', reason: null };
    case 'unlocked':
      return { kind: 'unlocked' };
    case 'damaged':
      return { kind: 'damaged', problem: status.problem };
  }
}

/** Keeps the current screen (and whatever is typed in it) when it already matches main's state. */
function follow(current: Phase, next: Phase): Phase {
  if (current.kind === next.kind) return current;
  if (current.kind === 'created' && next.kind === 'unlocked') return current;
  return next;
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading', error: null });

  const applyStatus = useCallback((outcome: CallOutcome<VaultStatus>) => {
    setPhase((current) => {
      if (outcome.ok) return follow(current, phaseFor(outcome.value));
      return current.kind === 'loading' ? { kind: 'loading', error: outcome.error } : current;
    });
  }, []);
  const refresh = useCallback(async () => {
    applyStatus(await call('vault.status', {}));
  }, [applyStatus]);

  useEffect(() => {
    void call('vault.status', {}).then(applyStatus);
    const offLocked = onEvent('vault.locked', ({ reason }) =>
      setPhase((current) => {
        // Erased (here or by the app's --panic-wipe): the empty first screen, nothing else.
        if (reason === 'wipe') return { kind: 'none' };
        return current.kind === 'unlocked' || current.kind === 'created'
          ? { kind: 'locked', reason }
          : current;
      }),
    );
    const offUnlocked = onEvent('vault.unlocked', () =>
      setPhase((current) => (current.kind === 'locked' ? { kind: 'unlocked' } : current)),
    );
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') void refresh();
    });
    return () => {
      offLocked();
      offUnlocked();
      offConnection();
    };
  }, [applyStatus, refresh]);

  const erased = useCallback(() => setPhase({ kind: 'none' }), []);
  usePanicShortcut(erased);

  return (
    <>
      <SkipLink />
      <ConnectionBanner />
      <Screen phase={phase} setPhase={setPhase} refresh={refresh} />
    </>
  );
}

function Screen({
  phase,
  setPhase,
  refresh,
}: {
  phase: Phase;
  setPhase: (phase: Phase) => void;
  refresh: () => Promise<void>;
}) {
  switch (phase.kind) {
    case 'loading':
      return (
        <LoadingScreen
          error={phase.error}
          onRetry={() => {
            setPhase({ kind: 'loading', error: null });
            void refresh();
          }}
        />
      );
    case 'none':
      return <OnboardingScreen onCreated={(identity) => setPhase({ kind: 'created', identity })} />;
    case 'created':
      return (
        <IdentityScreen
          identity={phase.identity}
          onContinue={() => {
            // Main decides: normally the new vault is open; if not, the unlock screen follows.
            setPhase({ kind: 'unlocked' });
            void refresh();
          }}
        />
      );
    case 'locked':
      return (
        <UnlockScreen
          key="unlock"
          reason={phase.reason}
          onUnlocked={() => setPhase({ kind: 'unlocked' })}
          onErased={() => setPhase({ kind: 'none' })}
        />
      );
    case 'unlocked':
      return <Workspace onLocked={() => setPhase({ kind: 'locked', reason: 'user' })} />;
    case 'damaged':
      return <DamagedScreen problem={phase.problem} />;
  }
}
