// A `ws` WebSocket that counts the payload bytes it sends and receives, handed to the sync engine
// through its `webSocket` option so that bytes on the wire can be reported; and, for the catch-up
// scenario, a client's network that can be cut and restored while its app keeps running.
import WebSocket from 'ws';

export interface ByteCounter {
  sent: number;
  received: number;
}

/** A client's network: while off, its sockets are gone and new ones are refused at once. */
export interface NetworkSwitch {
  online: boolean;
  sockets: Set<WebSocket>;
}

export const networkSwitch = (): NetworkSwitch => ({ online: true, sockets: new Set() });

/** Drops every open socket and refuses new ones until `restore`. */
export function cutNetwork(network: NetworkSwitch): void {
  network.online = false;
  for (const socket of network.sockets) socket.terminate();
}

export function restoreNetwork(network: NetworkSwitch): void {
  network.online = true;
}

/** Nothing listens on port 1: a connection there is refused at once. */
const REFUSED = 'ws://127.0.0.1:1';

export function countingWebSocket(counter: ByteCounter, network?: NetworkSwitch): typeof WebSocket {
  class CountingWebSocket extends WebSocket {
    // The ws constructor is overloaded; the engine only ever calls it as (url, options).
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      const [url, ...rest] = args;
      super(...([network && !network.online ? REFUSED : url, ...rest] as typeof args));
      network?.sockets.add(this);
      this.on('close', () => network?.sockets.delete(this));
      this.on('message', (data: Buffer) => {
        counter.received += data.byteLength;
      });
    }

    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      if (data instanceof Uint8Array || data instanceof ArrayBuffer)
        counter.sent += data.byteLength;
      // Forwarding the optional (options, callback) arguments as they came.
      (super.send as (...all: unknown[]) => void)(data, ...rest);
    }
  }
  // Same class with a narrower constructor signature than ws's overloads: the engine only uses (url, options).
  return CountingWebSocket as unknown as typeof WebSocket;
}
