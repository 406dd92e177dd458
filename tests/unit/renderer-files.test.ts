import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../src-main/shell-shared/renderer-files';

const root = '/srv/renderer';

describe('renderer files', () => {
  it('serves index.html for / and files inside the folder', () => {
    expect(resolveRendererFile(root, '/')?.path).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toEqual({
      path: join(root, 'assets/index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('refuses every way out of the folder and unknown file types', () => {
    for (const attempt of [
      '/../secret.html',
      '/%2e%2e/secret.html',
      '/assets/../../etc/passwd.html',
      '/..%2f..%2fvault/suviaz.db',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/vault.db',
    ]) {
      expect(resolveRendererFile(root, attempt), attempt).toBeNull();
    }
  });
});
