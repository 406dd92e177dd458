// The in-process fan-out: listeners per topic, called synchronously in publish order.
import { callListeners, type Fanout, type FanoutListener, type FanoutMessage } from './fanout';

export function createMemoryFanout(): Fanout {
  const topics = new Map<string, Set<FanoutListener>>();
  return {
    subscribe(topic, listener) {
      let listeners = topics.get(topic);
      if (!listeners) {
        listeners = new Set();
        topics.set(topic, listeners);
      }
      listeners.add(listener);
      return () => {
        const current = topics.get(topic);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) topics.delete(topic);
      };
    },
    publish(topic, message: FanoutMessage, then) {
      callListeners(topics.get(topic), message, then);
    },
    async close() {
      topics.clear();
    },
  };
}
