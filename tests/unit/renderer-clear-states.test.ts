// The "clear states" logic of the renderer: saving a relay address only after a relay answered
// there (or on "Save anyway"), what the relay field says, the space's sync line for a device that
// was removed or left, when the offline banner shows, and why a space is read-only.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ApiError, CallOutcome } from '../../src-shared/api';
import { CloseGuards } from '../../src-renderer/settings/close-guards';
import {
  RelaySaveFlow,
  relayFlowStep,
  type RelayCheckResult,
  type RelayFlowState,
} from '../../src-renderer/settings/relay-save-flow';
import { relayStatusText } from '../../src-renderer/settings/relay-status-text';
import {
  offlineBannerShown,
  READ_ONLY_TEXT,
  readOnlyReason,
  syncLine,
} from '../../src-renderer/spaces/sync-status-text';

const RELAY = 'wss://relay.example.org';
const OTHER = 'wss://other.example.org';
const valid = (value: string) => value === '' || /^wss?:\/\/\S+$/.test(value);

describe('the relay save state machine', () => {
  const typed = (value: string, stored = '') =>
    ({ type: 'typed', value, stored, valid: valid(value) }) as const;

  it('checks a changed address on commit, and saves it once a relay answered', () => {
    let step = relayFlowStep({ kind: 'idle' }, typed(RELAY));
    expect(step).toEqual({ state: { kind: 'changed', url: RELAY }, effect: null });
    step = relayFlowStep(step.state, { type: 'commit' });
    expect(step).toEqual({
      state: { kind: 'checking', url: RELAY },
      effect: { kind: 'check', url: RELAY },
    });
    step = relayFlowStep(step.state, { type: 'checked', url: RELAY, result: 'ok', detail: '' });
    expect(step).toEqual({
      state: { kind: 'saving', url: RELAY },
      effect: { kind: 'save', url: RELAY },
    });
    step = relayFlowStep(step.state, { type: 'saved', url: RELAY });
    expect(step).toEqual({ state: { kind: 'saved' }, effect: null });
  });

  it('stores nothing when the check fails, until "Save anyway"', () => {
    for (const result of ['unreachable', 'other-version', 'not-a-relay'] as const) {
      const checking: RelayFlowState = { kind: 'checking', url: RELAY };
      const step = relayFlowStep(checking, { type: 'checked', url: RELAY, result, detail: 'why' });
      expect(step).toEqual({
        state: { kind: 'problem', url: RELAY, problem: result, detail: 'why' },
        effect: null,
      });
      expect(relayFlowStep(step.state, { type: 'saveAnyway' }).effect).toEqual({
        kind: 'save',
        url: RELAY,
      });
      expect(relayFlowStep(step.state, { type: 'retry' }).effect).toEqual({
        kind: 'check',
        url: RELAY,
      });
    }
  });

  it('saves an emptied address without checking (it only turns syncing off)', () => {
    const step = relayFlowStep({ kind: 'changed', url: '' }, { type: 'commit' });
    expect(step.effect).toEqual({ kind: 'save', url: '' });
  });

  it('ignores the answer for an address that was edited meanwhile', () => {
    const step = relayFlowStep(
      { kind: 'checking', url: OTHER },
      { type: 'checked', url: RELAY, result: 'ok', detail: '' },
    );
    expect(step).toEqual({ state: { kind: 'checking', url: OTHER }, effect: null });
  });

  it('goes back to idle when the stored address is typed again, and flags an invalid one', () => {
    expect(relayFlowStep({ kind: 'changed', url: OTHER }, typed(RELAY, RELAY)).state).toEqual({
      kind: 'idle',
    });
    expect(relayFlowStep({ kind: 'idle' }, typed('https://x')).state).toEqual({ kind: 'invalid' });
    expect(relayFlowStep({ kind: 'invalid' }, { type: 'commit' }).effect).toBeNull();
  });

  it('does not commit twice or "save anyway" outside a problem', () => {
    expect(relayFlowStep({ kind: 'checking', url: RELAY }, { type: 'commit' }).effect).toBeNull();
    expect(relayFlowStep({ kind: 'saved' }, { type: 'saveAnyway' }).effect).toBeNull();
  });
});

