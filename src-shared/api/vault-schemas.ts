// The vault's part of the API contract (src-shared/api.ts registers the methods): the passphrase,
// the vault's state on disk and this device's identity.
import { z } from 'zod';
import { LIMITS } from '../limits';

export const Passphrase = z.string().min(1).max(LIMITS.passphraseMaxChars);

export const VaultState = z.enum(['none', 'locked', 'unlocked', 'damaged']);
export const VaultStatus = z.object({
  state: VaultState,
  /** Set when state is 'damaged': what is wrong with the files on disk. */
  problem: z.enum(['keyfile-missing', 'database-missing']).nullable(),
});

export const DeviceIdentity = z.object({
  signingPublicKey: z.string(),
  boxPublicKey: z.string(),
  /** Safety number: 12 groups of 5 digits, derived from both public keys. */
  fingerprint: z.string(),
});

export type VaultStatus = z.infer<typeof VaultStatus>;
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;
