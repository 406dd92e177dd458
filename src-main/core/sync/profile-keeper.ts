// Keeps members' names current from their signed profiles: writes mine into every space I can
// write in (at first sync and when I change my name), stores a member's profile that arrived in its
// presence when the document lacks it (a viewer cannot write the document itself), and teaches
// the engine every valid name it reads.
import { fromHex, toHex } from '../../../src-shared/protocol/bytes';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { rememberDeviceName } from '../groups/contacts-store';
import { cleanMemberName, type SignedProfile } from '../../../src-shared/protocol/member-profile';
import type { Db } from '../vault/migrations';
import type { Sign } from './envelope-crypto';
import { checkedProfile, profileUpdate, readProfiles, signProfile } from './member-profiles';
import type { OpenDoc } from './open-documents';

export interface ProfileKeeperDeps {
  db: Db;
  me: Uint8Array;
  sign: Sign;
  /** Device names this device knows, updated in place. */
  names: Map<string, string>;
  myName(): string;
  /** Sends an update main made to the renderer's replica of the document. */
  toRenderer(docHex: string, update: Uint8Array): void;
  onNamesChanged(): void;
}

const ADOPT_INTERVAL_MS = 5 * 60_000;

const idsOf = (doc: OpenDoc) => ({ groupId: doc.group.groupId, docId: doc.group.docId });

export function createProfileKeeper(deps: ProfileKeeperDeps) {
  const meHex = toHex(deps.me);
  /** My signed profile per document, so presence does not sign it again every few seconds. */
  const mine = new Map<string, { name: string; bytes: Uint8Array }>();
  /** When I last stored another member's profile, by document and member. */
  const adopted = new Map<string, number>();

  /** Made by main, not typed in the renderer: into the outbox, and to the renderer's replica. */
  function writeLocal(doc: OpenDoc, update: Uint8Array): void {
    void doc.sync.applyLocalUpdate(update).catch(() => undefined);
    deps.toRenderer(toHex(doc.group.docId), update);
  }

  const writable = (doc: OpenDoc): boolean =>
    doc.group.status === 'active' && canWrite(doc.group.state, deps.me);

  function myProfile(doc: OpenDoc): Uint8Array | null {
    const name = deps.myName().trim();
    if (!name) return null;
    const key = toHex(doc.group.docId);
    const cached = mine.get(key);
    if (cached?.name === name) return cached.bytes;
    const bytes = signProfile(idsOf(doc), deps.me, name, Date.now(), deps.sign);
    mine.set(key, { name, bytes });
    return bytes;
  }

  /**
   * Writes my profile into the document unless it already names me so. `verified`: the
   * document's profiles as just read, so their signatures are not checked twice.
   */
  function ensureMine(doc: OpenDoc, verified?: ReadonlyMap<string, SignedProfile>): void {
    if (!writable(doc) || !doc.sync.readable()) return;
    const bytes = myProfile(doc);
    if (!bytes) return;
    const stored = (verified ?? readProfiles(doc.sync.ydoc, idsOf(doc))).get(meHex);
    if (stored?.name === deps.myName().trim()) return;
    writeLocal(doc, profileUpdate(doc.sync.ydoc, meHex, bytes));
  }

  /**
   * A member's profile from its presence: stored if it is valid and names it otherwise than the
   * document does, at most once per member every few minutes (a modified app that re-signs its
   * profile with every presence must not make every writer store the document again and again).
   */
  function adopt(doc: OpenDoc, deviceHex: string, bytes: Uint8Array): void {
    if (deviceHex === meHex || !writable(doc) || !doc.group.state.members.has(deviceHex)) return;
    if (!doc.sync.readable()) return;
    const throttleKey = `${toHex(doc.group.docId)}:${deviceHex}`;
    const last = adopted.get(throttleKey) ?? 0;
    if (Date.now() - last < ADOPT_INTERVAL_MS) return;
    const offered = checkedProfile(idsOf(doc), deviceHex, bytes);
    if (!offered) return;
    const stored = readProfiles(doc.sync.ydoc, idsOf(doc)).get(deviceHex);
    if (stored && (stored.at >= offered.at || stored.name === offered.name)) return;
    adopted.set(throttleKey, Date.now());
    writeLocal(doc, profileUpdate(doc.sync.ydoc, deviceHex, bytes));
  }

  /** Learns every valid name in the document (former members' too); returns the valid profiles. */
  function read(doc: OpenDoc): Map<string, SignedProfile> {
    // A document main cannot read (its vault copy refused) names nobody.
    if (!doc.sync.readable()) return new Map();
    let changed = false;
    const profiles = readProfiles(doc.sync.ydoc, idsOf(doc));
    for (const [deviceHex, profile] of profiles) {
      // The profile keeps the name as signed; the app only the name as it may be shown.
      const name = cleanMemberName(profile.name);
      if (deviceHex === meHex || !name || deps.names.get(deviceHex) === name) continue;
      rememberDeviceName(deps.db, deps.names, fromHex(deviceHex), name, profile.at);
      changed = true;
    }
    if (changed) deps.onNamesChanged();
    return profiles;
  }

  /** The document's profiles changed: learn the names, and write mine again if it was overwritten. */
  function changed(doc: OpenDoc, stillOpen: () => boolean): void {
    setImmediate(() => {
      if (!stillOpen()) return;
      try {
        ensureMine(doc, read(doc));
      } catch (error) {
        // A name that could not be stored (a full disk) is learned again at the next change.
        console.error('sync: member profiles could not be read', error);
      }
    });
  }

  return { ensureMine, adopt, read, myProfile, changed };
}

export type ProfileKeeper = ReturnType<typeof createProfileKeeper>;
