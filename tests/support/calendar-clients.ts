// Calendar sessions over the sync clients of sync-clients.ts: a coalition with organisations, and
// the attacker's view (every key a device holds, tried on every envelope the relay stored).
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../src-shared/api';
import type { EventInput } from '../../src-shared/calendar/calendar-api';
import { toHex } from '../../src-shared/protocol/bytes';
import { decodeEnvelope } from '../../src-shared/protocol/envelope';
import {
  createCalendarSession,
  type CalendarSession,
} from '../../src-main/core/calendar/calendar-session';
import { fromHex } from '../../src-main/core/crypto/sodium';
import { parseDeviceCode } from '../../src-main/core/groups/device-code';
import { documentKey } from '../../src-main/core/groups/group-crypto';
import { loadGroups } from '../../src-main/core/groups/group-store';
import { decryptEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { RELAY_DB_FILE } from '../../server/store/sqlite-store';
import { cleanups, type Client } from './sync-clients';

export type CalendarClient = Client & {
  cal: CalendarSession;
  events: { name: string; payload: unknown }[];
};

export function withCalendar(c: Client): CalendarClient {
  const events: { name: string; payload: unknown }[] = [];
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    events.push({ name, payload });
  };
  const cal = createCalendarSession(c.vault.db, c.engine, emit);
  cleanups.push(() => cal.stop());
  return Object.assign(c, { cal, events });
}

export const deviceOf = (c: Client): string =>
  toHex(parseDeviceCode(c.engine.myDeviceCode()).signingKey);

/** A timed event in Europe/Vilnius, coalition-wide unless said otherwise. */
export function eventInput(overrides: Partial<EventInput>): EventInput {
  return {
    title: 'Meeting',
    description: '',
    location: '',
    allDay: false,
    start: '2026-03-23T10:00',
    end: '2026-03-23T11:00',
    tz: 'Europe/Vilnius',
    rrule: null,
    exdates: [],
    orgId: null,
    visibility: 'coalition',
    ...overrides,
  };
}

/**
 * Every plaintext an attacker holding `c`'s vault (all its epoch keys, of every group it holds)
 * and the relay's whole store can decrypt, as text.
 */
export function decryptableWith(c: Client, relayUrl: string, relayDir: string): string[] {
  const groups = loadGroups(c.vault.db, relayUrl);
  const keys: Uint8Array[] = [];
  const relayDb = new Database(join(relayDir, RELAY_DB_FILE), { readonly: true });
  try {
    const docs = relayDb
      .prepare<[], { doc_id: Buffer; group_id: Buffer }>('SELECT doc_id, group_id FROM documents')
      .all();
    // The keys of my groups, tried on every document of every group (a key of one cannot open
    // another's, but the attacker tries anyway).
    for (const group of groups) {
      for (const [epoch, key] of group.epochKeys) {
        for (const doc of docs) {
          keys.push(
            documentKey(key, new Uint8Array(doc.group_id), new Uint8Array(doc.doc_id), epoch),
          );
        }
      }
    }
    const texts: string[] = [];
    const rows = relayDb.prepare<[], { envelope: Buffer }>('SELECT envelope FROM messages').all();
    for (const row of rows) {
      const envelope = decodeEnvelope(new Uint8Array(row.envelope));
      for (const key of keys) {
        const plain = decryptEnvelope(envelope, key);
        if (plain) texts.push(Buffer.from(plain).toString('latin1'));
      }
    }
    return texts;
  } finally {
    relayDb.close();
  }
}

export const groupIdBytes = fromHex;
