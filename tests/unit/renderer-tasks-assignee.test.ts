// Who a task is assigned to, by name: unnamed devices told apart by their safety number, members who
// were removed or left still shown with the reason (and kept in the picker), never a device key; and
// the new-task drafts kept per plan for the session, emptied (assignee too) after a task is added.
import { translator as translatorIn } from '../support/renderer-i18n';
import { describe, expect, it } from 'vitest';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { assigneeView } from '../../src-renderer/tasks/task-assignee';
import { draftAfterAdd, EMPTY_DRAFT, TasksSession } from '../../src-renderer/tasks/tasks-session';

const translator = () => translatorIn('en');

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
  const t = translator();
  const space: Pick<SpaceSummary, 'members' | 'formerMembers'> = {
    members: [member({}), member({ deviceKey: 'b'.repeat(64), name: null })],
    formerMembers: [
      { deviceKey: 'c'.repeat(64), name: 'Bahdan', how: 'removed' },
      { deviceKey: 'd'.repeat(64), name: 'Viera', how: 'left' },
    ],
  };

  it('is nobody, or a current member by name', () => {
    expect(assigneeView(null, space, t)).toEqual({
      standing: 'none',
      label: 'Unassigned',
      kept: null,
    });
    expect(assigneeView('a'.repeat(64), space, t)).toEqual({
      standing: 'member',
      label: 'Alesia',
      kept: null,
    });
  });

  it('without a name, is told apart by the start of the safety number', () => {
    expect(assigneeView('b'.repeat(64), space, t).label).toBe('A member (12345 67890)');
  });

  it('who was removed or left keeps the task, by name, and stays the picker’s choice', () => {
    expect(assigneeView('c'.repeat(64), space, t)).toEqual({
      standing: 'removed',
      label: 'Bahdan — removed',
      kept: 'c'.repeat(64),
    });
    expect(assigneeView('d'.repeat(64), space, t)).toEqual({
      standing: 'left',
      label: 'Viera — left',
      kept: 'd'.repeat(64),
    });
  });

  it('that this device knows nothing about is "A member", never a key', () => {
    const view = assigneeView('e'.repeat(64), space, t);
    expect(view).toEqual({ standing: 'unknown', label: 'A member', kept: 'e'.repeat(64) });
    expect(view.label).not.toContain('eeee');
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

  it('empties the form after a task is added, assignee included; only the link choice stays', () => {
    const filled = {
      title: 'Book the hall',
      assignee: 'a'.repeat(64),
      due: '2025-05-01',
      link: false,
    };
    expect(draftAfterAdd(filled)).toEqual({ ...EMPTY_DRAFT, link: false });
    expect(draftAfterAdd({ ...filled, link: null })).toEqual(EMPTY_DRAFT);
    const session = new TasksSession();
    session.keepDraft('doc:plan1', draftAfterAdd({ ...filled, link: null }));
    expect(session.draft('doc:plan1')).toBe(EMPTY_DRAFT);
  });

  it('remembers the chosen view', () => {
    const session = new TasksSession();
    expect(session.lastView()).toBe('list');
    session.chooseView('board');
    expect(session.lastView()).toBe('board');
  });
});
