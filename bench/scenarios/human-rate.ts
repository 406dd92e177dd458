// Scenario human-rate: five editors on one document, each typing 10 keystrokes per second at a
// random place for 30 s, through Suviaz's real path (renderer replica → main's engine: outbox,
// batching, encrypt and sign → relay → main: verify, decrypt → renderer replica) and through each
// peer's own client and server; keystroke-to-visible latency on the other four editors. Each editor
// runs in its own worker thread, as on its own machine (one editor's fsyncs do not stall another's
// event loop); they still share this machine's two cores with the server.
import { accessSync, constants } from 'node:fs';
import type { Size } from '../lib/args';
import { startEditors, type Editor } from '../lib/editors';
import { matchKeystrokes, type Stamp } from '../lib/keystroke-latency';
import { startRelayChild, type RelayKind } from '../lib/processes';
import { peerRow, type Row } from '../lib/report';
import { percentile, sleep } from '../lib/stats';
import { tempDir } from '../lib/suviaz-client';
import { PEERS, type Peer } from '../peers/peer-client';

const EDITORS = 5;
const KEYS_PER_SECOND = 10;
const SETTLE_MS = 30_000;
/** Linux's usual tmpfs mount: files there live in memory. */
const TMPFS = '/dev/shm';

function tmpfsDir(): string | null {
  try {
    accessSync(TMPFS, constants.W_OK);
    return TMPFS;
  } catch {
    return null;
  }
}

interface Outcome {
  p50: number;
  p99: number;
  samples: number;
  missing: number;
}

async function texts(editors: Editor[]): Promise<string[]> {
  return Promise.all(editors.map(async (e) => (await e.ask({ type: 'text' }, 'text')).text));
}

/**
 * `memoryDir`: a directory on tmpfs for the relay's store and the editors' vaults, where an fsync
 * costs nothing; null for the system's temporary directory, on disk as an operator's would be.
 */
async function run(
  kind: RelayKind,
  seconds: number,
  memoryDir: string | null = null,
): Promise<Outcome> {
  const relay = await startRelayChild(
    kind,
    tempDir(kind, memoryDir ?? undefined),
    kind === 'suviaz' ? ['--rate', '1000000'] : [],
  );
  let editors: Editor[] = [];
  try {
    editors = await startEditors(kind, relay.url, EDITORS, memoryDir);
    await Promise.all(
      editors.map((e) => e.ask({ type: 'type', seconds, keysPerSecond: KEYS_PER_SECOND }, 'ok')),
    );
    // Until every replica shows the same text (everything arrived), or SETTLE_MS.
    const until = Date.now() + SETTLE_MS;
    while (Date.now() < until && new Set(await texts(editors)).size > 1) await sleep(50);
    const typed: Stamp[] = [];
    const seen: Stamp[] = [];
    for (const e of editors) {
      const r = await e.ask({ type: 'results' }, 'results');
      typed.push(...r.typed);
      seen.push(...r.seen);
    }
    const { latencies, missing } = matchKeystrokes(typed, seen, EDITORS - 1);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      samples: latencies.length,
      missing,
    };
  } finally {
    await Promise.all(editors.map((e) => e.close()));
    await relay.stop();
  }
}

export async function runHumanRate(size: Size): Promise<Row[]> {
  const seconds = size === 'small' ? 5 : 30;
  const peers: Partial<Record<Peer, Outcome>> = {};
  for (const peer of PEERS) {
    process.stderr.write(`human-rate ${EDITORS} editors × ${seconds} s: ${peer}…\n`);
    peers[peer] = await run(peer, seconds);
  }
  process.stderr.write(`human-rate ${EDITORS} editors × ${seconds} s: suviaz…\n`);
  const s = await run('suviaz', seconds);
  // The same again with nothing on disk: what the keystroke's way costs besides the fsyncs.
  const memoryDir = tmpfsDir();
  process.stderr.write(
    memoryDir
      ? `human-rate ${EDITORS} editors × ${seconds} s: suviaz, store and vaults on tmpfs…\n`
      : `human-rate: no writable ${TMPFS}, the row without disk syncs is left out\n`,
  );
  // Everything of this run under one directory, which the bench removes (tmpfs is memory).
  const inMemory = memoryDir
    ? await run('suviaz', seconds, tempDir('human-rate', memoryDir))
    : null;
  const label = `${EDITORS} editors, ${KEYS_PER_SECOND} keys/s each, ${seconds} s`;
  const of = (pick: (o: Outcome) => number) =>
    Object.fromEntries(PEERS.map((p) => [p, peers[p] ? pick(peers[p]) : null]));
  const base = { scenario: 'human-rate', case: label, unit: 'ms' };
  const yws = peers['y-websocket']?.p99 ?? Number.NaN;
  return [
    peerRow(
      { ...base, metric: 'keystroke to visible on the others, p50' },
      s.p50,
      of((o) => o.p50),
    ),
    {
      ...peerRow(
        { ...base, metric: 'keystroke to visible on the others, p99' },
        s.p99,
        of((o) => o.p99),
      ),
      target: '≤ 50 ms and ratio ≤ 1.5 (y-websocket)',
      met: s.p99 <= 50 && s.p99 <= 1.5 * yws,
    },
    peerRow(
      { ...base, metric: 'keystrokes × receivers timed', unit: 'count' },
      s.samples,
      of((o) => o.samples),
    ),
    peerRow(
      { ...base, metric: 'keystrokes × receivers never seen', unit: 'count' },
      s.missing,
      of((o) => o.missing),
    ),
    ...(inMemory ? inMemoryRows(inMemory, `${label}; relay store and vaults on tmpfs`, of) : []),
  ];
}

/** Not a target: the same path with the disk's fsyncs taken out, to show what they cost. */
function inMemoryRows(
  o: Outcome,
  label: string,
  of: (pick: (o: Outcome) => number) => Record<string, number | null>,
): Row[] {
  const note = 'no disk sync on the way: a diagnostic, not a target';
  const metrics: [string, string, (x: Outcome) => number][] = [
    ['keystroke to visible, p50', 'ms', (x) => x.p50],
    ['keystroke to visible, p99', 'ms', (x) => x.p99],
    ['keystrokes × receivers never seen', 'count', (x) => x.missing],
  ];
  return metrics.map(([metric, unit, pick]) => ({
    ...peerRow({ scenario: 'human-rate', case: label, metric, unit }, pick(o), of(pick)),
    note,
  }));
}
