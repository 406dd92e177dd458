// Names on the plan screen: another member's cursor label stays on one short line, and the notice of
// a restore names who restored which version (never a device key), in every language.
import { translator } from '../support/renderer-i18n';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SpaceSummary } from '../../src-shared/api';
import { createPlan, listVersions, planBody, saveVersion } from '../../src-shared/plans/plan-model';
import { cursorLabel } from '../../src-renderer/plans/plan-labels';
import {
  lastRestore,
  restoreAndRecord,
  restoreNotice,
} from '../../src-renderer/plans/restore-record';

describe('cursor labels', () => {
  it('keep a short name as it is', () => {
    expect(cursorLabel('Alesia')).toBe('Alesia');
    expect(cursorLabel('Sixteen chars ok')).toBe('Sixteen chars ok');
  });

  it('shorten a long name to 16 characters with an ellipsis', () => {
    const label = cursorLabel('Aliaksandra Tsikhanouskaya-Shapavalava');
    expect(label).toBe('Aliaksandra Tsi…');
    expect(Array.from(label)).toHaveLength(16);
  });

  it('stay on one line and never end in a space before the ellipsis', () => {
    expect(cursorLabel('Ana\nMaria   de la Cruz Fernández')).toBe('Ana Maria de la…');
    expect(cursorLabel('  Bogdan  ')).toBe('Bogdan');
  });

  it('never cut an emoji or other character outside the basic plane in half', () => {
    const label = cursorLabel('🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻');
    expect(label).toBe(`${'🌻'.repeat(15)}…`);
    // No lone surrogate (what cutting a character in half leaves behind).
    expect(/[\uD800-\uDFFF]/u.test(label)).toBe(false);
  });
});

const ALESIA = 'a'.repeat(64);
const BOGDAN = 'b'.repeat(64);
const T0 = 1_700_000_000_000;

function space(members: { deviceKey: string; name: string | null }[]) {
  return { members, formerMembers: [] } as unknown as Pick<
    SpaceSummary,
    'members' | 'formerMembers'
  >;
}

function setup() {
  const doc = new Y.Doc();
  const planId = createPlan(doc, { title: 'Plan', by: ALESIA, at: T0 });
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('first draft')]);
  planBody(doc, planId).insert(0, [paragraph]);
  const named = saveVersion(doc, {
    planId,
    name: 'Before the press release',
    auto: false,
    at: T0,
    author: ALESIA,
    authorName: 'Alesia',
  });
  const auto = saveVersion(doc, {
    planId,
    name: null,
    auto: true,
    at: T0 + 1000,
    author: BOGDAN,
    authorName: 'Bogdan',
  });
  const version = (id: string | null) => listVersions(doc, planId).find((v) => v.id === id)!;
  return { doc, planId, named: version(named), auto: version(auto) };
}

describe('the restore notice', () => {
  const t = translator('en');

  it('is recorded in the shared document with the restore, and read back', () => {
    const { doc, planId, named } = setup();
    expect(lastRestore(doc, planId)).toBeNull();
    restoreAndRecord(doc, named, ALESIA, T0 + 5000);
    expect(lastRestore(doc, planId)).toEqual({
      by: ALESIA,
      versionId: named.id,
      name: 'Before the press release',
      at: T0 + 5000,
    });
  });

  it('reaches another replica in the same update as the restored text', () => {
    const { doc, planId, named } = setup();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    let updates = 0;
    doc.on('update', (update: Uint8Array) => {
      updates++;
      Y.applyUpdate(other, update);
    });
    restoreAndRecord(doc, named, ALESIA, T0 + 5000);
    expect(updates).toBe(1);
    expect(lastRestore(other, planId)?.versionId).toBe(named.id);
  });

  it('names who restored which version', () => {
    const { doc, planId, named } = setup();
    restoreAndRecord(doc, named, ALESIA, T0 + 5000);
    const record = lastRestore(doc, planId)!;
    const members = space([{ deviceKey: ALESIA, name: 'Alesia' }]);
    expect(restoreNotice(record, members, listVersions(doc, planId), t, 'en')).toBe(
      'Alesia restored “Before the press release”',
    );
  });

  it('dates an automatic version, and says "a member" rather than show a key', () => {
    const { doc, planId, auto } = setup();
    restoreAndRecord(doc, auto, BOGDAN, T0 + 5000);
    const record = lastRestore(doc, planId)!;
    const text = restoreNotice(record, space([]), listVersions(doc, planId), t, 'en');
    expect(text).toMatch(/^A member restored the automatic version of .*2023/);
    expect(text).not.toContain('bbbb');
  });

  it('keeps the version name it recorded when the version itself is gone', () => {
    const { doc, planId, named } = setup();
    restoreAndRecord(doc, named, ALESIA, T0 + 5000);
    const record = lastRestore(doc, planId)!;
    const members = space([{ deviceKey: ALESIA, name: 'Alesia' }]);
    expect(restoreNotice(record, members, [], t, 'en')).toBe(
      'Alesia restored “Before the press release”',
    );
    expect(restoreNotice({ ...record, name: null }, members, [], t, 'en')).toBe(
      'Alesia restored an earlier version',
    );
  });

  it('ignores a record that does not fit (another member wrote it)', () => {
    const { doc, planId } = setup();
    const entry = doc.getMap<Y.Map<unknown>>('plans').get(planId)!;
    for (const bad of [
      'text',
      { by: 'short', versionId: 'f'.repeat(32), name: null, at: 1 },
      { by: ALESIA, versionId: 'nope', name: null, at: 1 },
      { by: ALESIA, versionId: 'f'.repeat(32), name: 7, at: 1 },
      { by: ALESIA, versionId: 'f'.repeat(32), name: null, at: Number.NaN },
    ]) {
      entry.set('lastRestore', bad);
      expect(lastRestore(doc, planId)).toBeNull();
    }
  });

  it.each(['be', 'ru', 'uk'] as const)('is translated in %s', (language) => {
    const { doc, planId, named } = setup();
    restoreAndRecord(doc, named, ALESIA, T0 + 5000);
    const text = restoreNotice(
      lastRestore(doc, planId)!,
      space([{ deviceKey: ALESIA, name: 'Алеся' }]),
      listVersions(doc, planId),
      translator(language),
      language,
    );
    expect(text).toContain('Алеся');
    expect(text).toContain('Before the press release');
    expect(text).not.toContain('restored');
  });
});
