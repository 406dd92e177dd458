// The plan model over a space's Y.Doc: plans, tasks (merged field by field), comment threads,
// versions (saved, pruned, restored as a new edit), templates, and readers that skip what a
// malicious member wrote in the wrong shape.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../../src-shared/limits';
import {
  addComment,
  addTask,
  createPlan,
  deletePlan,
  duplicatePlan,
  isOverdue,
  listPlans,
  listTasks,
  listThreads,
  listVersions,
  planBody,
  replyToComment,
  restoreVersion,
  saveVersion,
  setThreadResolved,
  updateTask,
} from '../../src-shared/plans/plan-model';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);

/** Two replicas that exchange every update, like two members through the relay. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(b, u, 'sync'),
  );
  b.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(a, u, 'sync'),
  );
  return [a, b];
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}
const bodyText = (doc: Y.Doc, planId: string) => planBody(doc, planId).toString();

describe('plan model', () => {
  it('lists plans in creation order and hides deleted ones', () => {
    const doc = new Y.Doc();
    const first = createPlan(doc, { title: 'Spring campaign', by: ALICE, at: 1 });
    const second = createPlan(doc, { title: 'Press kit', by: BOB, at: 2 });
    expect(listPlans(doc).map((p) => p.title)).toEqual(['Spring campaign', 'Press kit']);
    deletePlan(doc, first);
    expect(listPlans(doc).map((p) => p.id)).toEqual([second]);
  });

  it('merges two people changing different fields of one task', () => {
    const [a, b] = pair();
    const planId = createPlan(a, { title: 'Plan', by: ALICE, at: 1 });
    const taskId = addTask(a, {
      planId,
      title: 'Book the hall',
      assignee: null,
      due: null,
      anchor: null,
      createdAt: 2,
      createdBy: ALICE,
    });
    updateTask(a, taskId, { status: 'in-progress' });
    updateTask(b, taskId, { assignee: BOB, due: '2026-12-01' });
    for (const doc of [a, b]) {
      expect(listTasks(doc, planId)).toEqual([
        expect.objectContaining({
          title: 'Book the hall',
          status: 'in-progress',
          assignee: BOB,
          due: '2026-12-01',
        }),
      ]);
    }
  });

  it('marks a task overdue only when its day has passed and it is not done', () => {
    expect(isOverdue({ due: '2026-11-23', status: 'todo' }, '2026-11-24')).toBe(true);
    expect(isOverdue({ due: '2026-11-24', status: 'todo' }, '2026-11-24')).toBe(false);
    expect(isOverdue({ due: '2026-11-01', status: 'done' }, '2026-11-24')).toBe(false);
    expect(isOverdue({ due: null, status: 'blocked' }, '2026-11-24')).toBe(false);
  });

  it('skips what a member wrote in the wrong shape instead of failing', () => {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Plan', by: ALICE, at: 1 });
    const bad = new Y.Map<unknown>();
    bad.set('planId', planId);
    bad.set('title', 42);
    bad.set('status', 'todo');
    doc.getMap('tasks').set('f'.repeat(32), bad);
    const worse = new Y.Map<unknown>();
    worse.set('planId', planId);
    worse.set('title', 'x'.repeat(LIMITS.plans.taskTitleMaxChars + 1));
    worse.set('status', 'todo');
    worse.set('createdAt', 1);
    worse.set('createdBy', ALICE);
    doc.getMap('tasks').set('e'.repeat(32), worse);
    doc.getMap('tasks').set('not-an-id', new Y.Map());
    doc.getMap('plans').set('d'.repeat(32), new Y.Map());
    addTask(doc, {
      planId,
      title: 'Fine',
      assignee: ALICE,
      due: '2026-12-24',
      anchor: null,
      createdAt: 3,
      createdBy: ALICE,
    });
    expect(listTasks(doc).map((t) => t.title)).toEqual(['Fine']);
    expect(listPlans(doc)).toHaveLength(1);
  });

  it("leaves out a plan or comment whose time no view could show (a modified app's)", () => {
    const [a] = pair();
    const planId = createPlan(a, { title: 'Plan', by: ALICE, at: 1 });
    const far = createPlan(a, { title: 'From far away', by: ALICE, at: 2 });
    a.getMap<Y.Map<unknown>>('plans').get(far)?.set('createdAt', 1e300);
    const threadId = addComment(a, {
      planId,
      author: ALICE,
      authorName: 'Alesya',
      text: 'When?',
      at: 10,
      anchor: 'AAA=',
      head: 'AAE=',
      quote: 'date',
    });
    a.getMap<Y.Map<unknown>>('comments').get(threadId)?.set('at', 1e16);
    // Formatting either as a date throws: the views would go blank for every member.
    expect(() => new Date(1e16).toISOString()).toThrow();
    expect(listPlans(a).map((p) => p.title)).toEqual(['Plan']);
    expect(listThreads(a, planId)).toEqual([]);
  });

  it('keeps comment threads with replies, resolvable and reopenable', () => {
    const [a, b] = pair();
    const planId = createPlan(a, { title: 'Plan', by: ALICE, at: 1 });
    const threadId = addComment(a, {
      planId,
      author: ALICE,
      authorName: 'Alesya',
      text: 'Is this date final?',
      at: 10,
      anchor: 'AAA=',
      head: 'AAE=',
      quote: '12 December',
    });
    replyToComment(b, threadId, {
      planId,
      author: BOB,
      authorName: 'Bogdan',
      text: 'Yes, confirmed.',
      at: 11,
    });
    setThreadResolved(a, threadId, true, ALICE, 12);
    const [thread] = listThreads(b, planId);
    expect(thread?.root).toMatchObject({ quote: '12 December', resolved: true, resolvedBy: ALICE });
    expect(thread?.replies.map((r) => r.text)).toEqual(['Yes, confirmed.']);
    setThreadResolved(b, threadId, false, BOB, 13);
    expect(listThreads(a, planId)[0]?.root.resolved).toBe(false);
  });

  it('restores a version as a new edit that both replicas see; later versions stay listed', () => {
    const [a, b] = pair();
    const planId = createPlan(a, { title: 'Plan', by: ALICE, at: 1 });
    planBody(a, planId).insert(0, [paragraph('First draft')]);
    const v1 = saveVersion(a, {
      planId,
      name: 'Draft 1',
      auto: false,
      at: 2,
      author: ALICE,
      authorName: 'Alesya',
    });
    planBody(b, planId).insert(1, [paragraph('Vandalised')]);
    saveVersion(b, { planId, name: null, auto: true, at: 3, author: BOB, authorName: 'Bogdan' });
    expect(bodyText(a, planId)).toContain('Vandalised');

    const draft = listVersions(a, planId).find((v) => v.id === v1);
    if (!draft) throw new Error('version missing');
    restoreVersion(b, draft);
    expect(bodyText(a, planId)).toBe('<paragraph>First draft</paragraph>');
    expect(bodyText(b, planId)).toBe(bodyText(a, planId));
    expect(listVersions(a, planId).map((v) => v.name)).toEqual([null, 'Draft 1']);
  });

  it("survives what a member's modified app puts into versions and the body", () => {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Plan', by: ALICE, at: 1 });
    planBody(doc, planId).insert(0, [paragraph('Our text')]);
    const good = saveVersion(doc, {
      planId,
      name: 'Good',
      auto: false,
      at: 2,
      author: ALICE,
      authorName: '',
    });
    // A version whose body holds something that is no element or text.
    const odd = new Y.Doc();
    odd.getArray('body').insert(0, [{}]);
    const oddId = saveVersion(doc, {
      planId,
      name: 'Odd',
      auto: false,
      at: 3,
      author: BOB,
      authorName: '',
    });
    if (!oddId) throw new Error('no version');
    doc.getMap<Y.Map<unknown>>('versions').get(oddId)?.set('content', Y.encodeStateAsUpdate(odd));
    const oddVersion = listVersions(doc, planId).find((v) => v.id === oddId);
    if (!oddVersion) throw new Error('version missing');
    // Restoring it leaves what can be restored; the body is never emptied half way.
    expect(() => restoreVersion(doc, oddVersion)).not.toThrow();
    // A version that is not even a Yjs update: refused whole, the body as it was.
    const broken = { ...oddVersion, content: new Uint8Array([0]) };
    const before = bodyText(doc, planId);
    expect(() => restoreVersion(doc, broken)).toThrow();
    expect(bodyText(doc, planId)).toBe(before);
    const goodVersion = listVersions(doc, planId).find((v) => v.id === good);
    if (!goodVersion) throw new Error('version missing');
    restoreVersion(doc, goodVersion);
    expect(bodyText(doc, planId)).toBe('<paragraph>Our text</paragraph>');
  });

  it('keeps no version of, and makes no copy of, a body too long to go out as one edit', () => {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Long', by: ALICE, at: 0 });
    planBody(doc, planId).insert(0, [paragraph('x'.repeat(LIMITS.plans.copyMaxBytes + 1))]);
    const v = { planId, name: 'All of it', auto: false, at: 1, author: ALICE, authorName: '' };
    expect(saveVersion(doc, v)).toBeNull();
    expect(listVersions(doc, planId)).toEqual([]);
    expect(duplicatePlan(doc, planId, { title: 'Copy', by: ALICE, at: 2 })).toBeNull();
    expect(listPlans(doc)).toHaveLength(1);
  });

  it('keeps the version just saved even when the others are dated ahead of it', () => {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Plan', by: ALICE, at: 0 });
    for (let i = 0; i < LIMITS.plans.autoVersionsKept; i++) {
      saveVersion(doc, {
        planId,
        name: null,
        auto: true,
        at: 1e12 + i,
        author: BOB,
        authorName: '',
      });
    }
    // The copy a restore saves of the text it replaces, on a clock behind the others.
    const copy = saveVersion(doc, {
      planId,
      name: null,
      auto: true,
      at: 10,
      author: ALICE,
      authorName: '',
    });
    const autos = listVersions(doc, planId).filter((v) => v.auto);
    expect(autos.map((v) => v.id)).toContain(copy);
    expect(autos).toHaveLength(LIMITS.plans.autoVersionsKept);
  });

  it('keeps only the newest automatic versions, and every named one', () => {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Plan', by: ALICE, at: 0 });
    saveVersion(doc, { planId, name: 'Named', auto: false, at: 1, author: ALICE, authorName: '' });
    for (let i = 0; i < LIMITS.plans.autoVersionsKept + 5; i++) {
      saveVersion(doc, {
        planId,
        name: null,
        auto: true,
        at: 10 + i,
        author: ALICE,
        authorName: '',
      });
    }
    const versions = listVersions(doc, planId);
    expect(versions.filter((v) => v.auto)).toHaveLength(LIMITS.plans.autoVersionsKept);
    expect(versions.filter((v) => !v.auto).map((v) => v.name)).toEqual(['Named']);
    expect(versions[0]?.at).toBe(10 + LIMITS.plans.autoVersionsKept + 4);
  });

  it('duplicates a plan as a template without its tasks', () => {
    const doc = new Y.Doc();
    const planId = createPlan(doc, { title: 'Campaign', by: ALICE, at: 1 });
    planBody(doc, planId).insert(0, [paragraph('Goals'), paragraph('Timeline')]);
    addTask(doc, {
      planId,
      title: 'Task',
      assignee: null,
      due: null,
      anchor: null,
      createdAt: 2,
      createdBy: ALICE,
    });
    const copy = duplicatePlan(doc, planId, { title: 'Campaign (template)', by: BOB, at: 3 });
    if (!copy) throw new Error('not copied');
    expect(bodyText(doc, copy)).toBe(bodyText(doc, planId));
    planBody(doc, copy).insert(0, [paragraph('Only in the copy')]);
    expect(bodyText(doc, planId)).not.toContain('Only in the copy');
    expect(listTasks(doc, copy)).toEqual([]);
  });
});
