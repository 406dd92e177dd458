// What a lock asks before it throws away what only the screen holds: unsaved changes, a briefing
// being sent or written, an event being written, words typed in a plan's forms; each alone in its
// own words, several in one question that names them all, in every language.
import { afterEach, describe, expect, it } from 'vitest';
import {
  briefingBeingSent,
  briefingDraftWaiting,
  changeDraft,
  draftEntry,
  dropAllDrafts,
  startOver,
} from '../../src-renderer/briefings/briefing-drafts';
import { TasksSession } from '../../src-renderer/tasks/tasks-session';
import {
  LOCK_PROMPTS,
  lockConcerns,
  lockPrompt,
  type LockConcern,
} from '../../src-renderer/workspace/lock-concerns';
import { LockHolds } from '../../src-renderer/workspace/lock-holds';
import { LANGUAGES, translator, type Language } from '../support/renderer-i18n';

const NONE: Record<LockConcern, boolean> = {
  unsaved: false,
  sending: false,
  briefingDraft: false,
  eventDraft: false,
  planDraft: false,
};
const ALL = Object.keys(LOCK_PROMPTS) as LockConcern[];

describe('the lock question', () => {
  it('is not asked when a lock loses nothing', () => {
    expect(lockConcerns(NONE)).toEqual([]);
    expect(lockPrompt([])).toBeNull();
  });

  it('keeps its words for unsaved changes, and for a send alone', () => {
    expect(lockPrompt(['unsaved'])).toEqual({
      title: 'header.unsavedTitle',
      text: 'header.unsavedText',
      confirm: 'header.lockAnyway',
      items: [],
    });
    expect(lockPrompt(['sending'])).toMatchObject({
      title: 'header.sendingTitle',
      confirm: 'header.lockStopSending',
    });
  });

  it('asks about a briefing draft, an event being written and a comment not posted', () => {
    const t = translator('en');
    const asked = (concern: LockConcern): string => {
      const prompt = lockPrompt(lockConcerns({ ...NONE, [concern]: true }));
      return prompt ? `${t(prompt.title)} ${t(prompt.text)} / ${t(prompt.confirm)}` : 'nothing';
    };
    expect(asked('briefingDraft')).toMatch(/unsent briefing draft.*\/ Lock and discard$/);
    expect(asked('eventDraft')).toMatch(/event is not saved.*\/ Lock and discard$/);
    expect(asked('planDraft')).toMatch(/comment is not posted.*\/ Lock and discard$/);
  });

  it('names unsaved changes and a send under way both, not only the first', () => {
    const t = translator('en');
    const prompt = lockPrompt(lockConcerns({ ...NONE, sending: true, unsaved: true }));
    expect(prompt).not.toBeNull();
    if (!prompt) return;
    expect(t(prompt.title)).toBe('Locking now would lose your work');
    expect(prompt.items.map((item) => t(item))).toEqual([
      'changes Suviaz could not store',
      'a briefing still being sent (the send stops)',
    ]);
    expect(t(prompt.confirm)).toBe('Lock and lose all of it');
  });

  it('lists every concern there is, in one order whatever order they were found in', () => {
    const prompt = lockPrompt([...ALL].reverse());
    expect(prompt?.items).toEqual(ALL.map((concern) => LOCK_PROMPTS[concern].item));
  });

  it.each(Object.keys(LANGUAGES) as Language[])('says all of it in %s', (language) => {
    const t = translator(language);
    const english = translator('en');
    for (const concern of ALL) {
      for (const key of Object.values(LOCK_PROMPTS[concern])) {
        // With no fallback, a missing text comes back as its key.
        expect(t(key), key).not.toBe(key);
        if (language !== 'en' && !key.startsWith('header.lockItems')) {
          expect(t(key), key).not.toBe(english(key));
        }
      }
    }
    for (const key of [
      'header.severalTitle',
      'header.severalText',
      'header.lockLoseAll',
    ] as const) {
      expect(t(key), key).not.toBe(key);
    }
  });
});

describe('what a lock would lose', () => {
  afterEach(dropAllDrafts);

  it('counts a briefing draft with something typed or attached, until it is sent or discarded', () => {
    const entry = draftEntry('space-1', 'space-1');
    expect(briefingDraftWaiting()).toBe(false);
    changeDraft(entry, (state) => ({
      ...state,
      fields: { ...state.fields, title: 'Detentions in Hrodna' },
      touched: true,
    }));
    expect(briefingDraftWaiting()).toBe(true);
    // While it is being sent, the send is what the question is about.
    changeDraft(entry, (state) => ({ ...state, sending: true }));
    expect(briefingDraftWaiting()).toBe(false);
    expect(briefingBeingSent()).toBe(true);
    changeDraft(entry, (state) => ({ ...state, sending: false }));
    startOver(entry);
    expect(briefingDraftWaiting()).toBe(false);
  });

  it('counts words typed in a plan’s comment, reply or new task, not blanks or choices', () => {
    const session = new TasksSession();
    expect(session.holdsUnpostedText()).toBe(false);
    session.keepCommentText('plan-1', 'a b', '   ');
    session.keepReplies('plan-1', new Map([['thread-1', '']]));
    session.keepDraft('plan-1', {
      title: ' ',
      assignee: 'device-1',
      due: '2026-05-01',
      link: null,
    });
    expect(session.holdsUnpostedText()).toBe(false);

    session.keepCommentText('plan-1', 'a b', 'Which prisoners first?');
    expect(session.holdsUnpostedText()).toBe(true);
    // Posted (the form clears it): nothing left.
    session.keepCommentText('plan-1', 'a b', '');
    expect(session.holdsUnpostedText()).toBe(false);

    session.keepReplies('plan-2', new Map([['thread-1', 'Agreed']]));
    expect(session.holdsUnpostedText()).toBe(true);
    session.keepReplies('plan-2', new Map([['thread-1', '']]));
    expect(session.holdsUnpostedText()).toBe(false);

    session.keepDraft('plan-3', { title: 'Call the lawyer', assignee: '', due: '', link: null });
    expect(session.holdsUnpostedText()).toBe(true);
  });

  it('counts an event being written for as long as its editor holds it', () => {
    const holds = new LockHolds();
    const first = holds.hold('eventDraft');
    const second = holds.hold('eventDraft');
    expect(holds.holding('eventDraft')).toBe(true);
    expect(holds.holding('planDraft')).toBe(false);
    first();
    expect(holds.holding('eventDraft')).toBe(true);
    second();
    expect(holds.holding('eventDraft')).toBe(false);
  });
});
