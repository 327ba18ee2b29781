// Starts a worker thread from its entry file. The desktop app passes the bundled JavaScript entry; from the sources
// (web host under tsx, tests under vitest, benchmarks) the entry is TypeScript, which a bare worker cannot load, so
// the thread first registers tsx's loader (a development dependency, present wherever the sources run).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The reader's young generation is capped (V8's default lets it grow to tens of MB): its work is row pages and report
 * rows that die young, and every page of a year's audit walk or report left that space touched: capped at 8 MB the
 * till's RSS after a day on a year's file is ~20 MB lower (decision 0036), report time unchanged within the noise.
 */
export const READ_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

export function startWorkerThread(entry: URL, workerData: unknown): Worker {
  const resourceLimits = READ_WORKER_LIMITS;
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, resourceLimits });
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx')), 'esm/api/index.mjs'));
  const bootstrap = `import(${JSON.stringify(tsxApi.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
