// Electron entry point: one hardened window onto the core. This folder is the only place (besides
// the preload) that imports electron; everything it drives lives in src-main/core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, Menu, powerMonitor } from 'electron';
import { createCore, type Core } from '../core/core';
import { vaultDirIn } from '../core/data-dir';
import { panicWipeFiles } from '../core/vault/panic-wipe';
import { readDisguise } from '../core/settings/appearance-file';
import type { Disguise } from '../../src-shared/disguise';
import { APP_ORIGIN, registerAppScheme, serveAppScheme } from './app-protocol';
import { electronShellPort, protectNewWindow } from './electron-shell-port';
import { wireIpc } from './ipc';
import { applySecurityPolicy } from './security-policy';
import { secureWebPreferences } from './web-preferences';
import { applyWindowIcon, initialWindowLook, setTaskbarIdentity } from './window-appearance';

// electron-vite sets this only under `electron-vite dev`; a packaged app always loads app://.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
const allowedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

let mainWindow: BrowserWindow | undefined;
let core: Core | undefined;
const rendererDir = join(import.meta.dirname, '../renderer');
/** Disguise mode: read from its file at start (before any unlock), then followed on every change. */
let disguise: Disguise = 'none';

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    ...initialWindowLook(rendererDir, disguise),
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  protectNewWindow(window);
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = vaultDirIn(app.getPath('userData'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // `suviaz --panic-wipe` (e.g. from a desktop shortcut): erased before anything opens it.
  if (process.argv.includes('--panic-wipe')) panicWipeFiles(dataDir);
  disguise = readDisguise(dataDir);
  setTaskbarIdentity(disguise);
  core = await createCore({ dataDir, shell: electronShellPort() });
  core.onEvent((event, payload) => {
    if (event !== 'appearance.changed') return;
    disguise = (payload as { disguise: Disguise }).disguise;
    applyWindowIcon(mainWindow, rendererDir, disguise);
  });

  serveAppScheme(rendererDir, () => disguise);
  applySecurityPolicy(allowedOrigins);
  wireIpc(core, () => mainWindow, allowedOrigins);
  // A locked screen or a sleeping laptop is when devices get taken: lock the vault too.
  const lockNow = (): void => void core?.call('vault.lock', {});
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  mainWindow = createWindow();
  app.on('activate', () => {
    // After a quick exit the window is hidden: the Dock icon brings it back (to the lock screen).
    if (mainWindow) mainWindow.show();
    else mainWindow = createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', (_event, argv) => {
    // `suviaz --panic-wipe` while Suviaz runs: the running app erases its vault at once.
    if (argv.includes('--panic-wipe')) void core?.call('vault.panicWipe', {});
    if (mainWindow?.isMinimized()) mainWindow.restore();
    // Hidden by a quick exit: launching Suviaz again is how it comes back (to the lock screen).
    if (!argv.includes('--panic-wipe')) mainWindow?.show();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown || !core) return;
    // Close the database cleanly (and zero the keys) before the process goes.
    event.preventDefault();
    void core.shutdown().finally(() => {
      shutDown = true;
      app.quit();
    });
  });
  start().catch((error: unknown) => {
    console.error('Suviaz failed to start:', error);
    app.exit(1);
  });
}
