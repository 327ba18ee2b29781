// Per-call HKA latency and outcome, for the monitoring panel: p50/p95/p99 and error rate by kind.
import { gte } from 'drizzle-orm';
import type { StoreDb } from '../store/open-database';
import { hkaCalls } from '../store/schema';
import type { CallRecord } from './transmit-job';

export function recordHkaCall(db: StoreDb, call: CallRecord): void {
  db.insert(hkaCalls).values({ ...call, codigo: call.codigo ?? null }).run();
}

export interface HkaMetrics {
  calls: number;
  p50Ms: number | undefined;
  p95Ms: number | undefined;
  p99Ms: number | undefined;
  /** Calls by outcome ('authorized', 'ok', 'rejected', 'transient:response_timeout', …). */
  byOutcome: Record<string, number>;
  /** Share of calls that ended in a transient failure (0..1). */
  transientRate: number;
}

const pick = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

export function hkaMetricsSince(db: StoreDb, sinceEpochMs: number): HkaMetrics {
  const rows = db.select({ durationMs: hkaCalls.durationMs, outcome: hkaCalls.outcome }).from(hkaCalls)
    .where(gte(hkaCalls.startedAt, sinceEpochMs)).all();
  const sorted = rows.map((r) => r.durationMs).sort((a, b) => a - b);
  const byOutcome: Record<string, number> = {};
  for (const r of rows) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  const transient = rows.filter((r) => r.outcome.startsWith('transient')).length;
  return {
    calls: rows.length,
    p50Ms: pick(sorted, 50),
    p95Ms: pick(sorted, 95),
    p99Ms: pick(sorted, 99),
    byOutcome,
    transientRate: rows.length === 0 ? 0 : transient / rows.length,
  };
}
