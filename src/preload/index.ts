// The preload exposes window.sago: one named method per IPC contract entry (window.sago.sales.complete(req)) and
// on(event, listener) for the contract's events. It never exposes ipcRenderer, a generic invoke or the IPC event
// object; it knows only the contract's names (src/shared/ipc/channels.ts), so the sandboxed bundle stays tiny.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SagoApi } from '../shared/ipc/api';
import { CHANNELS, EVENTS, EVENT_CHANNEL_PREFIX } from '../shared/ipc/channels';

type Operation = (request?: unknown) => Promise<unknown>;

function buildSagoApi(): SagoApi {
  const api: Record<string, Record<string, Operation>> = {};
  for (const channel of CHANNELS) {
    const [domain = '', verb = ''] = channel.split(':');
    (api[domain] ??= {})[verb] = (request) => ipcRenderer.invoke(channel, request ?? {});
  }
  const events: readonly string[] = EVENTS;
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!events.includes(event)) throw new Error(`Unknown event: ${event}`);
    const wire = `${EVENT_CHANNEL_PREFIX}${event}`;
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(wire, forward);
    return () => {
      ipcRenderer.removeListener(wire, forward);
    };
  };
  // Built from the same channel list the contract is checked against (contract.test.ts), so it has SagoApi's shape.
  return Object.freeze({ ...api, on }) as unknown as SagoApi;
}

contextBridge.exposeInMainWorld('sago', buildSagoApi());
