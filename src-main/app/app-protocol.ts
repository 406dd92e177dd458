// The app:// scheme the renderer is loaded from (instead of file://, which would give the page the
// whole file system as its origin). Serves only the built renderer, with the strict CSP.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { RENDERER_SECURITY_HEADERS } from '../../src-shared/content-security-policy';
import { resolveRendererFile } from '../shell-shared/renderer-files';
import { isIndexPath, withAppearance } from '../shell-shared/index-html';
import type { Disguise } from '../../src-shared/disguise';

export const APP_SCHEME = 'app';
export const APP_HOST = 'suviaz';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** disguise: the disguise now, written into the page's title and icon as it is served. */
export function serveAppScheme(rendererDir: string, disguise: () => Disguise): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const raw = await readFile(file.path);
      const body = isIndexPath(url.pathname)
        ? withAppearance(raw.toString('utf8'), disguise())
        : raw;
      return new Response(body, {
        headers: { ...RENDERER_SECURITY_HEADERS, 'Content-Type': file.contentType },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
