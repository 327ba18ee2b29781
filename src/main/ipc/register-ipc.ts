// Binds the IPC contract to the core's handler map: one ipcMain.handle per contract entry. Main distrusts every
// message: only our window's main frame, showing our own page, may call; the payload is parsed by dispatchIpc before
// any handler runs; the answer is an IpcResult whose errors carry no stack and no secret.
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { RegisterEvents } from '../../core/app/contract-events';
import { dispatchIpc, type DispatchLog, type IpcBinding } from '../../core/app/dispatch';
import type { IpcResult } from '../../shared/ipc/api';
import { CHANNELS, EVENTS, EVENT_CHANNEL_PREFIX } from '../../shared/ipc/channels';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcLog extends DispatchLog {
  warn(message: string, meta?: Record<string, unknown>): void;
}

export const FOREIGN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'not_allowed', message: 'Solicitud rechazada: no viene de la ventana de la aplicación' },
};

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpc(options: {
  ipcMain: IpcMainLike;
  ipc: IpcBinding;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  log?: IpcLog;
}): () => void {
  const { ipcMain, ipc, isTrustedSender, log } = options;
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event)) {
        log?.warn('IPC call from a foreign frame refused', { channel, url: event.senderFrame?.url ?? null });
        return FOREIGN_SENDER;
      }
      return dispatchIpc(ipc, channel, payload, log);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

type WindowLike = {
  isDestroyed(): boolean;
  webContents: { mainFrame: Pick<WebFrameMain, 'processId' | 'frameToken'> };
};

/**
 * True when the call comes from the window's main frame (not an iframe, not another window) and that frame shows our
 * own page (isAppUrl), so a page that somehow got navigated elsewhere cannot call the register.
 */
export function isFromMainFrame(
  window: WindowLike | undefined,
  event: { sender: unknown; senderFrame: Pick<WebFrameMain, 'processId' | 'frameToken' | 'url'> | null },
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame.processId === main.processId &&
    frame.frameToken === main.frameToken &&
    isAppUrl(frame.url)
  );
}

/** Forwards the contract events to the window as `sago-event:<name>`; returns the unsubscribe function. */
export function forwardEvents(
  events: RegisterEvents,
  target: () => Pick<WebContents, 'send' | 'isDestroyed'> | undefined,
): () => void {
  const offs = EVENTS.map((name) =>
    events.on(name, (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(`${EVENT_CHANNEL_PREFIX}${name}`, payload);
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}
