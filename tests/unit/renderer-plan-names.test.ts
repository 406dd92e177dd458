// Names on the plan screen, never device keys: current members by name, people who were removed or
// left by name with the reason, anyone else as "A member"; "Resolved by …" on a comment thread; and
// the same in every language.
import { LANGUAGES, translator } from '../support/renderer-i18n';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import {
  addComment,
  createPlan,
  listThreads,
  setThreadResolved,
} from '../../src-shared/plans/plan-model';
import { deviceName, memberName, standingOf } from '../../src-renderer/plans/member-names';
import { authorName, resolvedText } from '../../src-renderer/plans/plan-labels';

const ALESIA = 'a1'.repeat(32);
const UNNAMED = 'b2'.repeat(32);
const BAHDAN = 'c3'.repeat(32);
const VIERA = 'd4'.repeat(32);
const NAMELESS_FORMER = 'e5'.repeat(32);
const STRANGER = 'f6'.repeat(32);
const KEYS = [ALESIA, UNNAMED, BAHDAN, VIERA, NAMELESS_FORMER, STRANGER];
const HEX = /[0-9a-f]{6}/;

function member(deviceKey: string, name: string | null): SpaceMember {
  return {
    deviceKey,
    role: 'editor',
    fingerprint: '12345 67890 11111 22222 33333 44444 55555 66666 77777 88888 99999 00000',
    isMe: false,
    name,
    verified: false,
    keyChangedFrom: null,
    memberSince: 0,
  };
}

const space: Pick<SpaceSummary, 'members' | 'formerMembers'> = {
  members: [member(ALESIA, 'Alesia'), member(UNNAMED, null)],
  formerMembers: [
    { deviceKey: BAHDAN, name: 'Bahdan', how: 'removed' },
    { deviceKey: VIERA, name: 'Viera', how: 'left' },
    { deviceKey: NAMELESS_FORMER, name: null, how: 'left' },
  ],
};

describe('a device’s name', () => {
  const t = translator('en');

  it('is a current member’s name', () => {
    expect(standingOf(ALESIA, space).kind).toBe('member');
    expect(deviceName(ALESIA, space, t)).toBe('Alesia');
    // The name they have now wins over the one recorded when they wrote.
    expect(deviceName(ALESIA, space, t, { recorded: 'Alesia K.' })).toBe('Alesia');
  });

  it('says when someone was removed or left', () => {
    expect(standingOf(BAHDAN, space)).toEqual({ kind: 'former', how: 'removed', name: 'Bahdan' });
    expect(deviceName(BAHDAN, space, t)).toBe('Bahdan — removed');
    expect(deviceName(VIERA, space, t)).toBe('Viera — left');
    expect(deviceName(NAMELESS_FORMER, space, t, { recorded: 'Vasil' })).toBe('Vasil — left');
    expect(deviceName(NAMELESS_FORMER, space, t)).toBe('A member — left');
  });

  it('is "A member" when nobody knows a name, or the name recorded with the item', () => {
    expect(standingOf(STRANGER, space).kind).toBe('unknown');
    expect(deviceName(STRANGER, space, t)).toBe('A member');
    expect(deviceName(STRANGER, space, t, { recorded: '  Ales  ' })).toBe('Ales');
    expect(deviceName(STRANGER, space, t, { recorded: '   ' })).toBe('A member');
  });

  it('tells unnamed current members apart by their safety number, not their key', () => {
    expect(deviceName(UNNAMED, space, t)).toBe('A member (12345 67890)');
    expect(memberName({ name: null, fingerprint: '' }, t)).toBe('A member');
    expect(memberName({ name: '  ', fingerprint: '' }, t, 'Zmitser')).toBe('Zmitser');
  });

  it.each(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[])(
    'never shows any part of a key (%s)',
    (language) => {
      const tr = translator(language);
      for (const key of KEYS) {
        const name = deviceName(key, space, tr);
        expect(name).not.toMatch(HEX);
        expect(name).not.toContain(key.slice(0, 4));
      }
      expect(deviceName(BAHDAN, space, tr)).toContain('Bahdan');
      // "removed" and "left" read differently.
      expect(tr('plans.people.removed', { name: 'X' })).not.toBe(
        tr('plans.people.left', { name: 'X' }),
      );
      if (language !== 'en') {
        expect(deviceName(BAHDAN, space, tr)).not.toContain('removed');
        expect(deviceName(STRANGER, space, tr)).not.toBe('A member');
      }
    },
  );

  it('names a comment’s or version’s author the same way', () => {
    expect(authorName({ author: BAHDAN, authorName: 'Bahdan' }, space, t)).toBe('Bahdan — removed');
    expect(authorName({ author: STRANGER, authorName: 'Ales' }, space, t)).toBe('Ales');
  });
});

describe('a resolved thread', () => {
  const t = translator('en');

  function thread() {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Plan', by: ALESIA, at: 1 });
    const threadId = addComment(doc, {
      planId,
      author: ALESIA,
      authorName: 'Alesia',
      text: 'Is this date final?',
      at: 2,
      anchor: null,
      head: null,
      quote: '12 December',
    });
    return { doc, planId, threadId };
  }

  it('records who resolved it, and says so', () => {
    const { doc, planId, threadId } = thread();
    setThreadResolved(doc, threadId, true, ALESIA, 3);
    const root = listThreads(doc, planId)[0]!.root;
    expect(root).toMatchObject({ resolved: true, resolvedBy: ALESIA, resolvedAt: 3 });
    expect(resolvedText(root, space, t)).toBe('Resolved by Alesia');
    setThreadResolved(doc, threadId, true, BAHDAN, 4);
    expect(resolvedText(listThreads(doc, planId)[0]!.root, space, t)).toBe(
      'Resolved by Bahdan — removed',
    );
  });

  it('forgets who resolved it when it is reopened', () => {
    const { doc, planId, threadId } = thread();
    setThreadResolved(doc, threadId, true, ALESIA, 3);
    setThreadResolved(doc, threadId, false, VIERA, 4);
    expect(listThreads(doc, planId)[0]!.root).toMatchObject({
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
    });
  });

  it('written by an older app without the field just says "Resolved"', () => {
    const { doc, planId, threadId } = thread();
    const entry = doc.getMap<Y.Map<unknown>>('comments').get(threadId)!;
    entry.delete('resolvedBy');
    entry.delete('resolvedAt');
    entry.set('resolved', true);
    const root = listThreads(doc, planId)[0]!.root;
    expect(root).toMatchObject({ resolved: true, resolvedBy: null });
    expect(resolvedText(root, space, t)).toBe('Resolved');
  });

  it.each(['be', 'ru', 'uk'] as const)('is translated in %s', (language) => {
    const tr = translator(language);
    const text = resolvedText({ resolvedBy: ALESIA }, space, tr);
    expect(text).toContain('Alesia');
    expect(text).not.toContain('Resolved');
  });
});
