// The relay's settings from command-line flags and SUVIAZ_RELAY_* environment variables (a flag
// wins over its variable), parsed and validated in one place with a message that says what to fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LIMITS } from '../src-shared/limits';
import { relayHostForms } from '../src-shared/protocol/relay-host';
import type { RelayOptions } from './relay';
import { DEFAULT_RELAY_LIMITS } from './relay-limits';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

interface Setting {
  flag: string;
  env: string;
  help: string;
}

const SETTINGS = {
  port: {
    flag: 'port',
    env: 'SUVIAZ_RELAY_PORT',
    help: 'TCP port (0 = any free port). Default 8787.',
  },
  host: {
    flag: 'host',
    env: 'SUVIAZ_RELAY_HOST',
    help: 'Address to listen on. Default 127.0.0.1: put a reverse proxy (TLS) or a Tor onion service in front.',
  },
  dataDir: {
    flag: 'data-dir',
    env: 'SUVIAZ_RELAY_DATA_DIR',
    help: 'Directory of the relay database (created if missing). Default ./relay-data.',
  },
  store: {
    flag: 'store',
    env: 'SUVIAZ_RELAY_STORE',
    help:
      'Where documents are stored: "sqlite" (the default, relay.db in --data-dir, one relay ' +
      'process) or postgres://user@host:port/database, shared by several relay processes (the ' +
      'password in the URL or in PGPASSWORD / ~/.pgpass; sslmode=verify-full and the like work).',
  },
  storePoolMax: {
    flag: 'store-pool-max',
    env: 'SUVIAZ_RELAY_STORE_POOL_MAX',
    help: 'PostgreSQL connections this process opens at most. Default 10.',
  },
  fanout: {
    flag: 'fanout',
    env: 'SUVIAZ_RELAY_FANOUT',
    help:
      'How messages reach the connections of other relay processes: "memory" (the default, one ' +
      'process) or nats://host:4222 (comma-separate several servers of a NATS cluster); needs a ' +
      'postgres:// --store. --data-dir then holds only the identity key, the same in every process.',
  },
  maxFrameBytes: {
    flag: 'max-frame-bytes',
    env: 'SUVIAZ_RELAY_MAX_FRAME_BYTES',
    help: `Largest frame accepted. Default and maximum ${LIMITS.relay.maxFrameBytes}.`,
  },
  rate: {
    flag: 'rate',
    env: 'SUVIAZ_RELAY_RATE',
    help: `Frames per second per connection, bursts twice that. Default ${LIMITS.relay.ratePerSecond}.`,
  },
  docsPerGroup: {
    flag: 'docs-per-group',
    env: 'SUVIAZ_RELAY_DOCS_PER_GROUP',
    help: `Documents per group. Default ${LIMITS.relay.documentsPerGroup}.`,
  },
  bytesPerGroup: {
    flag: 'bytes-per-group',
    env: 'SUVIAZ_RELAY_BYTES_PER_GROUP',
    help: `Stored bytes per group. Default ${LIMITS.relay.bytesPerGroup}.`,
  },
  sharesPerGroup: {
    flag: 'shares-per-group',
    env: 'SUVIAZ_RELAY_SHARES_PER_GROUP',
    help: `Live share links per group. Default ${LIMITS.relay.sharesPerGroup}.`,
  },
  maxConnections: {
    flag: 'max-connections',
    env: 'SUVIAZ_RELAY_MAX_CONNECTIONS',
    help:
      'Connections this process holds at once; more are closed at once (1013). Default 50000. ' +
      'Limit connections per address in the proxy in front, too.',
  },
  tlsCert: {
    flag: 'tls-cert',
    env: 'SUVIAZ_RELAY_TLS_CERT',
    help: 'PEM certificate chain file: serve wss:// and https:// directly (needs --tls-key).',
  },
  tlsKey: {
    flag: 'tls-key',
    env: 'SUVIAZ_RELAY_TLS_KEY',
    help: 'PEM private key file for --tls-cert.',
  },
  metricsToken: {
    flag: 'metrics-token',
    env: 'SUVIAZ_RELAY_METRICS_TOKEN',
    help:
      'Turns on GET /metrics (Prometheus) for requests with "Authorization: Bearer <token>"; at ' +
      'least 16 characters. Without it /metrics is off: its figures show when and how many people ' +
      'use the relay.',
  },
  publicHosts: {
    flag: 'public-host',
    env: 'SUVIAZ_RELAY_PUBLIC_HOSTS',
    help:
      'host[:port] clients dial, e.g. relay.example.org or abc…xyz.onion (repeat the flag, or ' +
      'comma-separate in the variable). Clients sign it when they log in, so another relay cannot ' +
      'pass on our challenge. Default: the Host header of each connection, which a reverse proxy ' +
      'must then pass through unchanged.',
  },
} satisfies Record<string, Setting>;

