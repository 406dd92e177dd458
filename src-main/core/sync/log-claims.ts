// Signed membership-log heads that members showed me and that are longer than my log. Until my log
// reaches such a head I do not write: the entries I have not been shown may remove someone, and I
// would go on encrypting to them. A relay that keeps those entries back is named to the user.
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';

interface Claim {
  length: number;
  /** Hex key of the member who signed the longest head. */
  author: string;
  /** The refresh that should bring the entries has been tried, and they did not come. */
  withheld: boolean;
}

export interface LogClaimsDeps {
  groups: ReadonlyMap<string, StoredGroup>;
  refresh(groupId: Uint8Array): Promise<boolean>;
  warn(docHex: string | null, reason: string, deviceKey: string | null): void;
}

export function createLogClaims(deps: LogClaimsDeps) {
  const claims = new Map<string, Claim>();

  /** The claim still stands: longer than my log, by someone who is still a member in it. */
  function standing(group: StoredGroup): Claim | null {
    const hex = toHex(group.groupId);
    const claim = claims.get(hex);
    if (!claim) return null;
    if (claim.length <= group.state.length || !group.state.members.has(claim.author)) {
      claims.delete(hex);
      return null;
    }
    return claim;
  }

  /**
   * A member signed a head of `length` entries. Fetch the log; if the relay still does not show
   * that much, warn once (naming the member) and keep my writes held.
   */
  function note(group: StoredGroup, length: number, author: string, docHex: string | null): void {
    if (length <= group.state.length || !group.state.members.has(author)) return;
    const hex = toHex(group.groupId);
    const known = claims.get(hex);
    if (known && known.length >= length) {
      if (known.withheld) return;
    } else {
      claims.set(hex, { length, author, withheld: false });
    }
    void deps
      .refresh(group.groupId)
      .catch(() => false)
      .then(() => {
        const now = deps.groups.get(hex);
        const claim = now ? standing(now) : null;
        if (!claim || claim.withheld) return;
        claim.withheld = true;
        deps.warn(docHex, 'log-withheld', claim.author);
      });
  }

  return {
    note,
    /** My writes to this group wait: someone has seen a longer log than the relay shows me. */
    writesHeld: (group: StoredGroup): boolean => standing(group) !== null,
    forget: (groupId: Uint8Array): void => void claims.delete(toHex(groupId)),
  };
}

export type LogClaims = ReturnType<typeof createLogClaims>;
