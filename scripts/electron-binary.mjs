// Finds an installed Electron binary without require('electron'), which would try to download one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable's path, or null where none is installed (as on machines without GitHub). */
export function findElectronBinary(root = '.') {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) return null;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(override ?? join(pkg, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}
