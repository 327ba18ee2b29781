// What the monitoring panel shows, from monitor:overview: durations, latencies, rates and clock offsets as short
// Spanish-neutral text, and the series as the columns a chart takes (x in Unix seconds, y with gaps as null).
// Pure, so the formatting rules are unit-tested and the screen only lays them out.
import type { MonitorOverview } from '../../../shared/ipc/areas/monitor/contract';
import { money } from '../../../shared/fiscal/money';

export const CLOCK_WARN_MS = 2 * 60_000;

/** "85 ms", "1.2 s", "—" for no value. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
}

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Time elapsed since an ISO instant, or null when there is none. */
export function ageOf(iso: string | undefined | null, now: Date): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : formatDuration(now.getTime() - at);
}

/** 0.125 → "12.5 %" (one decimal, exact half-up). */
export function formatRate(rate: number): string {
  return `${money(rate).times(100).toDecimalPlaces(1).toFixed(1)} %`;
}

/** PC clock minus the other side's: "+2 min 10 s" (PC ahead), "-45 s" (PC behind), "—" unknown. */
export function formatOffset(ms: number | null): string {
  if (ms === null) return '—';
  const sign = ms < 0 ? '-' : '+';
  const s = Math.round(Math.abs(ms) / 1000);
  const text = s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${sign}${text}`;
}

export function clockOff(ms: number | null): boolean {
  return ms !== null && Math.abs(ms) > CLOCK_WARN_MS;
}

export interface ChartData {
  /** Unix seconds. */
  x: number[];
  series: { label: string; values: (number | null)[] }[];
}

const seconds = (iso: string): number => Math.round(Date.parse(iso) / 1000);

export function latencyChart(overview: MonitorOverview, labels: { p50: string; p95: string }): ChartData {
  const points = overview.series.latency;
  return {
    x: points.map((p) => seconds(p.at)),
    series: [
      { label: labels.p50, values: points.map((p) => p.p50Ms) },
      { label: labels.p95, values: points.map((p) => p.p95Ms) },
    ],
  };
}

export function queueChart(overview: MonitorOverview, label: string): ChartData {
  const points = overview.series.queueDepth;
  return { x: points.map((p) => seconds(p.at)), series: [{ label, values: points.map((p) => p.waiting) }] };
}

/** Sales by hour of today: all 24 hours (empty hours as 0), totals in balboas as numbers for drawing only. */
export function salesByHourChart(
  overview: MonitorOverview,
  label: string,
): ChartData & { totals: string[]; documents: number[] } {
  const byHour = new Map(overview.series.salesByHour.map((h) => [h.hour, h]));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const totals = hours.map((h) => byHour.get(h)?.total ?? '0.00');
  return {
    x: hours,
    // A chart needs numbers; the exact amounts stay as strings in `totals` for the table and the labels.
    series: [{ label, values: totals.map((t) => money(t).toNumber()) }],
    totals,
    documents: hours.map((h) => byHour.get(h)?.documents ?? 0),
  };
}

/** "14:05" in Panamá time for a chart's x value (Unix seconds). */
export function panamaHourMinute(unixSeconds: number): string {
  const shifted = new Date(unixSeconds * 1000 - 5 * 3_600_000);
  return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/** Why an event was set aside, as the key of its label (monitor.sync.reasons.*); unknown reasons read as 'other'. */
export const SYNC_REASON_KEYS = [
  'invalid',
  'credential_in_payload',
  'unstorable_text',
  'foreign_document',
  'unstorable_value',
  'withheld_secret',
  'too_large',
  'server_error',
] as const;
export type SyncReasonKey = (typeof SYNC_REASON_KEYS)[number] | 'other';

const isKnownReason = (reason: string): reason is (typeof SYNC_REASON_KEYS)[number] =>
  (SYNC_REASON_KEYS as readonly string[]).includes(reason);

export function syncReasonKey(reason: string): SyncReasonKey {
  return isKnownReason(reason) ? reason : 'other';
}
