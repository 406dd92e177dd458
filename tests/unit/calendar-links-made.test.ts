// The event links this device made: a stop waits for the relay the link is on, never forgotten on
// another's OK (a relay answers OK for a share it never had), and only live links are listed.
import { describe, expect, it } from 'vitest';
import {
  forgetExpiredLinksMade,
  keepLinkMade,
  liveLinksOf,
  stopsWanted,
  wantStopped,
} from '../../src-main/core/calendar/links-made-store';
import { runMigrations } from '../../src-main/core/vault/migrations';
import { vaultAtVersion } from '../support/vault-at-version';

const link = (id: string, relayUrl: string, expiresAt = 10_000) => ({
  id,
  relayUrl,
  spaceId: 's1',
  eventId: 'e1',
  orgId: null,
  occurrence: null,
  madeAt: 1,
  expiresAt,
});

describe('event links made', () => {
  it('sends each stop to the relay its link is on, and lists only live links', () => {
    const db = vaultAtVersion(0);
    runMigrations(db);
    keepLinkMade(db, link('a', 'wss://relay-a'));
    keepLinkMade(db, link('b', 'wss://relay-b'));
    keepLinkMade(db, link('old', 'wss://relay-a', 50));
    expect(
      liveLinksOf(db, 's1', 'e1', 100)
        .map((l) => l.id)
        .sort(),
    ).toEqual(['a', 'b']);
    wantStopped(db, 's1', 'e1');
    expect(liveLinksOf(db, 's1', 'e1', 100)).toEqual([]);
    expect(stopsWanted(db, 'wss://relay-a', 100)).toEqual(['a']);
    expect(stopsWanted(db, 'wss://relay-b', 100)).toEqual(['b']);
    forgetExpiredLinksMade(db, 20_000);
    expect(stopsWanted(db, 'wss://relay-a', 100)).toEqual([]);
    db.close();
  });
});