/** A flow over fake calls whose answers the test releases. */
function harness(checkResult: RelayCheckResult, saveError: ApiError | null = null) {
  const checks: string[] = [];
  const saves: string[] = [];
  const states: RelayFlowState[] = [];
  const flow = new RelaySaveFlow({
    check: (url) => {
      checks.push(url);
      return Promise.resolve<CallOutcome<{ result: RelayCheckResult; detail: string }>>({
        ok: true,
        value: { result: checkResult, detail: `${checkResult} detail` },
      });
    },
    save: (url) => {
      saves.push(url);
      return Promise.resolve<CallOutcome<unknown>>(
        saveError ? { ok: false, error: saveError } : { ok: true, value: null },
      );
    },
    isValid: valid,
    onChange: (state) => states.push(state),
  });
  flow.load('');
  return { flow, checks, saves, states };
}

describe('the relay save flow', () => {
  it('checks, then saves, and lets Settings close', async () => {
    const { flow, checks, saves, states } = harness('ok');
    flow.type(RELAY);
    await expect(flow.beforeClose()).resolves.toBe(true);
    expect(checks).toEqual([RELAY]);
    expect(saves).toEqual([RELAY]);
    expect(states.map((state) => state.kind)).toEqual(['changed', 'checking', 'saving', 'saved']);
  });

  it('keeps Settings open on a problem found while closing, then lets it close', async () => {
    const { flow, saves } = harness('unreachable');
    flow.type(RELAY);
    await expect(flow.beforeClose()).resolves.toBe(false);
    expect(flow.state).toMatchObject({ kind: 'problem', problem: 'unreachable' });
    expect(saves).toEqual([]);
    // The person saw it; closing again leaves the old address in place.
    await expect(flow.beforeClose()).resolves.toBe(true);
    expect(saves).toEqual([]);
  });

  it('saves anyway when asked, without checking again', async () => {
    const { flow, checks, saves } = harness('not-a-relay');
    flow.type(RELAY);
    flow.commit();
    await flow.settled();
    flow.saveAnyway();
    await flow.settled();
    expect(checks).toEqual([RELAY]);
    expect(saves).toEqual([RELAY]);
    expect(flow.state).toEqual({ kind: 'saved' });
    // Typing the saved address again is nothing to save.
    flow.type(RELAY);
    expect(flow.state).toEqual({ kind: 'idle' });
  });

  it('reports a failed save and keeps Settings open for it', async () => {
    const error: ApiError = { code: 'disk-full', message: 'full' };
    const { flow } = harness('ok', error);
    flow.type(RELAY);
    await expect(flow.beforeClose()).resolves.toBe(false);
    expect(flow.state).toEqual({ kind: 'failed', url: RELAY, error });
  });

  it('closes at once when nothing changed or the text is not an address', async () => {
    const { flow, checks } = harness('ok');
    await expect(flow.beforeClose()).resolves.toBe(true);
    flow.type('not an address');
    await expect(flow.beforeClose()).resolves.toBe(true);
    expect(checks).toEqual([]);
  });
});

describe('close guards', () => {
  it('allow closing only when every guard does', async () => {
    const guards = new CloseGuards();
    const remove = guards.add(() => Promise.resolve(false));
    guards.add(() => Promise.resolve(true));
    await expect(guards.allowClose()).resolves.toBe(false);
    remove();
    await expect(guards.allowClose()).resolves.toBe(true);
  });
});

