// Builds main, preload and renderer with electron-vite unless out/ is newer than every source file,
// so `npm start` and `npm run host` are quick the second time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'src-main',
  'src-renderer',
  'src-shared',
  'electron.vite.config.ts',
  'package.json',
];
const OUTPUTS = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

export function buildIfStale() {
  const built = OUTPUTS.every((file) => existsSync(file));
  const sourceTime = Math.max(...SOURCES.filter(existsSync).map(newestMtime));
  if (built && Math.min(...OUTPUTS.map(newestMtime)) >= sourceTime) return;
  console.log('Building Suviaz…');
  const result = spawnSync('electron-vite', ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