/** Settings that may be given more than once (comma-separated in their environment variable). */
const REPEATABLE = new Set<string>(['publicHosts']);
const MAX_PUBLIC_HOSTS = 16;

type SettingName = keyof typeof SETTINGS;

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const schema = z
  .object({
    port: integer(0, 65535).default(8787),
    host: z.string().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
    dataDir: z.string().min(1, { error: 'must not be empty' }).default('./relay-data'),
    store: z
      .string()
      .refine((v) => v === 'sqlite' || /^postgres(ql)?:\/\/./.test(v), {
        error: 'must be sqlite or a postgres:// URL',
      })
      .default('sqlite'),
    storePoolMax: integer(1, 1000).default(10),
    fanout: z
      .string()
      .refine(
        (v) => v === 'memory' || v.split(',').every((url) => /^nats:\/\/./.test(url.trim())),
        { error: 'must be memory or nats:// URLs' },
      )
      .default('memory'),
    maxFrameBytes: integer(1024, LIMITS.relay.maxFrameBytes).default(LIMITS.relay.maxFrameBytes),
    rate: integer(1, 1_000_000).default(LIMITS.relay.ratePerSecond),
    docsPerGroup: integer(1, 1_000_000_000).default(LIMITS.relay.documentsPerGroup),
    bytesPerGroup: integer(1024, Number.MAX_SAFE_INTEGER).default(LIMITS.relay.bytesPerGroup),
    sharesPerGroup: integer(1, 1_000_000_000).default(LIMITS.relay.sharesPerGroup),
    maxConnections: integer(1, 10_000_000).default(DEFAULT_RELAY_LIMITS.maxConnections),
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
    metricsToken: z
      .string()
      .min(16, { error: 'must be at least 16 characters' })
      .max(256, { error: 'must be at most 256 characters' })
      .refine((token) => /^[\x21-\x7e]+$/.test(token), {
        error: 'must be printable ASCII without spaces',
      })
      .optional(),
    publicHosts: z
      .array(
        z.string().refine((host) => relayHostForms(host).length > 0, {
          error: 'must be a host or host:port, without scheme path or user',
        }),
      )
      .max(MAX_PUBLIC_HOSTS, { error: `at most ${MAX_PUBLIC_HOSTS}` })
      .default([]),
  })
  .refine((c) => (c.tlsCert === undefined) === (c.tlsKey === undefined), {
    error: '--tls-cert and --tls-key go together',
    path: ['tlsCert'],
  })
  // Several processes each on their own SQLite file would each hold a part of every document.
  .refine((c) => c.fanout === 'memory' || c.store !== 'sqlite', {
    error: 'a nats:// fan-out is for several relay processes: give them a postgres:// --store',
    path: ['fanout'],
  });

export type RelayConfig = z.infer<typeof schema> & {
  /** --rotate-identity: a new identity key, announced by a statement the old key signs. */
  rotateIdentity: boolean;
  /** --import-sqlite <dir>: copy that data directory's SQLite store into --store, verify, exit. */
  importSqlite?: string;
};

