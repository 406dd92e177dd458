// "Export for another device": a bundle of what the space's other members may lack, made offline:
// the whole verified membership log, a lockbox of the current epoch key for each member (when I am
// an admin), and the document's Yjs state (when I may write), signed by me and sealed to them.
import { toHex } from '../../../src-shared/protocol/bytes';
import { LIMITS } from '../../../src-shared/limits';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { fromHex, randomBytes } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { makeLockbox } from '../groups/group-ops';
import { sealBundle } from './bundle-seal';
import { lastCounter, setCounter } from './bundle-store';
import type { SneakernetDeps } from './sneakernet-deps';

export interface ExportedBundle {
  bytes: Uint8Array;
  /**
   * Names neither the space, the app, the exporter nor the day, and links no two bundles: the file
   * may be looked at on the way. `bundle-<8 random hex digits>.bin`.
   */
  fileName: string;
}

export function exportBundle(deps: SneakernetDeps, spaceId: string, now: number): ExportedBundle {
  const { db, me } = deps;
  const group = deps.groups.get(spaceId);
  if (!group || group.parentId) throw new SuviazError('not-found', 'There is no such space.');
  if (group.status !== 'active' || group.wiped) {
    throw new SuviazError('not-member', 'This device is not a member of this space (any more).');
  }
  const { state } = group;
  const meHex = toHex(me);
  const others = [...state.members].filter(([hex]) => hex !== meHex);
  // Keys of whoever I add later are not in it: they learn everything from the relay or a later bundle.
  const recipients = others.map(([, member]) => member.boxKey);
  // A viewer's state would be refused by the others (it may not write), so it carries the log only.
  const docState = canWrite(state, me)
    ? deps.document(toHex(group.docId)).state()
    : new Uint8Array();
  const epochKey = group.epochKeys.get(state.epoch);
  const lockboxes =
    state.members.get(meHex)?.role === 'admin' && epochKey
      ? others.map(([hex, member]) =>
          makeLockbox({
            groupId: group.groupId,
            epoch: state.epoch,
            epochKey,
            recipient: { signingKey: fromHex(hex), boxKey: member.boxKey },
            author: me,
            sign: deps.sign,
          }),
        )
      : [];
  const counter = lastCounter(db, me, group.groupId) + 1;
  const bytes = sealBundle(
    {
      groupId: group.groupId,
      docId: group.docId,
      exporter: me,
      counter,
      createdAt: now,
      entries: group.entries,
      lockboxes,
      docState,
    },
    recipients,
    deps.sign,
  );
  if (bytes.length > LIMITS.bundle.maxBytes) {
    throw new SuviazError('bundle-too-large', `the bundle would be ${bytes.length} bytes`);
  }
  setCounter(db, me, group.groupId, counter);
  // Random, not the day and counter: sticks found together must not line up as one member's series
  // of one space. Not constant either, so that two bundles saved in one folder keep their names.
  return { bytes, fileName: `bundle-${toHex(randomBytes(4))}.bin` };
}
