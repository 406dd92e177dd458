// Which downloads the shell lets through, and where they go: only the files the app itself makes
// (a plan's Markdown or HTML export, a blob: URL of the app's own origin), saved into the user's
// downloads folder under a name that overwrites nothing. Pure, so it is tested without Electron.
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isAppUrl } from './app-origin';
import { stripInvisible } from '../../src-shared/invisible-chars';

/** A blob: URL made by a page of the app (blob:app://suviaz/…), never a file from elsewhere. */
export function isAppExport(url: string, allowedOrigins: readonly string[]): boolean {
  // The inner URL's scheme and host are what say whose page made the blob.
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length), allowedOrigins);
}

/** Control characters and what Windows reserves in a file name: replaced. */
const UNSAFE = /[\p{Cc}<>:"/\\|?*]/gu;

/**
 * downloads/name.ext, or name (2).ext, name (3).ext… when taken; the name is stripped of paths and
 * invisible characters, and is never "." or ".." (which would name a folder, not a file in it).
 */
export function freeDownloadPath(
  folder: string,
  suggested: string,
  exists: (path: string) => boolean = existsSync,
): string {
  // Invisible characters (src-shared/invisible-chars.ts) only hide or reorder what a name says.
  const name = stripInvisible(basename(suggested).replace(UNSAFE, '_'));
  const safe = /^\.*$/.test(name) ? 'export' : name;
  const ext = extname(safe);
  const stem = safe.slice(0, safe.length - ext.length) || 'export';
  let candidate = join(folder, `${stem}${ext}`);
  for (let n = 2; exists(candidate) && n < 1000; n++)
    candidate = join(folder, `${stem} (${n})${ext}`);
  return candidate;
}
