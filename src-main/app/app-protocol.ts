// The app:// scheme the renderer is loaded from (instead of file://, which would give the page the
// whole file system as its origin). Serves only the built renderer, with the strict CSP.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { RENDERER_SECURITY_HEADERS } from '../../src-shared/content-security-policy';
import { resolveRendererFile } from '../shell-shared/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'suviaz';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file.path);
      return new Response(body, {
        headers: { ...RENDERER_SECURITY_HEADERS, 'Content-Type': file.contentType },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
