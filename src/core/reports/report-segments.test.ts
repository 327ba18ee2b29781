// The report's plan of rollup reads (decision 0033): for any window, the signed buckets it reads must count every day
// of the window exactly once and no other day, and a window must read at most a few buckets and days at each end.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/year/catalogue';
import { BUCKET_COSTS, dekadOf, MONTHS_AND_DAYS, segments, type Segment } from './report-segments';

const DAY_MS = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The days a bucket stands for. */
function daysOf(table: Segment['table'], bucket: string): string[] {
  const out: string[] = [];
  for (let t = ms(table === 'month' ? `${bucket}-01` : bucket); ; t += DAY_MS) {
    const day = dayOf(t);
    const inside =
      table === 'day' ? day === bucket : table === 'month' ? day.startsWith(bucket) : dekadOf(day) === bucket;
    if (!inside) return out;
    out.push(day);
  }
}

/** How many times each day is counted by the plan (buckets between lo and hi of each segment, signed). */
function counted(plan: Segment[], from: string, to: string): Map<string, number> {
  const count = new Map<string, number>();
  for (const s of plan) {
    for (let t = ms(from) - 40 * DAY_MS; t <= ms(to) + 40 * DAY_MS; t += DAY_MS) {
      const day = dayOf(t);
      const bucket = s.table === 'day' ? day : s.table === 'month' ? day.slice(0, 7) : dekadOf(day);
      if (bucket >= s.lo && bucket <= s.hi) count.set(day, (count.get(day) ?? 0) + s.part);
    }
  }
  return count;
}

/** Rows read, counting a day's rows as 1 and a dekad's or month's as 1.5 / 2 (BUCKET_COSTS). */
function cost(plan: Segment[], from: string, to: string): number {
  let total = 0;
  for (const s of plan) {
    const buckets = new Set<string>();
    for (let t = ms(from) - 40 * DAY_MS; t <= ms(to) + 40 * DAY_MS; t += DAY_MS) {
      const day = dayOf(t);
      const bucket = s.table === 'day' ? day : s.table === 'month' ? day.slice(0, 7) : dekadOf(day);
      if (bucket >= s.lo && bucket <= s.hi) buckets.add(bucket);
    }
    total += buckets.size * (s.table === 'day' ? 1 : BUCKET_COSTS[s.table]);
  }
  return total;
}

describe('the plan of rollup reads for a window', () => {
  it('names dekads by their first day', () => {
    expect(['2026-10-01', '2026-10-10', '2026-10-11', '2026-10-20', '2026-10-21', '2026-10-31'].map(dekadOf)).toEqual([
      '2026-10-01',
      '2026-10-01',
      '2026-10-11',
      '2026-10-11',
      '2026-10-21',
      '2026-10-21',
    ]);
    expect(daysOf('dekad', '2028-02-21')).toHaveLength(9); // the last dekad of a leap February
  });

  it('reads a 30-day window across two months as dekads and days, not as ~29 days', () => {
    expect(segments('2026-10-16', '2026-11-14')).toEqual([
      { table: 'day', lo: '2026-10-16', hi: '2026-10-20', part: 1 },
      { table: 'dekad', lo: '2026-10-21', hi: '2026-11-01', part: 1 },
      { table: 'day', lo: '2026-11-11', hi: '2026-11-14', part: 1 },
    ]);
    expect(segments('2026-07-01', '2026-09-30')).toEqual([{ table: 'month', lo: '2026-07', hi: '2026-09', part: 1 }]);
    expect(segments('2026-12-31', '2026-12-01')).toEqual([]);
  });

  it('keeps decision 0031 plan for the A/B: months and at most half a month of days', () => {
    expect(segments('2026-10-03', '2026-10-29', MONTHS_AND_DAYS)).toEqual([
      { table: 'month', lo: '2026-10', hi: '2026-10', part: 1 },
      { table: 'day', lo: '2026-10-01', hi: '2026-10-02', part: -1 },
      { table: 'day', lo: '2026-10-30', hi: '2026-10-31', part: -1 },
    ]);
    expect(segments('2026-09-25', '2027-01-03', MONTHS_AND_DAYS)).toEqual([
      { table: 'day', lo: '2026-09-25', hi: '2026-09-30', part: 1 },
      { table: 'month', lo: '2026-10', hi: '2026-12', part: 1 },
      { table: 'day', lo: '2027-01-01', hi: '2027-01-03', part: 1 },
    ]);
  });

  it('counts every day of 1 000 random windows exactly once and reads at most ~9 days of rows at each end', () => {
    const random = seededRandom(33);
    const start = ms('2027-01-01');
    for (let i = 0; i < 1_000; i++) {
      const from = dayOf(start + Math.floor(random() * 800) * DAY_MS);
      const to = dayOf(ms(from) + Math.floor(random() * (i % 3 === 0 ? 120 : 40)) * DAY_MS);
      for (const costs of [BUCKET_COSTS, MONTHS_AND_DAYS]) {
        const plan = segments(from, to, costs);
        const expected = new Map<string, number>();
        for (let t = ms(from); t <= ms(to); t += DAY_MS) expected.set(dayOf(t), 1);
        const got = new Map([...counted(plan, from, to)].filter(([, n]) => n !== 0));
        expect(got, `${from}..${to}`).toEqual(expected);
      }
      // Besides the months inside the window: at each end ≤ 1 part-dekad (~5 days) and 2 whole dekads, ≤ 9 days' rows.
      let wholeMonths = 0;
      for (let t = ms(from); t <= ms(to); t += DAY_MS) {
        const day = dayOf(t);
        if (day.endsWith('-01') && daysOf('month', day.slice(0, 7)).every((d) => d <= to)) wholeMonths++;
      }
      expect(cost(segments(from, to), from, to), `${from}..${to}`).toBeLessThanOrEqual(wholeMonths * BUCKET_COSTS.month + 2 * 9);
    }
  });
});
