// Serves the built renderer over HTTP with the renderer's security headers on every response.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { RENDERER_SECURITY_HEADERS } from '../../src-shared/content-security-policy';
import { isIndexPath } from '../shell-shared/index-html';
import { resolveRendererFile } from '../shell-shared/renderer-files';

export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  /** Rewrites the page itself (index.html): the disguise's title and icon. */
  rewriteIndex?: (html: string) => string,
): Promise<void> {
  const file = resolveRendererFile(root, urlPath);
  if (!file) return sendStatus(res, 404);
  try {
    const raw = await readFile(file.path);
    const body = rewriteIndex && isIndexPath(urlPath) ? rewriteIndex(raw.toString('utf8')) : raw;
    res.writeHead(200, { ...RENDERER_SECURITY_HEADERS, 'Content-Type': file.contentType });
    res.end(body);
  } catch {
    sendStatus(res, 404);
  }
}

export function sendStatus(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...RENDERER_SECURITY_HEADERS, 'Content-Type': 'text/plain' });
  res.end(String(status));
}
