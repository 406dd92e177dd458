// Who a task is assigned to, by name; unnamed devices told apart by their safety number; members who
// left still shown; and the new-task drafts kept per plan for the session.
import { describe, expect, it } from 'vitest';
import type { SpaceMember } from '../../src-shared/api';
import { findAssignee, goneLabel, memberLabel } from '../../src-renderer/tasks/task-assignee';
import { EMPTY_DRAFT, TasksSession } from '../../src-renderer/tasks/tasks-session';

function member(overrides: Partial<SpaceMember>): SpaceMember {
  return {
    deviceKey: 'a'.repeat(64),
    role: 'editor',
    fingerprint: '12345 67890 11111 22222 33333 44444 55555 66666 77777 88888 99999 00000',
    isMe: false,
    name: 'Alesia',
    verified: false,
    keyChangedFrom: null,
    memberSince: 0,
    ...overrides,
  };
}

describe('a task’s assignee', () => {
  const alesia = member({});
  const unnamed = member({ deviceKey: 'b'.repeat(64), name: null });
  const members = [alesia, unnamed];

  it('is nobody, a current member, or a device that is no longer one', () => {
    expect(findAssignee(null, members)).toEqual({ kind: 'none' });
    expect(findAssignee('a'.repeat(64), members)).toEqual({ kind: 'member', member: alesia });
    expect(findAssignee('c'.repeat(64), members)).toEqual({
      kind: 'gone',
      deviceKey: 'c'.repeat(64),
    });
  });

  it('is shown by name, or as an unnamed device with the start of its safety number', () => {
    expect(memberLabel(alesia, 'Unnamed device')).toBe('Alesia');
    expect(memberLabel(unnamed, 'Unnamed device')).toBe('Unnamed device 12345 67890');
    expect(memberLabel(member({ name: '   ' }), 'Unnamed device')).toBe(
      'Unnamed device 12345 67890',
    );
    expect(memberLabel(member({ name: null, fingerprint: '' }), 'Unnamed device')).toBe(
      'Unnamed device',
    );
  });

  it('who left is shown by the start of their device key', () => {
    expect(goneLabel('c'.repeat(64))).toBe('cccccccc…');
  });
});

describe('the session of the task panels', () => {
  it('keeps a draft per plan and forgets empty ones', () => {
    const session = new TasksSession();
    const draft = { ...EMPTY_DRAFT, title: 'Print leaflets' };
    session.keepDraft('doc:plan1', draft);
    expect(session.draft('doc:plan1')).toEqual(draft);
    expect(session.draft('doc:plan2')).toEqual(EMPTY_DRAFT);
    session.keepDraft('doc:plan1', EMPTY_DRAFT);
    expect(session.draft('doc:plan1')).toBe(EMPTY_DRAFT);
  });

  it('remembers the chosen view', () => {
    const session = new TasksSession();
    expect(session.lastView()).toBe('list');
    session.chooseView('board');
    expect(session.lastView()).toBe('board');
  });
});
