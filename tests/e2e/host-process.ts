// Starts the real browser host as its own process (as `npm run host` does) and stops it, so a test
// can restart it against the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostProcess {
  url: string;
  dataDir: string;
  /** SIGTERM: the host locks the vault and exits cleanly. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as in a crash or a power cut of the process. */
  kill(): Promise<void>;
  output(): string;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'suviaz-e2e-'));
}

function endWith(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startHostProcess(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<HostProcess> {
  // One process (node with tsx's loader, not the tsx CLI's wrapper) so that kill -9 hits the host itself.
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/host/main.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${log}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => log,
    stop: () => endWith(child, 'SIGTERM'),
    kill: () => endWith(child, 'SIGKILL'),
  };
}
