// What the calendar and the organisations (src-main/core/calendar) may do with the open shared
// documents: read a group's document and write to it as this device, through the same outbox and
// renderer replica as any edit. Keys stay inside the engine.
import { toHex } from '../../../src-shared/protocol/bytes';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import { openDoc, type OpenDocDeps } from './open-documents';
import type { RelayConnection } from './relay-connection';
import { changeAsUpdate } from './scratch-update';
import type * as Y from 'yjs';

export interface DocAccess {
  readonly meHex: string;
  /** Every group this device holds (spaces, and organisations with a parent). */
  groups(): StoredGroup[];
  group(groupHex: string): StoredGroup | undefined;
  /** The group's document as synced (opened if needed); null when this device holds none. */
  ydoc(group: StoredGroup): Y.Doc | null;
  /** This device may write the group's document now (an active writer). */
  canWrite(group: StoredGroup): boolean;
  /** Makes one change to the group's document: into the outbox and out to the renderer. */
  write(group: StoredGroup, change: (doc: Y.Doc) => void): Promise<void>;
  nameOf(deviceHex: string): string | null;
  /** The relay this engine syncs through, and its connection when there is one. */
  readonly relayUrl: string;
  connection(): RelayConnection | null;
  /** Signs as this device / opens what was sealed to this device's box key. */
  sign(message: Uint8Array): Uint8Array;
  openSealed(sealed: Uint8Array): Uint8Array;
}

export function createDocAccess(deps: {
  docDeps: OpenDocDeps;
  groups: ReadonlyMap<string, StoredGroup>;
  meHex: string;
  names: ReadonlyMap<string, string>;
  myName(): string;
  toRenderer(docHex: string, update: Uint8Array): void;
  relayUrl: string;
  connection(): RelayConnection | null;
  sign(message: Uint8Array): Uint8Array;
  openSealed(sealed: Uint8Array): Uint8Array;
}): DocAccess {
  const { docDeps, groups, meHex } = deps;

  function ydoc(group: StoredGroup): Y.Doc | null {
    if (group.wiped || (group.status !== 'active' && !docDeps.docs.has(toHex(group.docId)))) {
      return null;
    }
    try {
      return openDoc(docDeps, toHex(group.docId)).sync.ydoc;
    } catch {
      return null;
    }
  }

  const writable = (group: StoredGroup): boolean =>
    group.status === 'active' && !group.wiped && canWrite(group.state, docDeps.me);

  async function write(group: StoredGroup, change: (doc: Y.Doc) => void): Promise<void> {
    const doc = ydoc(group);
    if (!doc || !writable(group)) {
      throw new SuviazError('not-member', 'This device cannot write in this space any more.');
    }
    const update = changeAsUpdate(doc, change);
    const docHex = toHex(group.docId);
    await openDoc(docDeps, docHex).sync.applyLocalUpdate(update);
    deps.toRenderer(docHex, update);
  }

  return {
    meHex,
    groups: () => [...groups.values()],
    group: (groupHex) => groups.get(groupHex),
    ydoc,
    canWrite: writable,
    write,
    relayUrl: deps.relayUrl,
    connection: deps.connection,
    sign: deps.sign,
    openSealed: deps.openSealed,
    nameOf: (deviceHex) =>
      deviceHex === meHex ? deps.myName() || null : (deps.names.get(deviceHex) ?? null),
  };
}
