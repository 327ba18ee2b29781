import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  mainWindowOptions,
  openIfHttps,
} from './window-security';

/** A webContents stand-in that records its listeners and window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const navigate = (event: string, url: string) => {
    const e = { preventDefault: vi.fn() };
    emitter.emit(event, e, url);
    return e.preventDefault;
  };
  return { contents, navigate, open: (url: string) => openHandler?.({ url }) };
}

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer, every value explicit', () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('restores saved bounds but never the security settings', () => {
    const options = mainWindowOptions('/p.cjs', { x: 10, y: 20, width: 1400, height: 900 });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1400, height: 900, show: false });
  });
});

describe('hardenWebContents', () => {
  it('blocks every navigation and opens only https links in the OS browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, navigate } = fakeContents();
    hardenWebContents(contents as never, openExternal);
    expect(navigate('will-navigate', 'https://dgi-fep.mef.gob.pa/Consultas/FacturasPorQR?x=1')).toHaveBeenCalled();
    expect(navigate('will-navigate', 'http://evil.example/')).toHaveBeenCalled();
    expect(navigate('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(navigate('will-redirect', 'https://elsewhere.example/')).toHaveBeenCalled();
    expect(navigate('will-attach-webview', 'about:blank')).toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([['https://dgi-fep.mef.gob.pa/Consultas/FacturasPorQR?x=1']]);
  });

  it('denies window.open, handing https links to the OS browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, open } = fakeContents();
    hardenWebContents(contents as never, openExternal);
    expect(open('https://thefactoryhka.com.pa/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('sago://x')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://thefactoryhka.com.pa/']]);
  });

  it('ignores what is not a URL and survives a failing browser launch', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('no browser')));
    expect(openIfHttps('not a url', failing)).toBe(false);
    expect(openIfHttps('https://ok.example/', failing)).toBe(true);
    await Promise.resolve();
    expect(failing).toHaveBeenCalledTimes(1);
  });
});

describe('hardenSession', () => {
  it('adds the CSP header to every response and denies every permission', () => {
    let onHeaders:
      ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    let onRequest: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    hardenSession({
      webRequest: { onHeadersReceived: (listener: typeof onHeaders) => (onHeaders = listener) },
      setPermissionRequestHandler: (handler: typeof onRequest) => (onRequest = handler),
      setPermissionCheckHandler: (handler: typeof onCheck) => (onCheck = handler),
    } as never);
    const respond = vi.fn();
    onHeaders?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, respond);
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const granted = vi.fn();
      onRequest?.({}, permission, granted);
      expect(granted).toHaveBeenCalledWith(false);
    }
    expect(onCheck?.()).toBe(false);
  });
});
