// `npm run start:web`: builds the renderer, starts the web host on 127.0.0.1 (a free port unless --port is given)
// with its data in ./.sago-web-data (override with --data-dir), and prints the URL to open. It opens nothing itself.
// The register starts in Simulador with its in-process HKA simulator, like the desktop app on first launch.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRendererForWebHost, startWebHost } from './web-host';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string', default: '.sago-web-data' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const dataDir = resolve(values['data-dir']);

console.log('Building the renderer (vite.renderer.config.ts)…');
const rendererDir = await buildRendererForWebHost();
const host = await startWebHost({ dataDir, rendererDir, port });
console.log(`SAGO-FACTU web host (data in ${dataDir})`);
console.log(`Open: ${host.url}`);
console.log('Ctrl+C stops it (in-flight HKA calls finish first).');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
