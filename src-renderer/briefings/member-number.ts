// How a member without a name is shown in briefings: the start of their safety number, as the
// members panel and the audience list show it, so the author can match them; the start of their
// device key only for a device no space of this device lists any more.
import { shortFingerprint } from '../lib/fingerprint';
import { deviceKeyPrefix } from './briefing-order';

export function memberNumber(fingerprint: string | null, device: string): string {
  return (fingerprint !== null ? shortFingerprint(fingerprint) : '') || deviceKeyPrefix(device);
}
