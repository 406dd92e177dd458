// The attacker's view of briefings: every mail item the relay stores, for any device, tried with
// the keys of one device's vault.
import type { RelayStore } from '../../server/store/relay-store';
import type { BriefingClient } from './briefing-clients';

/** Opens what it can of every stored item (all recipients) with `c`'s box key. */
export async function openSealedMailAttempts(store: RelayStore, c: BriefingClient) {
  const opened: string[] = [];
  let tried = 0;
  const access = c.engine.docAccess();
  for (const group of access.groups()) {
    for (const member of group.state.members.values()) {
      const items = await store.mailFor(group.groupId, member.key, 0, 10_000);
      for (const item of items) {
        tried++;
        try {
          opened.push(Buffer.from(access.openSealed(item.ciphertext)).toString('utf8'));
        } catch {
          // Not sealed to this device: the expected outcome.
        }
      }
    }
  }
  return { tried, opened };
}
