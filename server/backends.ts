// Opens the store and the fan-out the settings name (--store, --fanout): PostgreSQL and NATS for
// several relay processes. For the defaults it opens nothing: startRelay then uses SQLite in the
// data directory and the in-memory fan-out.
import type { RelayConfig } from './config';
import type { Fanout } from './fanout/fanout';
import { connectNatsFanout } from './fanout/nats-fanout';
import { openPgStore } from './store/pg-store';
import type { RelayStore } from './store/relay-store';

export interface Backends {
  store?: RelayStore;
  fanout?: Fanout;
}

export async function openBackends(
  config: Pick<RelayConfig, 'store' | 'storePoolMax' | 'fanout'>,
): Promise<Backends> {
  const store =
    config.store === 'sqlite'
      ? undefined
      : await openPgStore({ url: config.store, max: config.storePoolMax });
  try {
    const fanout =
      config.fanout === 'memory' ? undefined : await connectNatsFanout({ url: config.fanout });
    return { ...(store ? { store } : {}), ...(fanout ? { fanout } : {}) };
  } catch (error) {
    await store?.close();
    throw error;
  }
}
