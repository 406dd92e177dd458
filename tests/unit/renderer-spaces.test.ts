import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { errorMessage, relayNamedIn } from '../../src-renderer/i18n/error-message';
import {
  canWrite,
  isActiveAdmin,
  membersWithChangedKeys,
} from '../../src-renderer/spaces/space-access';

describe('the relay an invite is for', () => {
  it('is found in what main says, without the sentence around it', () => {
    expect(
      relayNamedIn(
        'This invite is for the relay wss://relay.example.org:8443/x; this device syncs through ws://127.0.0.1:9000.',
      ),
    ).toBe('wss://relay.example.org:8443/x');
    expect(relayNamedIn('The invite names wss://relay.example.org.')).toBe(
      'wss://relay.example.org',
    );
    expect(relayNamedIn('This invite is for another relay.')).toBeNull();
    expect(relayNamedIn('wss://')).toBeNull();
  });

  it('goes into the translated message when main named it, the general one otherwise', () => {
    const t = ((key: string, options?: { relay?: string }) =>
      options?.relay ? `${key}:${options.relay}` : key) as unknown as TFunction;
    expect(
      errorMessage(t, { code: 'invite-other-relay', message: 'for the relay wss://a.example; …' }),
    ).toBe('errorDetails.inviteOtherRelay:wss://a.example');
    expect(errorMessage(t, { code: 'invite-other-relay', message: 'another relay' })).toBe(
      'errors.invite-other-relay',
    );
    expect(errorMessage(t, { code: 'invite-used', message: 'wss://a.example' })).toBe(
      'errors.invite-used',
    );
  });
});

function member(overrides: Partial<SpaceMember>): SpaceMember {
  return {
    deviceKey: 'a'.repeat(64),
    role: 'editor',
    fingerprint: '12345 '.repeat(12).trim(),
    isMe: false,
    name: 'Alesya',
    verified: false,
    keyChangedFrom: null,
    memberSince: 0,
    ...overrides,
  };
}

type Access = Pick<SpaceSummary, 'status' | 'role' | 'wiped'>;
const space = (overrides: Partial<Access>): Access => ({
  status: 'active',
  role: 'editor',
  wiped: false,
  ...overrides,
});

describe('what this device may do in a space', () => {
  it('writes only while active, as admin or editor, with content left', () => {
    expect(canWrite(space({}))).toBe(true);
    expect(canWrite(space({ role: 'admin' }))).toBe(true);
    expect(canWrite(space({ role: 'viewer' }))).toBe(false);
    for (const status of ['pending', 'removed', 'left'] as const) {
      expect(canWrite(space({ status, role: 'admin' })), status).toBe(false);
    }
    expect(canWrite(space({ wiped: true }))).toBe(false);
  });

  it('administers only an active space it is admin of', () => {
    expect(isActiveAdmin(space({ role: 'admin' }))).toBe(true);
    expect(isActiveAdmin(space({ role: 'admin', status: 'removed' }))).toBe(false);
    expect(isActiveAdmin(space({ role: 'editor' }))).toBe(false);
  });

  it('raises an alert for every other member whose safety number changed', () => {
    const changed = member({
      deviceKey: 'b'.repeat(64),
      keyChangedFrom: { name: 'Bogdan', fingerprint: '1'.repeat(60) },
    });
    const members = [member({ isMe: true }), member({}), changed];
    expect(membersWithChangedKeys({ members })).toEqual([changed]);
  });
});
