// The one setting readable while the vault is locked: which disguise the app wears. The locked
// screen is what a searcher sees, so it must be disguised before any unlock; the vault keeps its own
// copy of the setting. This plain file holds the disguise id and nothing else; its name is generic
// on purpose, but its presence and content do reveal that a disguise is set (docs/threat-model.md).
import fs from 'node:fs';
import path from 'node:path';
import { parseDisguise, type Disguise } from '../../../src-shared/disguise';

export const APPEARANCE_FILE_NAME = 'preferences.json';
const TEMP_SUFFIX = '.tmp';

/** The disguise in `dir`; a missing, unreadable or damaged file means none (the app's own look). */
export function readDisguise(dir: string): Disguise {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, APPEARANCE_FILE_NAME), 'utf8');
  } catch {
    return 'none';
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return 'none';
    return parseDisguise((parsed as { appearance?: unknown }).appearance);
  } catch {
    return 'none';
  }
}

/**
 * Stores the disguise: written to a temporary file and renamed over the old one, so a crash leaves
 * the old or the new file, never half of one. None deletes the file: no disguise leaves no trace.
 */
export function writeDisguise(dir: string, disguise: Disguise): void {
  const file = path.join(dir, APPEARANCE_FILE_NAME);
  if (disguise === 'none') {
    fs.rmSync(file, { force: true });
    fs.rmSync(file + TEMP_SUFFIX, { force: true });
    return;
  }
  const temp = file + TEMP_SUFFIX;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify({ appearance: disguise })}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

export interface Appearance {
  get(): Disguise;
  set(disguise: Disguise): void;
  onChange(listener: (disguise: Disguise) => void): () => void;
}

/** The disguise of one data folder, with a notice to the shells (window title, icon) on a change. */
export function createAppearance(dir: string): Appearance {
  let current = readDisguise(dir);
  const listeners = new Set<(disguise: Disguise) => void>();
  return {
    get: () => current,
    set(disguise) {
      // Always written: the file may have been deleted or damaged behind our back.
      writeDisguise(dir, disguise);
      if (disguise === current) return;
      current = disguise;
      for (const listener of listeners) listener(disguise);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
