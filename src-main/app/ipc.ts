// Wires the API contract onto Electron IPC: one channel for calls, one for events. Every call is
// checked for its sender (our window's main frame, loaded from our origin) before the core sees it;
// the core then validates the arguments against the contract.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CallOutcome } from '../../src-shared/api';
import type { Core } from '../core/core';
import { isAppUrl } from './app-origin';

export function wireIpc(
  core: Core,
  getWindow: () => BrowserWindow | undefined,
  allowedOrigins: readonly string[],
): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const window = getWindow();
    const frame = event.senderFrame;
    return (
      window !== undefined &&
      event.sender === window.webContents &&
      frame !== null &&
      frame === window.webContents.mainFrame &&
      isAppUrl(frame.url, allowedOrigins)
    );
  };

  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event, method: unknown, args: unknown): Promise<CallOutcome<unknown>> => {
      if (!trusted(event)) {
        return { ok: false, error: { code: 'forbidden-sender', message: 'Call refused.' } };
      }
      return core.call(method, args);
    },
  );

  core.onEvent((event, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
}
