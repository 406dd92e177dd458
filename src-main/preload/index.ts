// The preload: exposes exactly the API contract's method and event names on window.suviaz, each a
// thin pass-through to the one IPC channel. No other Electron or Node capability reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  METHOD_NAMES,
  type EventName,
} from '../../src-shared/api';

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: Record<string, unknown> = Object.fromEntries(
  METHOD_NAMES.map((name) => [
    name,
    (args: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, args),
  ]),
);
bridge.on = (name: EventName, listener: Listener): (() => void) => {
  if (!EVENT_NAMES.includes(name) || typeof listener !== 'function') {
    throw new TypeError('Unknown Suviaz event.');
  }
  const set = listeners.get(name) ?? new Set<Listener>();
  listeners.set(name, set);
  set.add(listener);
  return () => set.delete(listener);
};

contextBridge.exposeInMainWorld('suviaz', bridge);
