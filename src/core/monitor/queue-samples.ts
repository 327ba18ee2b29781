// Queue depth over time for the monitoring chart: one sample a minute in queue_samples, kept 48 h (schema.ts says
// why it is sampled rather than rebuilt from document timestamps).
import { lt } from 'drizzle-orm';
import { queueCounts } from '../queue/outbox-repo';
import type { StoreDb } from '../store/open-database';
import { queueSamples } from '../store/schema';

export function sampleQueueDepth(db: StoreDb, at: Date): void {
  const waiting = queueCounts(db).waiting;
  db.insert(queueSamples)
    .values({ at: at.getTime(), waiting })
    .onConflictDoUpdate({ target: queueSamples.at, set: { waiting } })
    .run();
}

/**
 * Samples in [fromMs, toMs), oldest first: a range of the rowid (`at` is the primary key). Two days are 2 880 rows read
 * every 15 s, so a plain statement and the hour's ISO prefix written once per hour, not a Date per row (0033).
 */
export function queueDepthSeries(db: StoreDb, fromMs: number, toMs: number): { at: string; waiting: number }[] {
  const rows = db.$client
    .prepare('SELECT at, waiting FROM queue_samples WHERE at >= ? AND at < ? ORDER BY at')
    .raw()
    .all(fromMs, toMs) as [number, number][];
  let hour = Number.NaN;
  let prefix = '';
  return rows.map(([at, waiting]) => {
    const h = Math.floor(at / HOUR_MS);
    if (h !== hour) {
      hour = h;
      prefix = new Date(h * HOUR_MS).toISOString().slice(0, 14); // "2026-11-30T14:"
    }
    const rest = at - h * HOUR_MS;
    const mm = String(Math.floor(rest / 60_000)).padStart(2, '0');
    const ss = String(Math.floor((rest % 60_000) / 1000)).padStart(2, '0');
    return { at: `${prefix}${mm}:${ss}.${String(rest % 1000).padStart(3, '0')}Z`, waiting };
  });
}

const HOUR_MS = 3_600_000;

export function pruneQueueSamples(db: StoreDb, beforeMs: number): number {
  return db.delete(queueSamples).where(lt(queueSamples.at, beforeMs)).run().changes;
}
