// The relay's command line: parse the settings, start, print the address, stop gracefully on
// SIGTERM/SIGINT (in-flight frames finish, sockets close with 1001, the database closes cleanly).
import path from 'node:path';
import { openBackends } from './backends';
import { ConfigError, helpText, parseConfig, relayOptionsFrom } from './config';
import { addressOf } from './store/pg-address';
import { ImportError, importSqliteIntoPg } from './store/sqlite-to-pg';
import { relayFingerprint } from '../src-shared/protocol/relay-fingerprint';
import { startRelay } from './relay';
import { rotateRelayIdentity } from './relay-identity';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
    if (config === null) {
      process.stdout.write(`${helpText()}\n`);
      return;
    }
    if (config.importSqlite !== undefined) {
      const report = await importSqliteIntoPg(path.resolve(config.importSqlite), config.store);
      for (const { name, rows } of report.tables) {
        process.stdout.write(`${name.padEnd(14)} ${rows} rows copied and verified\n`);
      }
      process.stdout.write(`Imported into ${addressOf(config.store)}: every row matches.\n`);
      return;
    }
    const options = relayOptionsFrom(config);
    if (config.rotateIdentity) {
      const { oldKey, newKey } = rotateRelayIdentity(options.dataDir);
      process.stdout.write(
        `Relay identity rotated: ${relayFingerprint(oldKey)} -> ${relayFingerprint(newKey)} ` +
          '(clients pinned to the old key follow the signed statement)\n',
      );
    }
    if (config.publicHosts.length === 0) {
      // The default trusts each connection's Host header, so another relay dialling this one with
      // its own name there could log in here a client on its first visit to it (docs/deploy.md).
      process.stderr.write(
        'warning: no --public-host: logins signed for any host a connection names are accepted. ' +
          'Set --public-host to the address clients dial (relay.example.org, or the .onion).\n',
      );
    }
    const backends = await openBackends(config);
    const relay = await startRelay({ ...options, ...backends });
    const where =
      config.store === 'sqlite'
        ? `data in ${options.dataDir}`
        : `store ${addressOf(config.store)}, fan-out ${config.fanout === 'memory' ? 'in-process' : 'NATS'}`;
    process.stdout.write(`Suviaz relay listening on ${relay.url} (${where})\n`);
    // Operators publish this, so people can compare it with what their app shows in Settings.
    process.stdout.write(`Relay identity fingerprint: ${relayFingerprint(relay.identityKey)}\n`);

    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`${signal}: stopping\n`);
      relay.close().then(
        () => {
          process.stdout.write('relay stopped\n');
          process.exit(0);
        },
        (error: unknown) => {
          process.stderr.write(`relay failed to stop cleanly: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`suviaz relay: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof ImportError) {
      process.stderr.write(
        `suviaz relay --import-sqlite: ${error.message}; nothing was imported\n`,
      );
      process.exit(1);
    }
    throw error;
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`suviaz relay failed to start: ${String(error)}\n`);
  process.exit(1);
});
