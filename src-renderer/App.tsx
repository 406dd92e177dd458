// The root: asks main what state the vault is in and shows the matching screen; follows lock and
// unlock events, and re-checks after a lost connection in case an event was missed meanwhile.
// The panic wipe and quick exit shortcuts work from every screen.
import { dropKeptBriefingDrafts } from './briefings/use-briefing-draft';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, CallOutcome, DeviceIdentity, VaultStatus } from '../src-shared/api';
import { call, onEvent } from './bridge/call';
import { subscribeConnectionStatus } from './bridge/connection-status';
import { ConnectionBanner } from './components/ConnectionBanner';
import { CrashBoundary } from './components/CrashBoundary';
import { SkipLink } from './components/SkipLink';
import { DamagedScreen } from './screens/DamagedScreen';
import { IdentityScreen } from './screens/IdentityScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { OnboardingScreen } from './screens/OnboardingScreen';
import { UnlockScreen, type LockReason } from './screens/UnlockScreen';
import { usePanicShortcut } from './safety/use-panic-shortcut';
import { QuickExitScreen } from './safety/QuickExitScreen';
import { useQuickExitShortcut } from './safety/use-quick-exit-shortcut';
import { Workspace } from './workspace/Workspace';
import { useAppearanceLoader, useDisguise } from './appearance/use-appearance';

type Phase =
  | { kind: 'loading'; error: ApiError | null }
  | { kind: 'none' }
  | { kind: 'created'; identity: DeviceIdentity }
  | { kind: 'locked'; reason: LockReason }
  | { kind: 'unlocked' }
  | { kind: 'damaged'; problem: VaultStatus['problem'] }
  /** After a quick exit, where the window could not be hidden: a blank page until a key or click. */
  | { kind: 'exited' };

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
  // Only the user leaves the blank page (a reconnect must not bring the app back on screen).
  if (current.kind === 'exited') return current;
  if (current.kind === next.kind) return current;
  if (current.kind === 'created' && next.kind === 'unlocked') return current;
  return next;
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading', error: null });
  // Counts unlocks: a vault swapped for another while on screen (preparing the duress decoy) must
  // remount the workspace, even if its lock and unlock events arrive in one render.
  const [unlocks, setUnlocks] = useState(0);

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
    const offLocked = onEvent('vault.locked', ({ reason }) => {
      dropKeptBriefingDrafts();
      setPhase((current) => {
        // Erased (here or by the app's --panic-wipe): the empty first screen, nothing else.
        if (reason === 'wipe') return { kind: 'none' };
        return current.kind === 'unlocked' || current.kind === 'created'
          ? { kind: 'locked', reason }
          : current;
      });
    });
    const offUnlocked = onEvent('vault.unlocked', () => {
      setUnlocks((count) => count + 1);
      setPhase((current) => (current.kind === 'locked' ? { kind: 'unlocked' } : current));
    });
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
  useAppearanceLoader();
  // No screen that names the app before main said whether it wears a disguise.
  const appearanceKnown = useDisguise() !== null;
  // Leaving the blank page waits for the lock, so it can never lead back into an open vault.
  const exiting = useRef<Promise<unknown>>(Promise.resolve());
  const showStatus = useCallback(() => {
    void exiting.current
      .then(() => call('vault.status', {}))
      .then((outcome) =>
        setPhase(outcome.ok ? phaseFor(outcome.value) : { kind: 'loading', error: outcome.error }),
      );
  }, []);
  const quickExit = useCallback(
    (done: Promise<boolean>) => {
      setPhase({ kind: 'exited' });
      exiting.current = done;
      // Main hid the window: behind it the lock screen waits for when Suviaz is opened again.
      void done.then((hidden) => {
        if (hidden) showStatus();
      });
    },
    [showStatus],
  );
  useQuickExitShortcut(quickExit);

  if (phase.kind === 'exited') return <QuickExitScreen onLeave={showStatus} />;
  return (
    <>
      <SkipLink />
      <ConnectionBanner />
      <CrashBoundary scope="screen" resetKeys={[phase.kind, unlocks]}>
        <Screen
          phase={appearanceKnown ? phase : { kind: 'loading', error: null }}
          setPhase={setPhase}
          refresh={refresh}
          unlocks={unlocks}
        />
      </CrashBoundary>
    </>
  );
}

function Screen({
  phase,
  setPhase,
  refresh,
  unlocks,
}: {
  phase: Phase;
  setPhase: (phase: Phase) => void;
  refresh: () => Promise<void>;
  unlocks: number;
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
      return (
        <Workspace key={unlocks} onLocked={() => setPhase({ kind: 'locked', reason: 'user' })} />
      );
    case 'damaged':
      return <DamagedScreen problem={phase.problem} />;
    case 'exited':
      return null;
  }
}
