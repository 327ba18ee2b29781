// The manager's reports at the year's size, read from the rollups of migration 0011 (what the app does) and, in the
// same run, computed from every document of the period (how they were computed before: the baseline), with the ratio.
// Both must give the same report (tests/perf and src/core/reports/report-rollups*.test.ts prove it); here only time.
import { computeShiftReport } from '../../src/core/reports/shift-report';
import { salesReport } from '../../src/core/reports/sales-report';
import { salesReportFromDocuments } from '../../src/core/reports/sales-report-from-documents';
import type { StoreDb } from '../../src/core/store/open-database';
import type { Shift } from '../../src/shared/ipc/areas/reports/contract';
import { fmt, measure } from '../stats';

export interface ReportWindow {
  /** The last shift, reported as an X up to `now`. */
  shift: Shift;
  now: Date;
  /** A closed shift (a whole day's Z), if the file has one. */
  closed: Shift | undefined;
  monthFrom: string;
  lastDay: string;
}

export async function reportBaselines(db: StoreDb, w: ReportWindow): Promise<void> {
  const cases: { label: string; rollups: () => unknown; documents: () => unknown; runs: number }[] = [
    {
      label: "X report (last day's shift)",
      rollups: () => computeShiftReport(db, w.shift, 'X', w.now),
      documents: () => computeShiftReport(db, w.shift, 'X', w.now, 'documents'),
      runs: 20,
    },
    {
      label: `sales report, month ${w.monthFrom}..${w.lastDay}`,
      rollups: () => salesReport(db, w.monthFrom, w.lastDay),
      documents: () => salesReportFromDocuments(db, w.monthFrom, w.lastDay),
      runs: 5,
    },
  ];
  const closed = w.closed;
  if (closed?.closedAt) {
    const until = new Date(closed.closedAt);
    cases.splice(1, 0, {
      label: 'Z report (a closed day)',
      rollups: () => computeShiftReport(db, closed, 'Z', until),
      documents: () => computeShiftReport(db, closed, 'Z', until, 'documents'),
      runs: 20,
    });
  }
  console.log('\nReports from the rollups (0011) against the per-document computation, same run (target < 50 ms):');
  for (const c of cases) {
    const fast = await measure(c.runs, 2, c.rollups);
    const slow = await measure(c.runs, 1, c.documents);
    console.log(
      `  ${c.label.padEnd(40)} rollups p50 ${fmt(fast.p50)} p99 ${fmt(fast.p99)} · documents p50 ${fmt(slow.p50)} p99 ${fmt(slow.p99)} · ${(slow.p50 / fast.p50).toFixed(1)}x faster at p50 (${fast.p99 < 50 ? 'met' : 'NOT met'})`,
    );
  }
}
