// Disguise mode in the Electron shell: the window's title and icon, the Dock icon on macOS and the
// taskbar grouping on Windows. The renderer sets the translated title itself (document.title).
// What cannot change at run time (the process name, the menu bar name) is in docs/threat-model.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, nativeImage, type BrowserWindow } from 'electron';
import { ENGLISH_NAMES, iconFileName, type Disguise } from '../../src-shared/disguise';

/** The packaged app's id (electron-builder.yml appId); its shortcuts carry the app's own icon. */
const OWN_APP_USER_MODEL_ID = 'org.suviaz.app';

/**
 * The PNG icon for a disguise, when the build has one (Electron cannot use SVG for windows). Absent
 * PNGs leave the window with the packaged icon.
 */
function iconPath(rendererDir: string, disguise: Disguise): string | undefined {
  const path = join(rendererDir, 'icons', iconFileName(disguise, 'png'));
  return existsSync(path) ? path : undefined;
}

/** Title and icon for a new window, before its page has loaded and set the translated title. */
export function initialWindowLook(
  rendererDir: string,
  disguise: Disguise,
): { title: string; icon?: string } {
  const icon = iconPath(rendererDir, disguise);
  return icon ? { title: ENGLISH_NAMES[disguise], icon } : { title: ENGLISH_NAMES[disguise] };
}

/**
 * Windows groups taskbar buttons by AppUserModelID and shows the icon of the shortcut with the same
 * id, i.e. the app's own. A disguised app takes an id of its own so the window's icon is shown.
 * Only takes effect before the first window opens: called at start.
 */
export function setTaskbarIdentity(disguise: Disguise): void {
  if (process.platform !== 'win32') return;
  app.setAppUserModelId(disguise === 'none' ? OWN_APP_USER_MODEL_ID : ENGLISH_NAMES[disguise]);
}

/** A change in Settings: the icon follows at once (the title follows from the page). */
export function applyWindowIcon(
  window: BrowserWindow | undefined,
  rendererDir: string,
  disguise: Disguise,
): void {
  const path = iconPath(rendererDir, disguise);
  if (!path) return;
  const image = nativeImage.createFromPath(path);
  if (image.isEmpty()) return;
  // setIcon exists on Windows and Linux; macOS shows the Dock icon instead.
  if (process.platform === 'darwin') app.dock?.setIcon(image);
  else window?.setIcon(image);
}
