// Where the vault lives by default: the same per-user folder Electron's app.getPath('userData')
// gives for productName "Suviaz", so the app and the browser host open the same vault.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Suviaz');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Suviaz');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Suviaz');
}

/** The vault's own folder inside the user data folder (Electron keeps caches beside it). */
export function vaultDirIn(userDataDir: string): string {
  return join(userDataDir, 'vault');
}
