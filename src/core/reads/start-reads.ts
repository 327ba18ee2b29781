// How a register core gets its read runner: the read worker on the running data set's file (default), or the core's
// own connection when asked (the benchmark's "before"). Either way the same queries answer (read-queries.ts).
import type { StoreDb } from '../store/open-database';
import { inlineReads } from './inline-reads';
import type { ReadRunner } from './read-queries';
import { ReadWorker } from './read-worker';

export interface ReadsHandle extends ReadRunner {
  recycle(): Promise<void>;
  close(): Promise<void>;
}

export function startReads(
  options: {
    readWorker?: boolean;
    assets?: { sqliteNativeBinding?: string; readWorkerEntry?: URL };
    log?: { warn(message: string, meta?: Record<string, unknown>): void } | undefined;
  },
  path: string,
  db: StoreDb,
): ReadsHandle {
  const inline = inlineReads(db);
  if (options.readWorker === false) return { ...inline, recycle: async () => {}, close: async () => {} };
  return new ReadWorker({
    data: { path, nativeBinding: options.assets?.sqliteNativeBinding },
    fallback: inline,
    entry: options.assets?.readWorkerEntry,
    log: options.log,
  });
}
