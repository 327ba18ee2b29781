// One process start of the web host on a data folder (run by responsiveness-bench.ts as a child process, so the
// figures are from a cold process): prints one JSON line with the time from process start to "ready for the first
// sale" (the register core up and the loopback server listening), the RSS then, and the RSS after a day of sales rung
// through the core's own handlers and transmitted to the in-process simulator.
// Usage: node --import tsx bench/responsiveness/startup-child.ts <dataDir> <rendererDir> <sales> [restMs]
//    or: node out/bench-core/startup-child.mjs <dataDir> <rendererDir> <sales> [restMs] (the bundle built-core.ts builds)
import { join, resolve } from 'node:path';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { startWebHost } from '../../src/web-host/web-host';
import { draftWithItems } from '../capture-drafts';
import { residentByKind, v8Spaces } from './memory-breakdown';
import { signInGerente } from './status-under-report';

const [dataDir, rendererDir, salesArg, restArg] = process.argv.slice(2);
if (!dataDir || !rendererDir) throw new Error('usage: startup-child.ts <dataDir> <rendererDir> <sales> [restMs]');
// From the bundle, the files the sources find beside themselves are given as a packaged app gives them (src/main).
const root = resolve(import.meta.dirname, '../..');
const assets = import.meta.url.endsWith('.mjs')
  ? {
      migrationsFolder: join(root, 'drizzle/sqlite'),
      wsdlPath: join(root, 'resources/hka/Service.wsdl'),
      readWorkerEntry: new URL('./read-worker.mjs', import.meta.url),
      upgradeWorkerEntry: new URL('./upgrade-worker.mjs', import.meta.url),
    }
  : undefined;
const host = await startWebHost({ dataDir, rendererDir, ...(assets ? { assets } : {}) });
const readyMs = performance.now(); // Node's clock starts with the process
const cpu = process.cpuUsage(); // every thread of the process: the read worker's walk of the audit trail included
const cpuReadyMs = (cpu.user + cpu.system) / 1000;
const mb = (bytes: number) => bytes / 1_048_576;
const memory = () => {
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
};
const atReady = memory();
const rssReadyMb = atReady.rss;
const sales = Number(salesArg ?? 0);
const ipc = host.core.ipc;
await signInGerente(ipc);
for (let i = 0; i < sales; i++) {
  const result = await dispatchIpc(ipc, 'sales:complete', { draft: draftWithItems((i % 9) + 1) });
  if (!result.ok) throw new Error(`sale ${i}: ${JSON.stringify(result.error)}`);
}
const waiting = () =>
  host.core.store.sqlite
    .prepare("SELECT count(*) FROM documents WHERE status IN ('QUEUED', 'PROCESSING')")
    .pluck()
    .get() as number;
for (let i = 0; i < 600 && waiting() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
// A manager's heavy read after the day, so the read worker's memory is part of the figure.
await dispatchIpc(ipc, 'documents:list', { limit: 50, query: 'maria' });
const afterDay = { ...memory(), resident: residentByKind(), v8: v8Spaces() };
const rssDayMb = afterDay.rss;
const stillQueued = waiting();
// Then the till left alone: the read worker ends after 30 s without reads, and V8 gives back the heap pages a day's
// garbage left committed when its own memory reducer runs (decision 0047). A till spends most of the day like this.
const restMs = Number(restArg ?? 0);
if (restMs > 0) await new Promise((resolve) => setTimeout(resolve, restMs));
const afterRest = { ...memory(), resident: residentByKind(), v8: v8Spaces() };
await host.close();
console.log(
  JSON.stringify({ readyMs, cpuReadyMs, rssReadyMb, rssDayMb, sales, stillQueued, atReady, afterDay, afterRest }),
);
