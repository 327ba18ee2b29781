// window.sago as the preload builds it, with a mocked `electron`: one named method per contract entry, event
// subscriptions that hand the listener the payload only, and nothing generic exposed.
import { describe, expect, it, vi } from 'vitest';
import type { SagoApi } from '../shared/ipc/api';
import { CHANNELS } from '../shared/ipc/channels';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn((channel: string, request: unknown) => Promise.resolve({ ok: true, value: { channel, request } })),
  };
});

vi.mock('electron', () => {
  const m = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: {
      invoke: electron.invoke,
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const set = electron.listeners.get(channel) ?? new Set();
        set.add(listener);
        electron.listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        electron.listeners.get(channel)?.delete(listener),
    },
  };
  return { ...m, default: m };
});

await import('./index');
const sago = electron.exposed.get('sago') as SagoApi;

describe('preload window.sago', () => {
  it('exposes exactly one method per contract entry, grouped by domain, plus on()', () => {
    expect([...electron.exposed.keys()]).toEqual(['sago']);
    const methods = Object.entries(sago).flatMap(([domain, value]) =>
      typeof value === 'function' ? [domain] : Object.keys(value as object).map((verb) => `${domain}:${verb}`),
    );
    expect(methods.sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'sendSync', 'postMessage'])
      expect(sago).not.toHaveProperty(forbidden);
    expect(Object.isFrozen(sago)).toBe(true);
  });

  it('forwards each operation to its own channel', async () => {
    expect(await sago.sales.complete({ draft: { tipoDocumento: '01' } as never })).toEqual({
      ok: true,
      value: { channel: 'sales:complete', request: { draft: { tipoDocumento: '01' } } },
    });
    await sago.documents.list({ status: ['FAILED'] });
    await (sago.app.status as () => Promise<unknown>)();
    expect(electron.invoke.mock.calls.map(([channel]) => channel)).toEqual([
      'sales:complete',
      'documents:list',
      'app:status',
    ]);
    expect(electron.invoke.mock.calls[2]?.[1]).toEqual({});
  });

  it('subscribes to an event with the payload only, and unsubscribes', () => {
    const listener = vi.fn();
    const off = sago.on('document:status', listener);
    const [wire] = electron.listeners.get('sago-event:document:status') ?? [];
    wire?.(
      { sender: 'the IPC event object stays in the preload' },
      { documentId: 'd1', from: 'PROCESSING', to: 'AUTHORIZED' },
    );
    expect(listener.mock.calls).toEqual([[{ documentId: 'd1', from: 'PROCESSING', to: 'AUTHORIZED' }]]);
    off();
    expect(electron.listeners.get('sago-event:document:status')?.size).toBe(0);
  });

  it('refuses to subscribe to a channel that is not a contract event', () => {
    expect(() => sago.on('sales:complete' as never, vi.fn())).toThrow(/Unknown event/);
    expect(electron.listeners.has('sago-event:sales:complete')).toBe(false);
  });
});