describe('what the relay field says', () => {
  const t = ((key: string, options?: Record<string, unknown>) =>
    options ? `${key}:${JSON.stringify(options)}` : key) as unknown as TFunction;

  it('says it is checking, saving, saved, or not checked yet', () => {
    expect(relayStatusText(t, { kind: 'checking', url: RELAY }, 'bad').status).toBe(
      'settings.relayChecking',
    );
    expect(relayStatusText(t, { kind: 'changed', url: RELAY }, 'bad').status).toBe(
      'settings.relayUnchecked',
    );
    expect(relayStatusText(t, { kind: 'saved' }, 'bad').status).toBe('settings.saved');
    expect(relayStatusText(t, { kind: 'invalid' }, 'bad').status).toBe('bad');
    expect(relayStatusText(t, { kind: 'idle' }, 'bad')).toEqual({ status: '', problem: null });
  });

  it('names each problem with what to do and the detail for whoever runs the relay', () => {
    const text = relayStatusText(
      t,
      { kind: 'problem', url: RELAY, problem: 'other-version', detail: 'protocol 2' },
      'bad',
    );
    expect(text).toEqual({
      status: 'settings.relayNotSaved',
      problem: {
        title: 'settings.relayOtherVersionTitle',
        text: 'settings.relayOtherVersionText',
        detail: 'settings.relayDetail:{"detail":"protocol 2"}',
      },
    });
    expect(
      relayStatusText(t, { kind: 'problem', url: RELAY, problem: 'unreachable', detail: '' }, '')
        .problem?.title,
    ).toBe('settings.relayUnreachableTitle');
  });
});

describe('the sync line of a space', () => {
  it('says removed or left instead of the connection', () => {
    expect(syncLine('removed', 'connected', 0)).toEqual({ key: 'sync.removed', tone: 'ended' });
    expect(syncLine('left', 'connected', 3)).toEqual({ key: 'sync.left', tone: 'ended' });
    expect(syncLine('pending', 'connected', 0).key).toBe('sync.awaitingApproval');
    expect(syncLine('declined', 'offline', 0).key).toBe('sync.declined');
  });

  it('gives a member the connection, with the edits still waiting', () => {
    expect(syncLine('active', 'connected', 0).key).toBe('sync.connected');
    expect(syncLine('active', 'connected', 2)).toEqual({
      key: 'sync.syncing',
      count: 2,
      tone: 'connected',
    });
    expect(syncLine('active', 'offline', 2).key).toBe('sync.offline');
    expect(syncLine('active', 'connecting', 0).key).toBe('sync.connecting');
    expect(syncLine('active', 'disabled', 0).key).toBe('sync.disabled');
  });
});

describe('the offline banner', () => {
  it('shows when offline and stays through reconnect attempts until connected', () => {
    let shown = offlineBannerShown(false, 'connecting');
    expect(shown).toBe(false);
    shown = offlineBannerShown(shown, 'offline');
    expect(shown).toBe(true);
    shown = offlineBannerShown(shown, 'connecting');
    expect(shown).toBe(true);
    shown = offlineBannerShown(shown, 'connected');
    expect(shown).toBe(false);
  });

  it('does not show without a relay or before the state is known', () => {
    expect(offlineBannerShown(true, 'disabled')).toBe(false);
    expect(offlineBannerShown(false, null)).toBe(false);
  });
});

describe('why a space is read-only', () => {
  const space = (status: Parameters<typeof readOnlyReason>[0]['status'], role = 'editor') =>
    ({ status, role, wiped: false }) as Parameters<typeof readOnlyReason>[0];

  it('is said for removed, left, pending and viewers, and not for writers', () => {
    expect(readOnlyReason(space('removed'))).toBe('removed');
    expect(readOnlyReason(space('left'))).toBe('left');
    expect(readOnlyReason(space('pending'))).toBe('pending');
    expect(readOnlyReason(space('active', 'viewer'))).toBe('viewer');
    expect(readOnlyReason(space('active', 'admin'))).toBeNull();
    expect(readOnlyReason({ status: 'removed', role: 'editor', wiped: true })).toBeNull();
    expect(READ_ONLY_TEXT.removed).toBe('space.readOnlyRemoved');
  });
});
