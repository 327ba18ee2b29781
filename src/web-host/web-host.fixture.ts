// A stand-in for the built renderer (index.html with the renderer's CSP and a module script), so the web host can be
// tested without building the React app; and a raw HTTP client that can send any Host and Origin headers.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERER_CSP } from '../core/app/renderer-csp';

export function fakeRendererDir(appJs = "document.getElementById('root').textContent = 'listo';"): string {
  const dir = mkdtempSync(join(tmpdir(), 'sago-renderer-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="es-PA">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" />
    <title>SAGO-FACTU</title>
    <script type="module" crossorigin src="./assets/app.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`,
  );
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), appJs);
  return dir;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with full control over headers (fetch would set Host itself). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
