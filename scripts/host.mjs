// `npm run host -- --data-dir DIR --port N`: build if needed, then run the browser host on Node 24.
import { spawn } from 'node:child_process';
import { buildIfStale } from './build-if-stale.mjs';

export function runHost(args) {
  buildIfStale();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/host/main.ts', ...args], {
    stdio: 'inherit',
  });
  // Ctrl+C reaches the child through the process group; pass on a plain kill of this script too.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === `file://${process.argv[1]}`) runHost(process.argv.slice(2));
