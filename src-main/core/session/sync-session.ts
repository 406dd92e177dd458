// Runs the sync engine while the vault is unlocked, for the relay in the settings, and turns its
// callbacks into API events. Without a relay the engine still runs (spaces open offline) but never
// connects.
import type { EventName, EventPayload, ProxySetting, SyncState } from '../../../src-shared/api';
import { createBriefingSession, type BriefingSession } from '../briefings/briefing-session';
import { createCalendarSession, type CalendarSession } from '../calendar/calendar-session';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import { getSettings } from '../settings/settings';
import type { Db } from '../vault/migrations';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SyncSession {
  engine(): SyncEngine;
  /** The calendar and organisations of the running engine. */
  calendar(): CalendarSession;
  /** The briefings of the running engine. */
  briefings(): BriefingSession;
  /** Restarts the engine when the relay address or the way to reach it changes. */
  setConnection(relayUrl: string, proxy: ProxySetting): Promise<void>;
  stop(): Promise<void>;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function startSyncSession(
  db: Db,
  relayUrl: string,
  emit: Emit,
  /** Briefings' clock, where a test moves it; Date.now otherwise. */
  briefingClock?: () => number,
): SyncSession {
  const briefingsFor = (engine: SyncEngine): BriefingSession =>
    createBriefingSession(db, engine, emit, briefingClock ? { now: briefingClock } : {});
  let currentUrl = relayUrl;
  let currentProxy: ProxySetting = getSettings(db).proxy;
  let calendar: CalendarSession | null = null;
  let briefings: BriefingSession | null = null;
  const start = (url: string): SyncEngine =>
    createSyncEngine({
      db,
      relayUrl: url,
      proxy: currentProxy,
      myName: () => getSettings(db).displayName,
      on: {
        remoteUpdate: (docId, update) => {
          emit('docs.remoteUpdate', { docId, update: toBase64(update) });
          calendar?.changed();
        },
        presence: (docId, peers) => emit('docs.presence', { docId, peers }),
        state: (state: SyncState) => emit('sync.state', state),
        spacesChanged: () => emit('spaces.changed', {}),
      },
    });
  const stopSessions = (): void => {
    calendar?.stop();
    calendar = null;
    briefings?.stop();
    briefings = null;
  };
  let engine = start(currentUrl);
  calendar = createCalendarSession(db, engine, emit);
  briefings = briefingsFor(engine);

  return {
    engine: () => engine,
    calendar: () => {
      calendar ??= createCalendarSession(db, engine, emit);
      return calendar;
    },
    briefings: () => {
      briefings ??= briefingsFor(engine);
      return briefings;
    },
    async setConnection(next, proxy) {
      if (next === currentUrl && JSON.stringify(proxy) === JSON.stringify(currentProxy)) return;
      stopSessions();
      await engine.stop();
      // A call that came while the old engine stopped made its sessions on it: they go with it.
      stopSessions();
      currentUrl = next;
      currentProxy = proxy;
      engine = start(next);
      calendar = createCalendarSession(db, engine, emit);
      briefings = briefingsFor(engine);
      emit('spaces.changed', {});
    },
    stop: () => {
      calendar?.stop();
      briefings?.stop();
      return engine.stop();
    },
  };
}
