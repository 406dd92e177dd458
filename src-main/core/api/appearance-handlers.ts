// Disguise mode's side of the API: the disguise is read while locked from its own small file, and
// every change of the setting (in the vault) is copied to that file, so the locked app is disguised.
import type { Disguise } from '../../../src-shared/disguise';
import { getSettings, updateSettings } from '../settings/settings';
import type { Appearance } from '../settings/appearance-file';
import type { Session } from '../session/session';
import type { HandlerTable } from './dispatch';

export type AppearanceMethod = 'appearance.get';

export function withAppearance(
  handlers: Omit<HandlerTable, AppearanceMethod>,
  session: Session,
  appearance: Appearance,
): HandlerTable {
  const db = () => session.unlocked().vault.db;
  /** The vault's setting, or none when it cannot be read (then the file is left as it is). */
  const storedDisguise = (): Disguise | null => {
    try {
      return getSettings(db()).disguise;
    } catch {
      return null;
    }
  };
  return {
    ...handlers,
    'appearance.get': () => ({ disguise: appearance.get() }),
    'settings.update': async (patch) => {
      const settings = await handlers['settings.update'](patch);
      if (patch.disguise !== undefined) appearance.set(settings.disguise);
      return settings;
    },
    'vault.unlock': async (args) => {
      await handlers['vault.unlock'](args);
      // The vault's copy wins, written again: it restores a deleted or altered file.
      const stored = storedDisguise();
      if (stored !== null) appearance.set(stored);
    },
    'vault.create': async (args) => {
      const identity = await handlers['vault.create'](args);
      // A vault made after a panic wipe keeps the disguise the device already wears.
      const current = appearance.get();
      if (current !== 'none' && session.isUnlocked()) updateSettings(db(), { disguise: current });
      return identity;
    },
  };
}
