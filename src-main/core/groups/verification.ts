// Marking a member's device verified (its safety number checked out of band) or not: stored in the
// vault only, with the safety number and the name it had, for the changed-key warning.
import { SuviazError } from '../errors';
import { safetyNumber } from '../identity/device-identity';
import type { Db } from '../vault/migrations';
import { loadVerifiedDevices, setDeviceVerified, type VerifiedDevice } from './contacts-store';
import type { StoredGroup } from './group-store';

/** Returns the verified devices as they are now. */
export function markVerified(
  db: Db,
  groups: Iterable<StoredGroup>,
  names: ReadonlyMap<string, string>,
  deviceKey: string,
  verified: boolean,
): Map<string, VerifiedDevice> {
  const member = [...groups]
    .map((g) => g.state.members.get(deviceKey))
    .find((m) => m !== undefined);
  if (!member) throw new SuviazError('not-found', 'No space of yours has this device.');
  const fingerprint = safetyNumber(member.key, member.boxKey);
  setDeviceVerified(
    db,
    member.key,
    verified ? { fingerprint, name: names.get(deviceKey) ?? null } : null,
    Date.now(),
  );
  return loadVerifiedDevices(db);
}
