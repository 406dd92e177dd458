// The fan-out across relay processes: each topic is a NATS subject (core NATS, at most once), so a
// message published on one relay reaches subscribers on every other. Listeners in this process are
// called at once, as in memory-fanout.ts; the NATS connection is told noEcho, so this process never
// gets its own messages back. What NATS loses while it is down is not lost to anyone: every DELIVER
// is committed to the store first, and on reconnection the relay makes its clients catch up from
// there (onGap). That is why no JetStream: the store already is the durable, ordered log.
import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { callListeners, type Fanout, type FanoutListener, type FanoutMessage } from './fanout';

export interface NatsFanoutOptions {
  /** nats://host:port (several comma-separated for a NATS cluster; user:pass@ or a token in it). */
  url: string;
  /** Subject prefix, so several relays (or other tenants) can share one NATS. Default "suviaz". */
  prefix?: string;
}

/** Longest wait for the server to confirm a subscription; longer is an outage, and a gap follows. */
const SETTLE_MS = 2_000;
/** 1 byte flags (bit 0: has seq), 8 bytes seq (float64, big-endian), then the frame. */
const HEADER_BYTES = 9;

function encode(message: FanoutMessage): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + message.frame.length);
  const view = new DataView(out.buffer);
  if (message.seq !== undefined) {
    out[0] = 1;
    view.setFloat64(1, message.seq);
  }
  out.set(message.frame, HEADER_BYTES);
  return out;
}

function decode(data: Uint8Array): FanoutMessage | null {
  if (data.length < HEADER_BYTES) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  const hasSeq = ((data[0] ?? 0) & 1) === 1;
  // Not this process's message (noEcho): no local connection is its origin.
  return {
    frame: data.subarray(HEADER_BYTES),
    origin: '',
    ...(hasSeq ? { seq: view.getFloat64(1) } : {}),
  };
}

/** "doc:<hex>" → "<prefix>.doc.<hex>": the hex ids never contain the separators NATS reserves. */
const subjectOf = (prefix: string, topic: string): string =>
  `${prefix}.${topic.replaceAll(':', '.')}`;

export async function connectNatsFanout(options: NatsFanoutOptions): Promise<Fanout> {
  const nc: NatsConnection = await connect({
    servers: options.url.split(',').map((s) => s.trim()),
    name: 'suviaz-relay',
    noEcho: true,
    // Never give up: while NATS is away the relay serves from the store, and catches up after.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 5_000,
    maxPingOut: 2,
  });
  const prefix = options.prefix ?? 'suviaz';
  const topics = new Map<string, { listeners: Set<FanoutListener>; sub: Subscription }>();
  const gapListeners = new Set<() => void>();
  let connected = true;

  const gap = (): void => {
    for (const listener of gapListeners) listener();
  };

  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') connected = false;
      if (status.type === 'reconnect') {
        connected = true;
        gap();
      }
      // The server dropped messages for us: as good as an outage.
      if (status.type === 'slowConsumer') gap();
    }
  })();

  return {
    subscribe(topic, listener) {
      let entry = topics.get(topic);
      if (!entry) {
        const listeners = new Set<FanoutListener>();
        const sub = nc.subscribe(subjectOf(prefix, topic), {
          callback: (error, msg) => {
            if (error) return;
            const message = decode(msg.data);
            if (message) callListeners(listeners, message);
          },
        });
        entry = { listeners, sub };
        topics.set(topic, entry);
      }
      entry.listeners.add(listener);
      return () => {
        const current = topics.get(topic);
        if (!current) return;
        current.listeners.delete(listener);
        if (current.listeners.size > 0) return;
        topics.delete(topic);
        if (!nc.isClosed()) current.sub.unsubscribe();
      };
    },
    publish(topic, message, then) {
      callListeners(topics.get(topic)?.listeners, message, then);
      // While disconnected the client buffers it, but drops the buffer when it dials again: a
      // subscriber elsewhere reads the lost seq from the store when a later one arrives
      // (subscriptions.ts), and the gap at reconnection makes every client catch up from there.
      try {
        if (!nc.isClosed()) nc.publish(subjectOf(prefix, topic), encode(message));
      } catch {
        // Called once the message is durable: nothing may throw from here into the handler.
      }
    },
    async settled() {
      // The PING after our SUB comes back once the server has registered the SUB. While NATS is
      // away there is nothing to wait for: the reconnection's gap makes everyone catch up.
      if (!connected || nc.isClosed()) return;
      let timer: NodeJS.Timeout | undefined;
      const outage = new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_MS)));
      await Promise.race([nc.flush().catch(() => undefined), outage]);
      clearTimeout(timer);
    },
    onGap(listener) {
      gapListeners.add(listener);
    },
    connected: () => connected && !nc.isClosed(),
    async close() {
      topics.clear();
      gapListeners.clear();
      if (!nc.isClosed()) await nc.close();
    },
  };
}
