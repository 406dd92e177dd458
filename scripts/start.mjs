// `npm start`: the Electron app where an Electron binary is present; otherwise say so plainly and
// start the browser host instead.
import { spawn } from 'node:child_process';
import { buildIfStale } from './build-if-stale.mjs';
import { findElectronBinary } from './electron-binary.mjs';
import { runHost } from './host.mjs';

const binary = findElectronBinary();
if (binary) {
  buildIfStale();
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'No Electron binary is installed on this machine (none could be downloaded), so Suviaz starts its browser host instead: open the address printed below in a browser on this computer.',
  );
  runHost(process.argv.slice(2));
}
