// The IPC binding with a stand-in for Electron's ipcMain: every contract entry registered, foreign frames refused,
// malformed payloads refused before the core, events forwarded to the window.
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { RegisterEvents } from '../../core/app/contract-events';
import type { SessionGate } from '../../core/app/caller';
import type { IpcHandlers } from '../../core/app/dispatch';
import { ipcContract } from '../../shared/ipc/contract';
import { CHANNELS } from '../../shared/ipc/channels';
import { FOREIGN_SENDER, forwardEvents, isFromMainFrame, registerIpc, type IpcMainLike } from './register-ipc';

const APP_URL = 'file:///opt/sago/out/renderer/index.html';

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

/** A gerente signed in: main's own checks (sender, payload) are what these tests look at. */
const GERENTE_SESSION: SessionGate = {
  currentUser: () => ({ id: 'u1', username: 'gerente', displayName: 'Gerente', role: 'gerente' }),
  consumeApproval: () => undefined,
};

function spyHandlers(): IpcHandlers {
  return Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(() => Promise.resolve({ served: c }))]),
  ) as unknown as IpcHandlers;
}

/** Our window, with its main frame showing our page. */
function fakeWindow() {
  const mainFrame = { processId: 7, frameToken: 'main-token', url: APP_URL };
  const webContents = { mainFrame, send: vi.fn(), isDestroyed: () => false };
  return { window: { isDestroyed: () => false, webContents }, mainFrame, webContents };
}

function setup() {
  const { ipcMain, handlers: registered } = fakeIpcMain();
  const handlers = spyHandlers();
  const { window, mainFrame, webContents } = fakeWindow();
  const log = { warn: vi.fn(), error: vi.fn() };
  const unregister = registerIpc({
    ipcMain,
    ipc: { handlers, session: GERENTE_SESSION },
    isTrustedSender: (event) => isFromMainFrame(window, event, (url) => url.startsWith(APP_URL)),
    log,
  });
  const invoke = (
    channel: string,
    payload: unknown,
    event: Partial<IpcMainInvokeEvent> = { sender: webContents as never, senderFrame: mainFrame as never },
  ) => registered.get(channel)!(event as IpcMainInvokeEvent, payload);
  return { registered, handlers, invoke, unregister, log, webContents, mainFrame };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract entry, and removes them', () => {
    const { registered, unregister } = setup();
    expect([...registered.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('serves our main frame through the contract', async () => {
    const { invoke, handlers } = setup();
    expect(await invoke('catalog:lookup', { code: '7451000001376' })).toEqual({
      ok: true,
      value: { served: 'catalog:lookup' },
    });
    expect(handlers['catalog:lookup']).toHaveBeenCalledWith(
      { code: '7451000001376' },
      expect.objectContaining({ user: expect.objectContaining({ username: 'gerente' }) as unknown }),
    );
  });

  it('refuses a message from a foreign frame without reaching the core', async () => {
    const { invoke, handlers, webContents, mainFrame, log } = setup();
    const iframe = { processId: 7, frameToken: 'child-token', url: APP_URL };
    const otherContents = { mainFrame, send: vi.fn(), isDestroyed: () => false };
    const cases: Partial<IpcMainInvokeEvent>[] = [
      { sender: webContents as never, senderFrame: iframe as never }, // an iframe inside our window
      { sender: otherContents as never, senderFrame: mainFrame as never }, // another webContents
      { sender: webContents as never, senderFrame: { ...mainFrame, url: 'https://evil.example/' } as never }, // navigated away
      { sender: webContents as never, senderFrame: null }, // frame already gone
    ];
    for (const event of cases) expect(await invoke('sales:complete', { draft: {} }, event)).toEqual(FOREIGN_SENDER);
    expect(handlers['sales:complete']).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(cases.length);
  });

  it('refuses a malformed payload without reaching the core', async () => {
    const { invoke, handlers } = setup();
    const result = await invoke('documents:list', { limit: 10_000, status: ['LOST'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(handlers['documents:list']).not.toHaveBeenCalled();
    expect(await invoke('documents:get', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(handlers['documents:get']).not.toHaveBeenCalled();
  });

  it('returns unexpected failures as data without a stack', async () => {
    const { invoke, handlers } = setup();
    vi.mocked(handlers['queue:sendNow']).mockRejectedValueOnce(new TypeError('cannot read x of undefined'));
    const result = await invoke('queue:sendNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/TypeError|undefined|at /);
  });
});

describe('isFromMainFrame', () => {
  it('refuses everything once the window is gone', () => {
    const { window, mainFrame, webContents } = fakeWindow();
    const event = { sender: webContents as never, senderFrame: mainFrame as never };
    expect(isFromMainFrame(window, event, () => true)).toBe(true);
    expect(isFromMainFrame(undefined, event, () => true)).toBe(false);
    expect(isFromMainFrame({ ...window, isDestroyed: () => true }, event, () => true)).toBe(false);
  });
});

describe('forwardEvents', () => {
  it('sends each contract event to the window as sago-event:<name>, until unsubscribed', () => {
    const emitter = new EventEmitter();
    const events: RegisterEvents = {
      on: (name, listener) => {
        emitter.on(name, listener);
        return () => emitter.off(name, listener);
      },
    };
    const { webContents } = fakeWindow();
    const stop = forwardEvents(events, () => webContents);
    emitter.emit('document:status', { documentId: 'd1', from: 'PROCESSING', to: 'AUTHORIZED' });
    emitter.emit('connectivity:changed', { state: 'offline' });
    expect(webContents.send.mock.calls).toEqual([
      ['sago-event:document:status', { documentId: 'd1', from: 'PROCESSING', to: 'AUTHORIZED' }],
      ['sago-event:connectivity:changed', { state: 'offline' }],
    ]);
    stop();
    emitter.emit('queue:counts', { waiting: 1, inFlight: 0, parked: 0, failed: 0 });
    expect(webContents.send).toHaveBeenCalledTimes(2);
  });

  it('drops events while there is no window', () => {
    const emitter = new EventEmitter();
    forwardEvents({ on: (name, listener) => (emitter.on(name, listener), () => undefined) }, () => undefined);
    expect(() => emitter.emit('queue:counts', {})).not.toThrow();
  });
});
