// The built renderer, served as files from its folder, with the window.sago shim injected into index.html before
// the renderer's module script. Only files inside the folder are served; paths without an extension get index.html
// (client-side routes).
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CHANNELS, EVENTS } from '../shared/ipc/channels';

const SHIM_TAG = '<script src="/sago-shim.js"></script>';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** index.html with the shim loaded first: before the first module script, or at the end of <head>. */
export function injectShim(html: string): string {
  const moduleScript = html.search(/<script\b[^>]*\btype=["']module["']/i);
  if (moduleScript >= 0) return `${html.slice(0, moduleScript)}${SHIM_TAG}\n    ${html.slice(moduleScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${SHIM_TAG}\n${html.slice(headEnd)}`;
  return `${SHIM_TAG}\n${html}`;
}

const CHANNELS_SLOT = 'var CHANNELS = [];';
const EVENTS_SLOT = 'var EVENTS = [];';

/** The shim with the contract's channel and event lists written into its two empty lists. */
export function fillShim(source: string): string {
  if (!source.includes(CHANNELS_SLOT) || !source.includes(EVENTS_SLOT))
    throw new Error('sago-shim.js has no empty CHANNELS/EVENTS lists to fill in');
  return source
    .replace(CHANNELS_SLOT, `var CHANNELS = ${JSON.stringify(CHANNELS)};`)
    .replace(EVENTS_SLOT, `var EVENTS = ${JSON.stringify(EVENTS)};`);
}

export class StaticFiles {
  private shim: Promise<string> | undefined;

  private readonly root: string;

  constructor(
    rendererDir: string,
    private readonly shimPath: string,
  ) {
    this.root = resolve(rendererDir);
  }

  async serve(pathname: string, res: ServerResponse): Promise<void> {
    if (pathname === '/sago-shim.js') {
      this.shim ??= readFile(this.shimPath, 'utf8').then(fillShim);
      return send(res, 200, CONTENT_TYPES['.js'], await this.shim);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
    }
    if (decoded.includes('\0') || decoded.split('/').includes('..'))
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const ext = extname(decoded);
    if (decoded === '/' || decoded === '/index.html' || ext === '') {
      const html = await readFile(join(this.root, 'index.html'), 'utf8');
      return send(res, 200, CONTENT_TYPES['.html'], injectShim(html));
    }
    const file = resolve(this.root, `.${decoded}`);
    if (!file.startsWith(`${this.root}${sep}`)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() && decoded === '/favicon.ico') return send(res, 204, undefined, ''); // no icon, and no console error
    if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(res, 200, CONTENT_TYPES[ext.toLowerCase()] ?? 'application/octet-stream', await readFile(file));
  }
}

function send(res: ServerResponse, status: number, contentType: string | undefined, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': contentType ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}
