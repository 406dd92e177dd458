// Disguise mode's plain file: readable while locked, holding the disguise id and nothing else, and
// falling back to the app's own look when missing or damaged.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APPEARANCE_FILE_NAME,
  createAppearance,
  readDisguise,
  writeDisguise,
} from '../../src-main/core/settings/appearance-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suviaz-appearance-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (): string => join(dir, APPEARANCE_FILE_NAME);

describe('the appearance file', () => {
  it('is absent without a disguise, and none is read', () => {
    expect(readDisguise(dir)).toBe('none');
    expect(existsSync(file())).toBe(false);
  });

  it('stores a disguise and reads it back', () => {
    writeDisguise(dir, 'calculator');
    expect(readDisguise(dir)).toBe('calculator');
    writeDisguise(dir, 'weather');
    expect(readDisguise(dir)).toBe('weather');
  });

  it('holds the disguise id and nothing else, under a generic name, with no temporary file left', () => {
    writeDisguise(dir, 'notes');
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ appearance: 'notes' });
    expect(readdirSync(dir)).toEqual([APPEARANCE_FILE_NAME]);
    expect(APPEARANCE_FILE_NAME).not.toMatch(/suviaz|disguise/i);
  });

  it('is deleted when the disguise is turned off', () => {
    writeDisguise(dir, 'notes');
    writeDisguise(dir, 'none');
    expect(readdirSync(dir)).toEqual([]);
    expect(readDisguise(dir)).toBe('none');
  });

  it.each([
    ['not JSON', '{appearance: notes'],
    ['an unknown id', '{"appearance":"suviaz"}'],
    ['another shape', '["notes"]'],
    ['null', 'null'],
    ['empty', ''],
  ])('falls back to none when damaged (%s)', (_what, text) => {
    writeFileSync(file(), text);
    expect(readDisguise(dir)).toBe('none');
  });
});

describe('createAppearance', () => {
  it('starts from the file and tells listeners about a change, once', () => {
    writeDisguise(dir, 'weather');
    const appearance = createAppearance(dir);
    expect(appearance.get()).toBe('weather');
    const seen: string[] = [];
    const off = appearance.onChange((disguise) => seen.push(disguise));
    appearance.set('calculator');
    appearance.set('calculator');
    off();
    appearance.set('none');
    expect(seen).toEqual(['calculator']);
    expect(readDisguise(dir)).toBe('none');
  });

  it('rewrites a file deleted behind its back when set again', () => {
    const appearance = createAppearance(dir);
    appearance.set('notes');
    rmSync(file());
    appearance.set('notes');
    expect(readDisguise(dir)).toBe('notes');
  });
});
