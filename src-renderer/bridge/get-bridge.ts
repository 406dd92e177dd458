// The one way the renderer reaches main: the preload's window.suviaz in Electron, or a WebSocket
// bridge to the browser host otherwise. Built once and shared.
import type { SuviazBridge } from '../../src-shared/api';
import { takeHostToken } from './host-token';
import { createWebSocketBridge } from './websocket-bridge';

let bridge: SuviazBridge | undefined;

export function getBridge(): SuviazBridge {
  if (bridge) return bridge;
  if (window.suviaz) {
    bridge = window.suviaz;
  } else {
    // Without a token the host refuses the socket; the banner then says the connection is lost.
    bridge = createWebSocketBridge(takeHostToken() ?? '');
  }
  return bridge;
}
