// The comments panel's list: open threads, and a thread someone resolved while a reply to it was
// being typed here stays, with what was typed (it used to vanish with its reply box).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  createPlan,
  listThreads,
  setThreadResolved,
} from '../../src-shared/plans/plan-model';
import { visibleThreads } from '../../src-renderer/plans/visible-threads';

const ALICE = 'a'.repeat(64);

function planWithTwoThreads() {
  const doc = new Y.Doc();
  const planId = createPlan(doc, { title: 'Plan', by: ALICE, at: 1 });
  const comment = (text: string) =>
    addComment(doc, {
      planId,
      author: ALICE,
      authorName: 'Alesya',
      text,
      at: 10,
      anchor: 'AAA=',
      head: 'AAE=',
      quote: 'the date',
    });
  return { doc, planId, first: comment('Is this date final?'), second: comment('Who books it?') };
}

describe('the comment threads listed', () => {
  it('are the open ones, and the resolved ones only when asked', () => {
    const { doc, planId, first } = planWithTwoThreads();
    setThreadResolved(doc, first, true, ALICE, 12);
    const threads = listThreads(doc, planId);
    expect(visibleThreads(threads, false, new Map())).toHaveLength(1);
    expect(visibleThreads(threads, true, new Map())).toHaveLength(2);
  });

  it('keep a thread resolved elsewhere while a reply to it is being typed here', () => {
    const { doc, planId, first } = planWithTwoThreads();
    const typing = new Map([[first, 'Yes, the court confirmed it']]);
    setThreadResolved(doc, first, true, ALICE, 12);
    const threads = listThreads(doc, planId);
    expect(visibleThreads(threads, false, typing).map((t) => t.root.id)).toContain(first);
    // Sent or cleared: it goes like any resolved thread.
    expect(visibleThreads(threads, false, new Map([[first, '  ']]))).toHaveLength(1);
  });
});
