// The monitoring panel's numbers (monitor:overview), from what the register already keeps: hka_calls, the queue,
// queue_samples, the last folios answer, the peers' clocks and today's documents. No HKA call.
import type { MonitorOverview } from '../../shared/ipc/areas/monitor/contract';
import { callErrors, callMetrics, callsBetween, latencyBuckets } from '../queue/hka-metrics';
import type { StoreDb } from '../store/open-database';
import { clockCheck } from './clock-offset';
import { foliosView } from './folios';
import { queueDepthSeries } from './queue-samples';
import { salesByHourToday } from './sales-by-hour';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** 10-minute latency buckets up to 12 hours, 30-minute ones beyond (at most 96 points). */
export function latencyBucketMs(hours: number): number {
  return hours <= 12 ? 10 * MINUTE : 30 * MINUTE;
}

export interface OverviewInputs {
  queue: MonitorOverview['queue'];
  contingency: Omit<MonitorOverview['contingency'], 'durationMs'>;
}

export function monitorOverview(db: StoreDb, now: Date, hours: number, inputs: OverviewInputs): MonitorOverview {
  const nowMs = now.getTime();
  const bucket = latencyBucketMs(hours);
  const seriesFrom = Math.floor((nowMs - hours * HOUR) / bucket) * bucket;
  // One read of the calls for the last hour's figures and the series (decision 0033), split here.
  const calls = callsBetween(db, Math.min(seriesFrom, nowMs - HOUR));
  const lastHour = calls.filter((c) => c.startedAt >= nowMs - HOUR);
  const metrics = callMetrics(lastHour);
  const errors = callErrors(lastHour);
  const since =
    inputs.contingency.active && inputs.contingency.since ? Date.parse(inputs.contingency.since) : Number.NaN;
  return {
    generatedAt: now.toISOString(),
    queue: inputs.queue,
    hka: {
      calls: metrics.calls,
      p50Ms: metrics.p50Ms ?? null,
      p95Ms: metrics.p95Ms ?? null,
      p99Ms: metrics.p99Ms ?? null,
      errorRate: errors.errorRate,
      errorsByKind: errors.errorsByKind,
    },
    contingency: { ...inputs.contingency, durationMs: Number.isNaN(since) ? null : Math.max(0, nowMs - since) },
    folios: foliosView(db),
    clock: clockCheck(db),
    series: {
      latency: latencyBuckets(calls, seriesFrom, nowMs + 1, bucket),
      queueDepth: queueDepthSeries(db, nowMs - hours * HOUR, nowMs + 1),
      salesByHour: salesByHourToday(db, now),
    },
  };
}
