// Read queries on the core's own connection: the read worker's fallback, and the runner of a register started
// without a worker (e.g. the benchmark's "before" figures).
import type { StoreDb } from '../store/open-database';
import { runReadQuery, type ReadRunner } from './read-queries';

export function inlineReads(db: StoreDb): ReadRunner {
  return { run: (name, args) => new Promise((resolve) => resolve(runReadQuery(db, name, args))) };
}