export function helpText(): string {
  const lines = [
    'Suviaz relay: stores and forwards end-to-end encrypted documents; it never sees plaintext.',
    '',
    "Usage: npm run relay -- [options]      (node, with the flags of package.json's relay script, then server/main.ts [options])",
    '',
    'Options (each also an environment variable; a flag wins):',
  ];
  for (const [name, s] of Object.entries(SETTINGS)) {
    const more = REPEATABLE.has(name) ? ' …' : '';
    lines.push(`  --${s.flag} <value>${more}`.padEnd(28) + `${s.env}`, `      ${s.help}`);
  }
  lines.push(
    "  --rotate-identity         Before starting, replace the relay's identity key (the one clients",
    '      pin) with a new one; the old key signs a statement that the new one speaks for the relay,',
    '      kept in the data directory and sent to every client, so pinned clients follow. Without it,',
    '      a new key (a new data directory) makes every client refuse this relay as a possible',
    '      interception. The fingerprint is printed at each start: publish it for your users.',
    '  --import-sqlite <dir>     Copy the SQLite store of that data directory into the (empty)',
    '      postgres:// --store, compare every row of the copy with the original, print what was',
    '      copied and exit; run it with the relay stopped (docs/deploy.md, "From SQLite").',
    '  --help                    Show this text.',
    '',
    'Endpoints on the same port: the WebSocket protocol, GET /health (503 while the store or the',
    'fan-out is unreachable), GET /metrics (Prometheus, per process; with --metrics-token only).',
    'Several processes behind one load balancer: --store postgres://… --fanout nats://… and the',
    'same relay-identity.key in each --data-dir (docs/deploy.md).',
    'Without TLS flags it listens for plain ws:// on 127.0.0.1: run it behind a TLS reverse proxy or',
    'as a Tor onion service. SIGTERM or SIGINT stops it gracefully; nothing acknowledged is lost.',
  );
  return lines.join('\n');
}

/** Parses flags and environment; null means --help was asked for. Throws ConfigError. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): RelayConfig | null {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      Object.entries(SETTINGS).map(([name, s]) => [
        s.flag,
        { type: 'string' as const, multiple: REPEATABLE.has(name) },
      ]),
    );
    values = parseArgs({
      args: [...argv],
      options: {
        ...options,
        help: { type: 'boolean', short: 'h' },
        'rotate-identity': { type: 'boolean' },
        'import-sqlite': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  if (values.help) return null;
  const rotateIdentity = values['rotate-identity'] === true;
  const raw: Partial<Record<SettingName, string | string[]>> = {};
  for (const [name, s] of Object.entries(SETTINGS) as [SettingName, Setting][]) {
    const value = values[s.flag] ?? env[s.env];
    if (REPEATABLE.has(name)) {
      const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
      const items = list.map((item) => item.trim()).filter(Boolean);
      if (items.length > 0) raw[name] = items;
    } else if (typeof value === 'string') raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path[0] as SettingName | undefined;
      const s = name ? SETTINGS[name] : undefined;
      return s ? `--${s.flag} / ${s.env}: ${issue.message}` : issue.message;
    });
    throw new ConfigError(`${problems.join('\n')}\n(see --help)`);
  }
  const importSqlite =
    typeof values['import-sqlite'] === 'string' ? values['import-sqlite'] : undefined;
  if (importSqlite !== undefined && parsed.data.store === 'sqlite') {
    throw new ConfigError(
      '--import-sqlite copies into a postgres:// --store: name one\n(see --help)',
    );
  }
  return { ...parsed.data, rotateIdentity, ...(importSqlite ? { importSqlite } : {}) };
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`cannot read the TLS ${what} ${file} (${code})`);
  }
}

export function relayOptionsFrom(config: RelayConfig): RelayOptions {
  return {
    port: config.port,
    host: config.host,
    dataDir: path.resolve(config.dataDir),
    limits: {
      maxFrameBytes: config.maxFrameBytes,
      ratePerSecond: config.rate,
      documentsPerGroup: config.docsPerGroup,
      bytesPerGroup: config.bytesPerGroup,
      sharesPerGroup: config.sharesPerGroup,
      maxConnections: config.maxConnections,
    },
    publicHosts: config.publicHosts,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    tls:
      config.tlsCert && config.tlsKey
        ? { cert: readPem(config.tlsCert, 'certificate'), key: readPem(config.tlsKey, 'key') }
        : undefined,
  };
}
