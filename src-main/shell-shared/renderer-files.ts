// Which built renderer file a request may read: shared by the Electron app:// protocol and the
// browser host, so neither can be talked into serving a path outside the renderer folder.
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface RendererFile {
  path: string;
  contentType: string;
}

/** Maps a URL path to a servable file inside root, or null (outside root, or a type we never serve). */
export function resolveRendererFile(root: string, urlPath: string): RendererFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const path = normalize(join(root, relative));
  if (!path.startsWith(normalize(root) + sep)) return null;
  const contentType = CONTENT_TYPES[extname(path)];
  return contentType ? { path, contentType } : null;
}
