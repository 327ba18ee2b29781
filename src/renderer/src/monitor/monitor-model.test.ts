import { describe, expect, it } from 'vitest';
import type { MonitorOverview } from '../../../shared/ipc/areas/monitor/contract';
import {
  ageOf,
  clockOff,
  formatDuration,
  formatMs,
  formatOffset,
  formatRate,
  latencyChart,
  panamaHourMinute,
  queueChart,
  salesByHourChart,
  syncReasonKey,
} from './monitor-model';

describe('monitor formatting', () => {
  it('formats latencies', () => {
    expect(formatMs(null)).toBe('—');
    expect(formatMs(84.6)).toBe('85 ms');
    expect(formatMs(1234)).toBe('1.2 s');
  });
  it('formats durations and ages', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12 min');
    expect(formatDuration((3 * 60 + 5) * 60_000)).toBe('3 h 05 min');
    expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
    expect(ageOf('2026-11-28T10:00:00Z', new Date('2026-11-28T10:02:30Z'))).toBe('2 min');
    expect(ageOf(undefined, new Date())).toBeNull();
  });
  it('formats error rates exactly', () => {
    expect(formatRate(0)).toBe('0.0 %');
    expect(formatRate(0.125)).toBe('12.5 %');
    expect(formatRate(1 / 3)).toBe('33.3 %');
  });
  it('formats clock offsets and warns beyond 2 minutes', () => {
    expect(formatOffset(null)).toBe('—');
    expect(formatOffset(-45_000)).toBe('-45 s');
    expect(formatOffset(130_000)).toBe('+2 min 10 s');
    expect(clockOff(120_000)).toBe(false);
    expect(clockOff(-120_001)).toBe(true);
    expect(clockOff(null)).toBe(false);
  });
  it('shows chart times in Panamá', () => {
    expect(panamaHourMinute(Date.parse('2026-11-28T19:05:00Z') / 1000)).toBe('14:05');
  });
});

describe('chart data', () => {
  const overview = {
    series: {
      latency: [
        { at: '2026-11-28T19:00:00Z', p50Ms: 120, p95Ms: 300, calls: 4 },
        { at: '2026-11-28T19:15:00Z', p50Ms: null, p95Ms: null, calls: 0 },
      ],
      queueDepth: [{ at: '2026-11-28T19:00:00Z', waiting: 3 }],
      salesByHour: [
        { hour: 9, documents: 2, total: '10.74' },
        { hour: 14, documents: 1, total: '1.27' },
      ],
    },
  } as unknown as MonitorOverview;

  it('keeps gaps in latency as null', () => {
    expect(latencyChart(overview, { p50: 'p50', p95: 'p95' })).toEqual({
      x: [1795892400, 1795893300],
      series: [
        { label: 'p50', values: [120, null] },
        { label: 'p95', values: [300, null] },
      ],
    });
    expect(queueChart(overview, 'En espera')).toEqual({
      x: [1795892400],
      series: [{ label: 'En espera', values: [3] }],
    });
  });

  it('fills the 24 hours of sales, keeping exact totals for the table', () => {
    const chart = salesByHourChart(overview, 'Ventas');
    expect(chart.x).toHaveLength(24);
    expect(chart.totals[9]).toBe('10.74');
    expect(chart.totals[0]).toBe('0.00');
    expect(chart.documents[14]).toBe(1);
    expect(chart.series[0]?.values[14]).toBe(1.27);
  });
});

describe('sync rejections', () => {
  it('labels known reasons by their own key and anything newer as other', () => {
    expect(syncReasonKey('unstorable_text')).toBe('unstorable_text');
    expect(syncReasonKey('server_error')).toBe('server_error');
    expect(syncReasonKey('something_new')).toBe('other');
  });
});
