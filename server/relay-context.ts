// What every handler shares: the store, the fan-out, the membership states, the group locks, the
// metrics and the limits of one running relay; and what a handler may do with its connection.
import type { RelayFrame } from '../src-shared/protocol/frames';
import type { DeviceConnections } from './device-connections';
import type { Fanout } from './fanout/fanout';
import type { GroupDirectory } from './group-directory';
import type { KeyedLock } from './keyed-lock';
import type { RelayMetrics } from './metrics';
import type { RelayLimits } from './relay-limits';
import type { RelayStore } from './store/relay-store';
import type { Subscriptions } from './subscriptions';

export interface RelayContext {
  store: RelayStore;
  fanout: Fanout;
  groups: GroupDirectory;
  locks: KeyedLock;
  metrics: RelayMetrics;
  limits: RelayLimits;
  /** Signed-in connections per device in this process (limits.maxConnectionsPerDevice). */
  devices: DeviceConnections<{ displace(): void }>;
}

/** An authenticated connection as handlers see it. */
export interface Session {
  /** Unique per connection in this process; fan-out uses it to skip the sender. */
  readonly id: string;
  readonly device: Uint8Array;
  readonly subscriptions: Subscriptions;
  send(frame: RelayFrame): void;
  /** Resolves when the socket's send buffer is low enough to queue more catch-up. */
  drained(): Promise<void>;
  isOpen(): boolean;
  /** Closes the connection (1001) so that its client reconnects and catches up from the store. */
  resync(): void;
}
