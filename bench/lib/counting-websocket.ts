// A `ws` WebSocket that counts the payload bytes it sends and receives, handed to the sync engine
// through its `webSocket` option so that bytes on the wire can be reported.
import WebSocket from 'ws';

export interface ByteCounter {
  sent: number;
  received: number;
}

export function countingWebSocket(counter: ByteCounter): typeof WebSocket {
  class CountingWebSocket extends WebSocket {
    // The ws constructor is overloaded; the engine only ever calls it as (url, options).
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
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
