// Which downloads the shell lets through, and where they go: only the files the app itself makes
// (a plan's Markdown or HTML export, a blob: URL of the app's own origin), saved into the user's
// downloads folder under a name that overwrites nothing. Pure, so it is tested without Electron.
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** A blob: URL made by a page of the app (blob:app://suviaz/…), never a file from elsewhere. */
export function isAppExport(url: string, allowedOrigins: readonly string[]): boolean {
  if (!url.startsWith('blob:')) return false;
  try {
    // Built by hand: URL.origin is "null" for a scheme Node does not know (app:), and the inner
    // URL's scheme and host are what say whose page made the blob.
    const inner = new URL(url.slice('blob:'.length));
    return allowedOrigins.includes(`${inner.protocol}//${inner.host}`);
  } catch {
    return false;
  }
}

/** downloads/name.ext, or name (2).ext, name (3).ext… when taken; the name is stripped of paths. */
export function freeDownloadPath(
  folder: string,
  suggested: string,
  exists: (path: string) => boolean = existsSync,
): string {
  const safe =
    [...basename(suggested)].map((c) => (c < ' ' || '<>:"/\\|?*'.includes(c) ? '_' : c)).join('') ||
    'export';
  const ext = extname(safe);
  const stem = safe.slice(0, safe.length - ext.length) || 'export';
  let candidate = join(folder, `${stem}${ext}`);
  for (let n = 2; exists(candidate) && n < 1000; n++)
    candidate = join(folder, `${stem} (${n})${ext}`);
  return candidate;
}
