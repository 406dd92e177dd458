// App-wide guards for every web contents: no navigation away from the app, no new windows, no
// webviews, no permissions, no downloads but the app's own exports; http(s) links open in the
// system browser only after the user confirms.
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { freeDownloadPath, isAppExport } from './download-rules';
import { externalLinkText } from './external-link-text';

async function confirmExternalLink(contents: WebContents, url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return;
  // In the language the page shows (it sets <html lang> whenever the user changes it).
  const language = await contents
    .executeJavaScript('document.documentElement.lang')
    .then((lang: unknown) => (typeof lang === 'string' ? lang : 'en'))
    .catch(() => 'en');
  const text = externalLinkText(language);
  const options = {
    type: 'question' as const,
    buttons: [text.cancel, text.open],
    defaultId: 0,
    cancelId: 0,
    message: text.question,
    detail: `${parsed.href}\n\n${text.warning}`,
  };
  const owner = BrowserWindow.fromWebContents(contents);
  const { response } = owner
    ? await dialog.showMessageBox(owner, options)
    : await dialog.showMessageBox(options);
  if (response === 1) await shell.openExternal(parsed.href);
}

export function applySecurityPolicy(allowedOrigins: readonly string[]): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.on('will-download', (event, item) => {
    // Only what the user exported from the app itself, into the downloads folder as the UI says.
    if (!isAppExport(item.getURL(), allowedOrigins)) {
      event.preventDefault();
      return;
    }
    item.setSavePath(freeDownloadPath(app.getPath('downloads'), item.getFilename()));
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url, allowedOrigins)) return;
      event.preventDefault();
      void confirmExternalLink(contents, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, allowedOrigins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void confirmExternalLink(contents, url);
      return { action: 'deny' };
    });
  });
}
