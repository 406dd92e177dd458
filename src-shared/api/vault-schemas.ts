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

/**
 * The open vault's duress passphrase, as its own settings say: a decoy has none of its own, so in a
 * decoy this reads "not set" like any vault without one. preparing: the open vault is the decoy,
 * opened from its real vault to prepare it (known only in memory, until the next lock).
 */
export const DuressStatus = z.object({
  set: z.boolean(),
  destroysVault: z.boolean(),
  preparing: z.boolean(),
  /** An unlock undid a set that a crash cut short: none is set, though the user may think so. */
  unfinished: z.boolean(),
});

export type VaultStatus = z.infer<typeof VaultStatus>;
export type DuressStatus = z.infer<typeof DuressStatus>;
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;
