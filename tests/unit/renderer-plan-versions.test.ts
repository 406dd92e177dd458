// Automatic versions of a plan: at most one per interval while someone edits, only when the text
// changed, never held back by a member whose clock runs ahead, and one before a restore.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../../src-shared/limits';
import { createPlan, listVersions, planBody, saveVersion } from '../../src-shared/plans/plan-model';
import {
  bodyChangedSince,
  lastVersion,
  saveAutoVersionIfChanged,
  saveAutoVersionIfDue,
} from '../../src-renderer/plans/auto-version';

const ME = { deviceKey: 'a'.repeat(64), name: 'Anna' };
const EVERY = LIMITS.plans.autoVersionEveryMs;
const T0 = 1_700_000_000_000;

function setup() {
  const doc = new Y.Doc();
  const planId = createPlan(doc, { title: 'Plan', by: ME.deviceKey, at: T0 });
  const type = (text: string) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const body = planBody(doc, planId);
    body.insert(body.length, [paragraph]);
  };
  return { doc, planId, type };
}

describe('automatic versions', () => {
  it('are saved at most once per interval, and only when the text changed', () => {
    const { doc, planId, type } = setup();
    expect(saveAutoVersionIfDue(doc, planId, ME, T0)).toBeNull();

    type('first');
    expect(saveAutoVersionIfDue(doc, planId, ME, T0)).not.toBeNull();
    type('second');
    expect(saveAutoVersionIfDue(doc, planId, ME, T0 + EVERY - 1)).toBeNull();
    expect(saveAutoVersionIfDue(doc, planId, ME, T0 + EVERY)).not.toBeNull();
    // Nothing new since: no version, however long ago the last one was.
    expect(saveAutoVersionIfDue(doc, planId, ME, T0 + 5 * EVERY)).toBeNull();

    const versions = listVersions(doc, planId);
    expect(versions.map((v) => [v.auto, v.name, v.author, v.authorName])).toEqual([
      [true, null, ME.deviceKey, 'Anna'],
      [true, null, ME.deviceKey, 'Anna'],
    ]);
  });

  it('go on after a version another member saved damaged', () => {
    const { doc, planId, type } = setup();
    type('our text');
    const id = saveVersion(doc, {
      planId,
      name: null,
      auto: true,
      at: T0,
      author: 'b'.repeat(64),
      authorName: '',
    });
    if (!id) throw new Error('no version');
    doc
      .getMap<Y.Map<unknown>>('versions')
      .get(id)
      ?.set('content', new Uint8Array([0]));
    // The damaged one is the last: it holds nothing of the text, so a new version is saved.
    expect(() => saveAutoVersionIfDue(doc, planId, ME, T0 + EVERY)).not.toThrow();
    expect(listVersions(doc, planId)).toHaveLength(2);
  });

  it('count a named version as the last one', () => {
    const { doc, planId, type } = setup();
    type('text');
    saveVersion(doc, {
      planId,
      name: 'Draft',
      auto: false,
      at: T0,
      author: ME.deviceKey,
      authorName: 'Anna',
    });
    type('more');
    expect(saveAutoVersionIfDue(doc, planId, ME, T0 + 1000)).toBeNull();
  });

  it('are not held back by a version dated in the future', () => {
    const { doc, planId, type } = setup();
    type('text');
    saveVersion(doc, {
      planId,
      name: 'From the future',
      auto: false,
      at: T0 + 100 * EVERY,
      author: 'b'.repeat(64),
      authorName: 'B',
    });
    expect(lastVersion(doc, planId, T0)).toBeNull();
    expect(saveAutoVersionIfDue(doc, planId, ME, T0)).not.toBeNull();
    type('more');
    // The future version must not make every edit a new version either.
    expect(saveAutoVersionIfDue(doc, planId, ME, T0 + 1000)).toBeNull();
  });

  it('keep the text a restore replaces, unless the last version already has it', () => {
    const { doc, planId, type } = setup();
    type('kept');
    expect(saveAutoVersionIfChanged(doc, planId, ME, T0)).not.toBeNull();
    expect(saveAutoVersionIfChanged(doc, planId, ME, T0 + 1)).toBeNull();
    expect(bodyChangedSince(doc, planId, lastVersion(doc, planId, T0 + 1))).toBe(false);
    type('new');
    expect(bodyChangedSince(doc, planId, lastVersion(doc, planId, T0 + 2))).toBe(true);
  });
});
