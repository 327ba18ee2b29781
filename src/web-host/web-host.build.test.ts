// `npm run start:web`'s first step: the real renderer built with vite.renderer.config.ts, served by the web host with
// the shim in front of it. (The checkout itself is exercised in Chromium by tests/e2e.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRendererForWebHost, startWebHost } from './web-host';
import { rawRequest } from './web-host.fixture';

const scratch = mkdtempSync(join(tmpdir(), 'sago-renderer-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('buildRendererForWebHost', () => {
  it('builds the renderer with relative assets and its CSP, and the host serves it with the shim', async () => {
    const dir = await buildRendererForWebHost(join(scratch, 'renderer-web'));
    expect(dir).toBe(join(scratch, 'renderer-web'));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const script = /<script type="module"[^>]*src="(\.\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(html).toContain('Content-Security-Policy');

    const host = await startWebHost({ dataDir: join(scratch, 'data'), rendererDir: dir });
    try {
      const page = await rawRequest(host.url);
      expect(page.body).toMatch(/<script src="\/sago-shim\.js"><\/script>\s*<script type="module"/);
      const asset = await rawRequest(new URL(script ?? '', host.url).href);
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    } finally {
      await host.close();
    }
  }, 60_000);
});
