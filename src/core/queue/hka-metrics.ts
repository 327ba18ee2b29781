// Per-call HKA latency and outcome, for the monitoring panel: p50/p95/p99, error rate by kind, latency over time.
// Every HKA call the register makes is recorded here: the queue's (transmit-job) and the manager's (files, e-mail,
// discard, folios). Rows older than a week are pruned (monitor/monitor-service.ts).
import { lt } from 'drizzle-orm';
import type { StoreDb } from '../store/open-database';
import { hkaCalls } from '../store/schema';
import type { CallRecord } from './transmit-job';

export function recordHkaCall(db: StoreDb, call: Omit<CallRecord, 'documentId'> & { documentId: string | null }): void {
  db.insert(hkaCalls)
    .values({ ...call, codigo: call.codigo ?? null })
    .run();
}

type AnyOutcome = { kind: 'authorized' | 'ok' | 'rejected' } | { kind: 'transient'; reason: string };

/** Runs one HKA call and records it (latency, outcome, codigo); the outcome is returned unchanged. */
export async function recordedHkaCall<T extends AnyOutcome>(
  db: StoreDb,
  clock: () => Date,
  operation: string,
  documentId: string | null,
  call: () => Promise<T>,
): Promise<T> {
  const startedAt = clock().getTime();
  const t0 = performance.now();
  const result = await call();
  const codigo = 'codigo' in result && typeof result.codigo === 'string' ? result.codigo : undefined;
  const outcome = result.kind === 'transient' ? `transient:${result.reason}` : result.kind;
  recordHkaCall(db, {
    operation,
    documentId,
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    outcome,
    codigo,
  });
  return result;
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

/** Nearest-rank percentile of an ascending list (undefined for an empty one). */
export const percentile = (sorted: readonly number[], p: number): number | undefined =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

export interface CallRow {
  startedAt: number;
  durationMs: number;
  outcome: string;
}

/**
 * Calls started in [fromMs, toMs), by the started_at index. A plain statement (not the query builder): the monitoring
 * panel reads two days of calls every 15 s, and the builder's row mapping cost more than the read (decision 0033).
 */
export function callsBetween(db: StoreDb, fromMs: number, toMs = Number.MAX_SAFE_INTEGER): CallRow[] {
  return db.$client
    .prepare(
      'SELECT started_at AS startedAt, duration_ms AS durationMs, outcome FROM hka_calls WHERE started_at >= ? AND started_at < ?',
    )
    .all(fromMs, toMs) as CallRow[];
}

export function hkaMetricsSince(db: StoreDb, sinceEpochMs: number): HkaMetrics {
  return callMetrics(callsBetween(db, sinceEpochMs));
}

/** Count, percentiles and outcomes of these calls. */
export function callMetrics(rows: readonly CallRow[]): HkaMetrics {
  const sorted = rows.map((r) => r.durationMs).sort((a, b) => a - b);
  const byOutcome: Record<string, number> = {};
  for (const r of rows) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  const transient = rows.filter((r) => r.outcome.startsWith('transient')).length;
  return {
    calls: rows.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    byOutcome,
    transientRate: rows.length === 0 ? 0 : transient / rows.length,
  };
}

/** A failed call's kind: the transient reason ('response_timeout', …) or 'rejected'; undefined for a success. */
export function errorKindOf(outcome: string): string | undefined {
  if (outcome === 'ok' || outcome === 'authorized') return undefined;
  return outcome.startsWith('transient:') ? outcome.slice('transient:'.length) : outcome;
}

export interface HkaErrorSummary {
  errorRate: number;
  errorsByKind: { kind: string; count: number }[];
}

/** The share of failed calls and their kinds, most frequent first. */
export function callErrors(rows: readonly CallRow[]): HkaErrorSummary {
  const byKind = new Map<string, number>();
  for (const row of rows) {
    const kind = errorKindOf(row.outcome);
    if (kind !== undefined) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const errors = [...byKind.values()].reduce((a, b) => a + b, 0);
  return {
    errorRate: rows.length === 0 ? 0 : errors / rows.length,
    errorsByKind: [...byKind]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
  };
}

export interface LatencyPoint {
  at: string;
  p50Ms: number | null;
  p95Ms: number | null;
  calls: number;
}

/** One point per bucket of [fromMs, toMs), buckets starting at fromMs, from calls already read (others left out). */
export function latencyBuckets(
  rows: readonly CallRow[],
  fromMs: number,
  toMs: number,
  bucketMs: number,
): LatencyPoint[] {
  const buckets: number[][] = Array.from({ length: Math.ceil((toMs - fromMs) / bucketMs) }, () => []);
  for (const row of rows)
    if (row.startedAt >= fromMs && row.startedAt < toMs)
      buckets[Math.floor((row.startedAt - fromMs) / bucketMs)]?.push(row.durationMs);
  return buckets.map((durations, i) => {
    const sorted = durations.sort((a, b) => a - b);
    return {
      at: new Date(fromMs + i * bucketMs).toISOString(),
      p50Ms: percentile(sorted, 50) ?? null,
      p95Ms: percentile(sorted, 95) ?? null,
      calls: sorted.length,
    };
  });
}

/** Deletes call rows started before `beforeMs`; returns how many. */
export function pruneHkaCalls(db: StoreDb, beforeMs: number): number {
  return db.delete(hkaCalls).where(lt(hkaCalls.startedAt, beforeMs)).run().changes;
}
