// How long a group's membership log may grow. Up to maxLogEntries, anything the rules allow; past
// it, only what lets people out: a leave, a removal, the approval of one, and the new epoch a leave
// asks for. Those are bounded by the members there are, so the log stays bounded, and a full log
// (a hostile admin can fill it) never keeps anyone in a group. The relay takes no entry past the
// limit that breaks this, and clients refuse a log that holds one: only a hostile or an old relay
// serves it, and every replay and index of the log costs each client in proportion to its length.
import { bytesEqual } from './bytes';
import type { MembershipEntry } from './membership-entry';
import type { GroupState } from './membership-state';

function removalPending(state: GroupState, member: Uint8Array): boolean {
  for (const { op } of state.pending.values()) {
    if (op.type === 'remove' && bytesEqual(op.member, member)) return true;
  }
  return false;
}

/** Whether the entry lets someone out (or completes that) and may go past the log's limit. */
function letsOut(state: GroupState, entry: MembershipEntry): boolean {
  const op = entry.op;
  switch (op.type) {
    case 'leave':
      return true;
    case 'remove':
      // One proposal per member: waiting removals must not pile up.
      return !removalPending(state, op.member);
    case 'approve':
      return state.pending.get(op.index)?.op.type === 'remove';
    case 'rotate':
      return state.rotationNeeded;
    default:
      return false;
  }
}

/** Why the log has no room for this entry, or null when it has. */
export function logRoomProblem(
  state: GroupState | null,
  entry: MembershipEntry,
  maxLogEntries: number,
): string | null {
  if (entry.index < maxLogEntries || (state && letsOut(state, entry))) return null;
  return (
    `the group's membership log is full (${maxLogEntries} entries): ` +
    'only leaving and removals are taken'
  );
}
