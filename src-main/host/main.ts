// Entry point of the browser host (`npm run host -- --data-dir DIR --port N`): the real core in plain
// Node, the renderer in any browser on this machine. A dev/test host, not a product surface.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { defaultUserDataDir, vaultDirIn } from '../core/data-dir';
import { panicWipeFiles } from '../core/vault/panic-wipe';
import { startHost } from './host-server';

const USAGE =
  'usage: npm run host -- [--data-dir DIR] [--port N] [--renderer-dir DIR] [--panic-wipe]\n' +
  '  --panic-wipe  erase the vault (key file shredded, files deleted) before starting\n' +
  '  --briefing-clock-offset MS  for tests and drills: briefings run this many ms ahead, so an\n' +
  '                expiry can be seen without waiting an hour';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string', default: 'out/renderer' },
      help: { type: 'boolean', default: false },
      'panic-wipe': { type: 'boolean', default: false },
      'briefing-clock-offset': { type: 'string', default: '0' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535. ${USAGE}`);
  }
  const rendererDir = resolve(values['renderer-dir']);
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build" first.`);
  }
  const dataDir = resolve(values['data-dir'] ?? vaultDirIn(defaultUserDataDir()));
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // Says nothing about whether there was a vault: the host starts as if freshly installed.
  if (values['panic-wipe']) panicWipeFiles(dataDir);

  // No windows or clipboard of its own (Node has none): the page does what it can (docs/threat-model.md).
  const briefingClockOffsetMs = Number(values['briefing-clock-offset']);
  if (!Number.isSafeInteger(briefingClockOffsetMs)) {
    throw new Error(`--briefing-clock-offset must be a whole number of ms. ${USAGE}`);
  }
  const core = await createCore({ dataDir, shell: {}, briefingClockOffsetMs });
  const host = await startHost({ core, rendererDir, port });
  console.log(`Suviaz browser host is running. Vault folder: ${dataDir}`);
  console.log(`Open this address in a browser on this computer: ${host.url}`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await core.shutdown();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
