// Which pages may call the app's API and navigate within it: its own app:// pages (and the dev
// server in development), nothing else. Node's URL calls the app: scheme's origin "null", which
// once made the packaged app refuse every call of its own window.
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../src-main/app/app-origin';

const PACKAGED = ['app://suviaz'];
const DEVELOPMENT = ['app://suviaz', 'http://localhost:5173'];

describe('the app’s own pages', () => {
  it('are the app:// pages of the packaged app', () => {
    expect(isAppUrl('app://suviaz/index.html', PACKAGED)).toBe(true);
    expect(isAppUrl('app://suviaz/', PACKAGED)).toBe(true);
  });

  it('include the dev server only where it was allowed', () => {
    expect(isAppUrl('http://localhost:5173/index.html', DEVELOPMENT)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html', PACKAGED)).toBe(false);
  });

  it('are no other host, scheme or port, and nothing that is not a URL', () => {
    for (const url of [
      'app://evil/index.html',
      'app://suviaz.evil/index.html',
      'https://suviaz/index.html',
      'http://localhost:5174/',
      'file:///etc/passwd',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, DEVELOPMENT), url).toBe(false);
    }
  });
});
