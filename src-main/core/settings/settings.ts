// User settings, one JSON value per name in the vault's settings table. Missing or unreadable values
// fall back to defaults, so a setting added by a later version never blocks an older vault.
import { Settings } from '../../../src-shared/api';
import { LIMITS } from '../../../src-shared/limits';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import { mapStorageError } from '../vault/vault';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  autoLockMinutes: LIMITS.autoLockDefaultMinutes,
  relayUrl: '',
  displayName: '',
  proxy: { kind: 'none' } as Settings['proxy'],
  remindersShowTitle: false,
  screenCaptureProtection: false,
  disguise: 'none',
  briefingAttachmentMaxMb: LIMITS.briefingAttachments.defaultMaxBytes / (1024 * 1024),
  briefingNotificationsShowTitle: false,
});

export function getSettings(db: Db): Settings {
  const rows = db
    .prepare<[], { name: string; value: string }>('SELECT name, value FROM settings')
    .all();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const shape = Settings.shape;
  for (const { name, value } of rows) {
    if (!Object.hasOwn(shape, name)) continue;
    const key = name as keyof Settings;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    const checked = shape[key].safeParse(parsed);
    // The shape's own schema for this very key checked the value, so it has this key's type.
    if (checked.success) (settings as Record<keyof Settings, unknown>)[key] = checked.data;
  }
  return settings;
}

export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  const checked = Settings.partial().strict().safeParse(patch);
  if (!checked.success) {
    throw new SuviazError('invalid-args', `Invalid settings: ${checked.error.message}`);
  }
  const upsert = db.prepare(
    'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  try {
    db.transaction(() => {
      for (const [name, value] of Object.entries(checked.data)) {
        if (value !== undefined) upsert.run(name, JSON.stringify(value));
      }
    })();
  } catch (error) {
    throw mapStorageError(error);
  }
  return getSettings(db);
}
