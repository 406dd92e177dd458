// Protocol v3 in the renderer: invitations kept apart from spaces (and never opened before they are
// accepted), the placeholder for a space whose name has not arrived, sync warnings that name the
// member they are about, and the approval that waits to remove an admin. Texts come from the real
// catalogues, so a missing or mistyped key shows up here and not only on screen.
import { LANGUAGES, translator, type Language } from '../support/renderer-i18n';
import { describe, expect, it } from 'vitest';
import type { SpaceSummary } from '../../src-shared/api';
import { approvalTitle } from '../../src-renderer/spaces/approval-title';
import { canWrite, isActiveAdmin } from '../../src-renderer/spaces/space-access';
import { groupSpaces, spaceContent } from '../../src-renderer/spaces/space-list';
import { spaceName } from '../../src-renderer/spaces/space-name';
import {
  isUrgent,
  syncWarningMessage,
  type SyncWarning,
} from '../../src-renderer/spaces/sync-warning-message';

const t = translator('en');
const KEY = 'c'.repeat(64);

function warning(reason: string, member: string | null): SyncWarning {
  return { docId: null, reason, at: 0, deviceKey: member === null ? null : KEY, member };
}

describe('a sync warning', () => {
  it('names the member whose change could not be read', () => {
    const message = syncWarningMessage(t, warning('bad-update', 'Alesya'));
    expect(message.text).toBe('Alesya sent a change this device could not read; it was ignored.');
    expect(message.tone).toBe('member');
    expect(isUrgent(message)).toBe(true);
  });

  it('says "a member" when the name is not known, never a key', () => {
    for (const member of [null, '', '   ']) {
      const withKey = { ...warning('bad-update', member), deviceKey: KEY };
      const message = syncWarningMessage(t, withKey);
      expect(message.text).toBe(
        'A member sent a change this device could not read; it was ignored.',
      );
      expect(message.text).not.toContain('ccc');
    }
  });

  it('has a sentence for each new reason, naming the member where there is one', () => {
    expect(syncWarningMessage(t, warning('log-ahead', 'Bogdan')).text).toBe(
      'Bogdan has seen membership changes this device has not been shown yet; your edits wait until the relay shows them.',
    );
    expect(syncWarningMessage(t, warning('log-withheld', 'Bogdan')).text).toBe(
      'The relay keeps back membership changes that Bogdan has seen. Your edits are held. Compare the space fingerprint with other members.',
    );
    for (const reason of ['forked-log', 'forked-document']) {
      expect(syncWarningMessage(t, warning(reason, 'Bogdan')).text).toBe(
        'This relay is showing members different histories of this space. Compare the space fingerprint with Bogdan over a trusted channel.',
      );
    }
    expect(syncWarningMessage(t, warning('outdated-space', null)).text).toBe(
      'A space made with an older test version of Suviaz can no longer be opened.',
    );
  });

  it('is calm when edits only wait, and a warning about the relay when it withholds or forks', () => {
    const tones = Object.fromEntries(
      ['log-ahead', 'outdated-space', 'log-withheld', 'forked-log', 'forked-document', 'gap'].map(
        (reason) => [reason, syncWarningMessage(t, warning(reason, 'Bogdan')).tone],
      ),
    );
    expect(tones).toEqual({
      'log-ahead': 'waiting',
      'outdated-space': 'outdated',
      'log-withheld': 'relay',
      'forked-log': 'relay',
      'forked-document': 'relay',
      gap: 'relay',
    });
    expect(isUrgent({ tone: 'waiting' })).toBe(false);
    expect(isUrgent({ tone: 'outdated' })).toBe(false);
    expect(syncWarningMessage(t, warning('forked-log', null)).title).toBe(t('sync.warningTitle'));
  });

  it('keeps the earlier reasons and falls back to a general message for unknown ones', () => {
    expect(syncWarningMessage(t, warning('replayed', null)).text).toBe(
      LANGUAGES.en.sync.reasons.replayed,
    );
    const unknown = syncWarningMessage(t, warning('something-new', 'Alesya'));
    expect(unknown.text).toBe(
      'Suviaz found a problem in what the relay sent (“something-new”) and did not apply that part.',
    );
    // A reason that happens to be a property of every object is still unknown.
    expect(syncWarningMessage(t, warning('toString', null)).text).toContain('“toString”');
  });

  it.each(['be', 'ru', 'uk'] as const)('is translated in %s, named and unnamed', (language) => {
    const local = translator(language);
    for (const reason of ['bad-update', 'log-ahead', 'log-withheld', 'forked-log']) {
      const named = syncWarningMessage(local, warning(reason, 'Алеся'));
      const unnamed = syncWarningMessage(local, warning(reason, null));
      const english = syncWarningMessage(t, warning(reason, 'Алеся'));
      expect(named.text, reason).toContain('Алеся');
      expect(named.text, reason).not.toBe(english.text);
      expect(unnamed.text, reason).not.toMatch(/\{\{|sync\./);
      expect(named.title, reason).not.toMatch(/^sync\./);
    }
    expect(syncWarningMessage(local, warning('outdated-space', null)).text).not.toMatch(/^sync\./);
  });

  const OWN = [
    'store-failed',
    'publish-failed',
    'subscribe-refused',
    'relay-refused-quotaBytes',
    'relay-refused-quotaDocuments',
    'relay-refused-forbidden',
    'update-too-large',
    'snapshot-too-large',
  ];

  /** Refusals of what the relay or another member's app sent, each with a sentence of its own. */
  const REFUSED = [
    'group-invalid-log',
    'group-forked-log',
    'group-lockbox-not-from-admin',
    'group-lockbox-bad-signature',
    'group-lockbox-not-for-me',
    'group-lockbox-key-mismatch',
    'group-bad-metadata',
    'tampered-presence',
    'frame-failed',
  ];

  it.each(['en', 'be', 'ru', 'uk'] as const)(
    'about refused membership data or messages names no code, in %s',
    (language) => {
      const local = translator(language);
      const general = syncWarningMessage(local, warning('something-new', null)).text;
      for (const reason of REFUSED) {
        const message = syncWarningMessage(local, warning(reason, null));
        expect(message.text, reason).not.toContain(reason);
        expect(message.text, reason).not.toBe(general.replace('something-new', reason));
        expect(message.text, reason).not.toMatch(/\{\{|sync\.|“/);
        expect(message.tone, reason).toBe('relay');
      }
    },
  );

  it('about this device or its own edits says so plainly, without an internal code or blame', () => {
    const full = syncWarningMessage(t, warning('store-failed', null));
    expect(full.tone).toBe('device');
    expect(isUrgent(full)).toBe(true);
    expect(full.text).toContain('disk is full');
    const quota = syncWarningMessage(t, warning('relay-refused-quotaBytes', null));
    expect(quota.tone).toBe('waiting');
    expect(quota.title).toBe('Your edits are waiting');
    expect(quota.text).toContain('used all the storage its relay allows');
    for (const reason of OWN) {
      const message = syncWarningMessage(t, warning(reason, null));
      expect(message.text, reason).not.toContain(reason);
      expect(message.text, reason).not.toMatch(/quota|relay-refused|“/);
      expect(message.title, reason).not.toBe(t('sync.warningTitle'));
    }
  });

  it('about a publish the relay refused as a fork is still a warning about the relay', () => {
    const forked = syncWarningMessage(t, warning('relay-refused-snapshotConflict', null));
    expect(forked.tone).toBe('relay');
    expect(isUrgent(forked)).toBe(true);
    expect(forked.text).toBe(t('sync.unnamedReasons.forked'));
    // A carried bundle's entry the relay refused is not called my edits.
    expect(syncWarningMessage(t, warning('bundle-refused-forbidden', null)).text).not.toContain(
      'your latest edits',
    );
  });

  it.each(['be', 'ru', 'uk'] as const)('about this device is translated in %s', (language) => {
    const local = translator(language);
    for (const reason of OWN) {
      const message = syncWarningMessage(local, warning(reason, null));
      expect(message.text, reason).not.toBe(syncWarningMessage(t, warning(reason, null)).text);
      expect(message.text, reason).not.toMatch(/\{\{|sync\./);
      expect(message.title, reason).not.toMatch(/^sync\./);
    }
  });
});

type Listed = Pick<SpaceSummary, 'id' | 'status' | 'waitingForKeys' | 'wiped' | 'role'>;
const listed = (id: string, overrides: Partial<Listed> = {}): Listed => ({
  id,
  status: 'active',
  waitingForKeys: false,
  wiped: false,
  role: 'editor',
  ...overrides,
});

describe('invitations', () => {
  it('are listed apart from the spaces, each list in the order main gave', () => {
    const list = [
      listed('a'),
      listed('b', { status: 'invited' }),
      listed('c', { status: 'removed' }),
      listed('d', { status: 'invited' }),
      listed('e', { status: 'pending' }),
    ];
    const groups = groupSpaces(list);
    expect(groups.invitations.map((s) => s.id)).toEqual(['b', 'd']);
    expect(groups.spaces.map((s) => s.id)).toEqual(['a', 'c', 'e']);
    expect(groupSpaces([])).toEqual({ invitations: [], spaces: [] });
  });

  it('never open the space, and give no rights, until accepted', () => {
    const invited = listed('b', { status: 'invited', role: 'admin' });
    expect(spaceContent(invited)).toBe('invitation');
    expect(spaceContent({ ...invited, waitingForKeys: true })).toBe('invitation');
    expect(canWrite(invited)).toBe(false);
    expect(isActiveAdmin(invited)).toBe(false);
  });
});

describe('a space waiting for its key', () => {
  it('shows the notice instead of its content while active', () => {
    expect(spaceContent(listed('a', { waitingForKeys: true }))).toBe('waiting-for-keys');
    expect(spaceContent(listed('a'))).toBe('content');
    // Other statuses say what they mean in their banner; a wiped space has nothing to wait for.
    expect(spaceContent(listed('a', { status: 'pending', waitingForKeys: true }))).toBe('content');
    expect(spaceContent(listed('a', { status: 'removed', wiped: true }))).toBe('wiped');
  });
});

describe('the name of a space', () => {
  it('is shown as main gives it', () => {
    expect(spaceName(t, 'Coalition for clean air')).toBe('Coalition for clean air');
  });

  it.each(Object.keys(LANGUAGES) as Language[])(
    'is a placeholder in %s while it has not arrived',
    (language) => {
      const local = translator(language);
      const placeholder = LANGUAGES[language].spaces?.unnamed ?? '';
      expect(placeholder.length).toBeGreaterThan(0);
      expect(spaceName(local, '')).toBe(placeholder);
      expect(spaceName(local, '  ')).toBe(placeholder);
    },
  );

  it('reads "Space (name not received yet)" in English', () => {
    expect(spaceName(t, '')).toBe('Space (name not received yet)');
  });
});

describe('an approval to remove an admin', () => {
  const members = [
    { deviceKey: 'a'.repeat(64), name: 'Alesya' },
    { deviceKey: 'b'.repeat(64), name: null },
  ];

  it('names who would be removed', () => {
    expect(approvalTitle(t, { kind: 'remove', deviceKey: 'a'.repeat(64) }, members)).toBe(
      'Removing Alesya',
    );
    expect(approvalTitle(t, { kind: 'remove', deviceKey: 'b'.repeat(64) }, members)).toBe(
      'Removing Unnamed device',
    );
    expect(approvalTitle(t, { kind: 'remove', deviceKey: null }, members)).toBe(
      'Removing Unknown device',
    );
  });

  it('leaves the other kinds as they were', () => {
    expect(approvalTitle(t, { kind: 'set-role', deviceKey: null }, members)).toBe(
      'Changing a role',
    );
  });
});
