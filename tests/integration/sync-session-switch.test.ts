// Changing the relay restarts the engine; the calendar and briefings sessions of the old engine
// stop with it, also one that a call made while the old engine was stopping.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { startSyncSession } from '../../src-main/core/session/sync-session';
import { createVault, type OpenVault } from '../../src-main/core/vault/vault';
import { PASSPHRASE } from '../support/sync-clients';

const made = vi.hoisted(() => ({ calendars: [] as { stopped: boolean }[] }));

vi.mock('../../src-main/core/calendar/calendar-session', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../src-main/core/calendar/calendar-session')>();
  return {
    ...original,
    createCalendarSession: (...args: Parameters<typeof original.createCalendarSession>) => {
      const session = original.createCalendarSession(...args);
      const record = { stopped: false };
      made.calendars.push(record);
      return {
        ...session,
        stop() {
          record.stopped = true;
          session.stop();
        },
      };
    },
  };
});

let vault: OpenVault | null = null;
afterEach(() => {
  if (vault?.db.open) vault.close();
});

describe('the sync session', () => {
  it('stops a calendar session made while the engine was being replaced', async () => {
    vault = await createVault(mkdtempSync(join(tmpdir(), 'suviaz-switch-')), PASSPHRASE, {
      kdf: KDF_FAST_FOR_TESTS,
    });
    const session = startSyncSession(vault.db, '', () => undefined);
    const switching = session.setConnection('ws://127.0.0.1:9/', { kind: 'none' });
    // A calendar call while the old engine stops.
    const during = session.calendar();
    await switching;
    expect(session.calendar()).not.toBe(during);
    await session.stop();
    expect(made.calendars.length).toBeGreaterThanOrEqual(3);
    expect(made.calendars.filter((c) => !c.stopped)).toEqual([]);
  });
});
