// The Electron shell lets through only the app's own exports, into the downloads folder, never over
// an existing file.
import { describe, expect, it } from 'vitest';
import { freeDownloadPath, isAppExport } from '../../src-main/app/download-rules';

const ORIGINS = ['app://suviaz'];

describe('downloads', () => {
  it('lets through only blob: URLs of the app’s own origin', () => {
    expect(isAppExport('blob:app://suviaz/5f1c0a3e-1111-2222-3333-444455556666', ORIGINS)).toBe(
      true,
    );
    expect(isAppExport('blob:https://evil.example/5f1c', ORIGINS)).toBe(false);
    expect(isAppExport('https://evil.example/file.exe', ORIGINS)).toBe(false);
    expect(isAppExport('app://suviaz/index.html', ORIGINS)).toBe(false);
    expect(isAppExport('blob:not a url', ORIGINS)).toBe(false);
  });

  it('saves under a free name in the folder, with no path from the page', () => {
    const taken = new Set(['/dl/Spring plan.md', '/dl/Spring plan (2).md']);
    expect(freeDownloadPath('/dl', 'Spring plan.md', (p) => taken.has(p))).toBe(
      '/dl/Spring plan (3).md',
    );
    expect(freeDownloadPath('/dl', '../../etc/passwd', () => false)).toBe('/dl/passwd');
    expect(freeDownloadPath('/dl', 'a:b?.html', () => false)).toBe('/dl/a_b_.html');
    expect(freeDownloadPath('/dl', '', () => false)).toBe('/dl/export');
  });

  it('saves under the name as it reads: no invisible, bidi or control characters', () => {
    const free = (name: string): string => freeDownloadPath('/dl', name, () => false);
    // Shown as "reportexe.pdf" with the override; saved as what it is.
    expect(free('report\u202Efdp.exe')).toBe('/dl/reportfdp.exe');
    expect(free('a\u200Bb\u2066c\u2069\u200E\u00AD\u2060\u034F\uFEFF.pdf')).toBe('/dl/abc.pdf');
    expect(free('x\u0001\u007F\u0085y.txt')).toBe('/dl/x___y.txt');
    expect(free('\u202E\u200B')).toBe('/dl/export');
  });

  it('never names the folder itself or its parent', () => {
    expect(freeDownloadPath('/dl', '..', () => false)).toBe('/dl/export');
    expect(freeDownloadPath('/dl', '.\u200B.', () => false)).toBe('/dl/export');
    expect(freeDownloadPath('/dl', '.', () => false)).toBe('/dl/export');
  });
});
