// Briefing sessions over the sync clients of sync-clients.ts, each with its own clock (so a test
// can move one device past an expiry) and the events it emitted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../src-shared/api';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import {
  createBriefingSession,
  type BriefingSession,
  type ComposeArgs,
} from '../../src-main/core/briefings/briefing-session';
import { startRelay, type RunningRelay } from '../../server/relay';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { RelayStore } from '../../server/store/relay-store';
import { addAndAccept, cleanups, client, connected, waitFor, type Client } from './sync-clients';

export type BriefingClient = Client & {
  b: BriefingSession;
  /** Ms added to Date.now for this device's briefings. */
  clock: { offset: number };
  events: { name: string; payload: unknown }[];
  me: string;
};

export function withBriefings(c: Client): BriefingClient {
  const events: { name: string; payload: unknown }[] = [];
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    events.push({ name, payload });
  };
  const clock = { offset: 0 };
  const b = createBriefingSession(c.vault.db, c.engine, emit, {
    now: () => Date.now() + clock.offset,
  });
  cleanups.push(() => b.stop());
  return Object.assign(c, { b, clock, events, me: c.engine.docAccess().meHex });
}

export interface BriefingWorld {
  relay: RunningRelay;
  relayDir: string;
  store: RelayStore;
  spaceId: string;
  clients: BriefingClient[];
}

/** A relay whose store the test can reach, and `n` devices in one space (the first its admin). */
export async function briefingWorld(n: number): Promise<BriefingWorld> {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const store = openSqliteStore(relayDir);
  const relay = await startRelay({ port: 0, dataDir: relayDir, store, log: () => undefined });
  cleanups.push(() => relay.close());
  const clients: BriefingClient[] = [];
  for (let i = 0; i < n; i++) clients.push(withBriefings(await client(relay.url)));
  for (const c of clients) await waitFor('connection', connected(c));
  const [owner, ...others] = clients;
  if (!owner) throw new Error('no clients');
  const space = await owner.engine.createSpace('Hrodna network');
  for (const other of others) await addAndAccept(owner, other, space.id, 'editor');
  return { relay, relayDir, store, spaceId: space.id, clients };
}

/** A text briefing to send; the audience is the whole space unless devices are given. */
export function compose(spaceId: string, overrides: Partial<ComposeArgs> = {}): ComposeArgs {
  return {
    spaceId,
    title: 'Arrests in Hrodna',
    body: contentFromPlainText('Three arrests last night. Names below.'),
    audience: null,
    expiresInHours: null,
    receipts: true,
    canary: false,
    stagedFiles: [],
    ...overrides,
  };
}

/** Waits until the client holds a briefing with this title. */
export async function received(c: BriefingClient, title: string): Promise<string> {
  let id = '';
  await waitFor(`briefing "${title}"`, () => {
    id = c.b.list({}).items.find((item) => item.title === title)?.id ?? '';
    return id !== '';
  });
  return id;
}
