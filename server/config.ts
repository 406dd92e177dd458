// The relay's settings from command-line flags and SUVIAZ_RELAY_* environment variables (a flag
// wins over its variable), parsed and validated in one place with a message that says what to fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LIMITS } from '../src-shared/limits';
import { relayHostForms } from '../src-shared/protocol/relay-host';
import type { RelayOptions } from './relay';

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
    maxFrameBytes: integer(1024, LIMITS.relay.maxFrameBytes).default(LIMITS.relay.maxFrameBytes),
    rate: integer(1, 1_000_000).default(LIMITS.relay.ratePerSecond),
    docsPerGroup: integer(1, 1_000_000_000).default(LIMITS.relay.documentsPerGroup),
    bytesPerGroup: integer(1024, Number.MAX_SAFE_INTEGER).default(LIMITS.relay.bytesPerGroup),
    sharesPerGroup: integer(1, 1_000_000_000).default(LIMITS.relay.sharesPerGroup),
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
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
  });

export type RelayConfig = z.infer<typeof schema> & {
  /** --rotate-identity: a new identity key, announced by a statement the old key signs. */
  rotateIdentity: boolean;
};

export function helpText(): string {
  const lines = [
    'Suviaz relay: stores and forwards end-to-end encrypted documents; it never sees plaintext.',
    '',
    'Usage: npm run relay -- [options]      (node --import tsx server/main.ts [options])',
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
    '  --help                    Show this text.',
    '',
    'Endpoints on the same port: the WebSocket protocol, GET /health, GET /metrics (Prometheus).',
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
  return { ...parsed.data, rotateIdentity };
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
    },
    publicHosts: config.publicHosts,
    tls:
      config.tlsCert && config.tlsKey
        ? { cert: readPem(config.tlsCert, 'certificate'), key: readPem(config.tlsKey, 'key') }
        : undefined,
  };
}
