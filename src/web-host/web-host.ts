// The web host: the register core (real SQLite, real simulator) behind a loopback HTTP bridge, and the real renderer
// served to an ordinary browser with a window.sago shim. For development (`npm run start:web`) and end-to-end tests
// in Chromium; never part of the desktop app (src/main must not import it; eslint enforces that).
//   POST /ipc/<channel>   JSON body, header x-sago-token → IpcResult (the same handler map and parsing as IPC)
//   GET  /events?token=…  Server-Sent Events: the contract's events
//   GET  /, /assets/…     the built renderer (out/renderer-web), shim injected; GET /sago-shim.js the shim
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { dispatchIpc } from '../core/app/dispatch';
import { createRegisterCore, type RegisterCore, type RegisterCoreOptions } from '../core/app/register-core';
import { RENDERER_CSP } from '../core/app/renderer-csp';
import { EventStreams } from './event-stream';
import { createGuard } from './http-guard';
import { StaticFiles } from './static-files';
import { readBody } from '../core/http/read-body';

export interface WebHostOptions {
  dataDir: string;
  /** Default 0: a free port. */
  port?: number;
  /** An external HKA simulator (tests stop and restart it); default: the core's in-process one. */
  simulatorEndpoint?: string;
  /** The built renderer; default out/renderer-web (buildRendererForWebHost). */
  rendererDir?: string;
  clock?: () => Date;
  /** Where a bundled build finds migrations, the WSDL and the read worker (the startup bench runs one). */
  assets?: RegisterCoreOptions['assets'];
}

export interface WebHost {
  /** The page to open, token included: http://127.0.0.1:PORT/?token=… */
  url: string;
  token: string;
  /** The running register core (a new one after app:restart). */
  readonly core: RegisterCore;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_RENDERER_DIR = join(ROOT, 'out/renderer-web');
const SHIM_PATH = join(import.meta.dirname, 'sago-shim.js');
const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the renderer with vite.renderer.config.ts into outDir (default out/renderer-web); returns the folder. */
export async function buildRendererForWebHost(outDir: string = DEFAULT_RENDERER_DIR): Promise<string> {
  const { build } = await import('vite'); // a dev tool: loaded only when building
  const dir = resolve(outDir);
  await build({
    configFile: join(ROOT, 'vite.renderer.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  return dir;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `No built renderer in ${rendererDir}: run buildRendererForWebHost() first (npm run start:web does)`,
    );
  }
  // app:restart (e.g. to open another environment's data set) restarts the core in this process: the old one drains
  // its HKA calls and closes, a new one opens; requests arriving meanwhile wait for it. The page reloads itself.
  let restarting: Promise<void> = Promise.resolve();
  let restartFailure: string | undefined;
  const startCore = (): Promise<RegisterCore> =>
    createRegisterCore({
      dataDir: options.dataDir,
      ...(options.simulatorEndpoint ? { simulatorEndpoint: options.simulatorEndpoint } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.assets ? { assets: options.assets } : {}),
      relaunch: () => {
        restarting = restarting
          .then(async () => {
            streams.closeAll();
            await core.close();
            core = await startCore();
            streams.rebind(core.events);
          })
          .catch((error: unknown) => {
            // The old core is closed: answer every request with the reason until someone restarts the host.
            restartFailure = error instanceof Error ? error.message : String(error);
            console.error('web host: the register core could not restart:', restartFailure);
          });
      },
    });
  let core = await startCore();
  const token = randomBytes(32).toString('base64url');
  const streams = new EventStreams(core.events);
  const files = new StaticFiles(rendererDir, SHIM_PATH);
  let guard = createGuard('http://127.0.0.1:0', token); // replaced once the port is known, before any request

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Referrer-Policy', 'no-referrer'); // the page URL carries the token
    const refused = guard.foreignOrigin(req);
    if (refused) return json(res, 403, { error: refused });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
      if (!guard.tokenMatches(req.headers['x-sago-token'] as string | undefined))
        return json(res, 401, { error: 'missing or wrong token' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return json(res, 415, { error: 'JSON only' });
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === undefined) {
        res.setHeader('Connection', 'close'); // the rest of the body is never read
        return json(res, 413, { error: 'request too large' });
      }
      let payload: unknown;
      try {
        payload = body === '' ? {} : JSON.parse(body);
      } catch {
        return json(res, 200, {
          ok: false,
          error: { code: 'invalid_request', message: 'La solicitud no es JSON válido' },
        });
      }
      await restarting;
      if (restartFailure !== undefined)
        return json(res, 503, { error: `the register could not restart: ${restartFailure}` });
      return json(
        res,
        200,
        await dispatchIpc(core.ipc, decodeURIComponent(url.pathname.slice('/ipc/'.length)), payload, console),
      );
    }
    if (url.pathname === '/events') {
      if (req.method !== 'GET') return json(res, 405, { error: 'GET only' });
      if (!guard.tokenMatches(url.searchParams.get('token')))
        return json(res, 401, { error: 'missing or wrong token' });
      await restarting;
      return streams.attach(res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'GET only' });
    res.setHeader('Content-Security-Policy', RENDERER_CSP);
    return files.serve(url.pathname, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('web host: request failed', error instanceof Error ? error.message : String(error));
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => done());
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  guard = createGuard(origin, token);
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    token,
    get core() {
      return core;
    },
    close() {
      closing ??= (async () => {
        await restarting;
        streams.closeAll();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await core.close();
      })();
      return closing;
    },
  };
}
