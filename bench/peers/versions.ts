// The installed versions of the peers and of Yjs, for the report: read from their package.json, so
// the JSON says what was actually measured.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGES = [
  'yjs',
  '@y/websocket-server',
  'y-websocket',
  '@hocuspocus/server',
  '@hocuspocus/provider',
  'better-sqlite3-multiple-ciphers',
] as const;

export function peerVersions(root = process.cwd()): Record<string, string> {
  return Object.fromEntries(
    PACKAGES.map((name) => {
      try {
        const file = path.join(root, 'node_modules', name, 'package.json');
        return [name, (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version];
      } catch {
        return [name, 'not installed'];
      }
    }),
  );
}
