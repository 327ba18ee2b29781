// Queue depth over time for the monitoring chart: one sample a minute in queue_samples, kept 48 h (schema.ts says
// why it is sampled rather than rebuilt from document timestamps).
import { and, asc, gte, lt } from 'drizzle-orm';
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

export function queueDepthSeries(db: StoreDb, fromMs: number, toMs: number): { at: string; waiting: number }[] {
  return db
    .select()
    .from(queueSamples)
    .where(and(gte(queueSamples.at, fromMs), lt(queueSamples.at, toMs)))
    .orderBy(asc(queueSamples.at))
    .all()
    .map((row) => ({ at: new Date(row.at).toISOString(), waiting: row.waiting }));
}

export function pruneQueueSamples(db: StoreDb, beforeMs: number): number {
  return db.delete(queueSamples).where(lt(queueSamples.at, beforeMs)).run().changes;
}
