// Sync by file for one sync engine: export and import of bundles, and passing the membership
// entries a bundle brought on to this device's relay once it is connected (docs/network.md).
import { toHex } from '../../../src-shared/protocol/bytes';
import { isPassingFailure, RelayRequestError } from '../sync/relay-requests';
import { exportBundle, type ExportedBundle } from './bundle-export';
import { importBundle, type ImportedBundle } from './bundle-import';
import { forwardDone, pendingForwards } from './bundle-store';
import type { SneakernetDeps } from './sneakernet-deps';

export type { SneakernetDeps } from './sneakernet-deps';

export interface Sneakernet {
  exportBundle(spaceId: string): ExportedBundle;
  importBundle(file: Uint8Array): Promise<ImportedBundle>;
  /** Sends the queued entries; called on every connection, before the groups are refreshed. */
  forwardPending(): Promise<void>;
}

export function createSneakernet(deps: SneakernetDeps): Sneakernet {
  let forwarding: Promise<void> | null = null;

  async function forwardAll(): Promise<void> {
    const c = deps.connection();
    if (!c || c.status() !== 'connected') return;
    // In log order: the relay takes entry n + 1 only after entry n.
    for (const item of pendingForwards(deps.db)) {
      // A space of another relay (the user switched relays since the import): its entries wait
      // for that relay. Sent here they would tell this one the space and its members' keys.
      if (item.entry && !deps.groups.has(toHex(item.groupId))) continue;
      if (item.entry) {
        try {
          // GROUP_APPEND takes a member's signed entry from any device; one already there is OK.
          await c.request({ type: 'groupAppend', entry: item.entry });
        } catch (error) {
          if (!(error instanceof RelayRequestError)) throw error;
          if (isPassingFailure(error)) return; // next connection
          // A carried entry the relay will not take: said as the bundle's, not as my edits'.
          deps.warn(`bundle-refused-${error.code}`);
        }
      }
      forwardDone(deps.db, item.groupId, item.idx);
    }
  }

  function forwardPending(): Promise<void> {
    forwarding ??= forwardAll()
      .catch(() => undefined)
      .finally(() => {
        forwarding = null;
      });
    return forwarding;
  }

  return {
    exportBundle: (spaceId) => exportBundle(deps, spaceId, Date.now()),
    async importBundle(file) {
      const result = await importBundle(deps, file);
      if (result.newEntries > 0) void forwardPending();
      return result;
    },
    forwardPending,
  };
}
