// `npm run bench -- --year [--docs N] [--db path]`: the reads a cashier and a manager wait on, the capture cost and
// the file's size and backup time, on a year of a busy register (generate-year.ts). With --db, an existing year file
// is used as is (opening it applies pending migrations, timed; the capture part adds documents to it, so pass a copy);
// otherwise --docs N documents (default 700 000) are
// generated into a temporary folder first. Figures and ratios come from this one run; targets are issue 17's.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listDocuments } from '../../src/core/app/documents-list';
import { monitorOverview } from '../../src/core/monitor/overview';
import { salesReport } from '../../src/core/reports/sales-report';
import { computeShiftReport } from '../../src/core/reports/shift-report';
import { listAudit } from '../../src/core/settings/audit-list';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';
import type { Shift } from '../../src/shared/ipc/areas/reports/contract';
import { captureAgainstFloor } from '../capture-floor';
import { captureAnswerAb } from '../capture-answer';
import { captureBreakdown, rawSyncByPages } from '../capture-breakdown';
import { fmt, measure, type LatencyStats } from '../stats';
import { generateYear } from './generate-year';
import { reportBaselines } from './report-baselines';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Target {
  label: string;
  stats: LatencyStats;
  budgetMs: number;
}

const row = (t: Target) =>
  `  ${t.label.padEnd(40)} p50 ${fmt(t.stats.p50)}  p99 ${fmt(t.stats.p99)}  target p99 < ${t.budgetMs} ms: ${t.stats.p99 < t.budgetMs ? 'met' : 'NOT met'}`;

export async function runYearBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sago-bench-year-'));
  const given = arg('--db');
  const path = given ?? join(dir, 'year.sqlite');
  try {
    let t0 = performance.now();
    const store = openDatabase({ path, checkpointIntervalMs: 0 });
    console.log(`Year database ${path}: opened (pending migrations applied) in ${fmt(performance.now() - t0)}`);
    if (!given) {
      t0 = performance.now();
      const docs = Number(arg('--docs') ?? 700_000);
      const year = await generateYear(store, {
        docs,
        onDay: (d, n) => {
          if (d % 30 === 0) console.log(`  day ${d}: ${n} documents`);
        },
      });
      console.log(
        `Generated ${year.documents} sales, ${year.creditNotes} credit notes, ${year.annulled} annulled, ${year.contingency} in contingency, ${year.shifts} shifts in ${(performance.now() - t0) / 1000} s`,
      );
    }
    try {
      await readsAndCapture(store, path);
    } finally {
      store.close();
    }
    console.log(`\nDatabase file: ${(statSync(path).size / 1_048_576).toFixed(0)} MB`);
    const backup = join(dir, 'backup.sqlite');
    const copy = openDatabase({ path, checkpointIntervalMs: 0 });
    t0 = performance.now();
    copy.sqlite.prepare('VACUUM INTO ?').run(backup); // the pre-migration copy's fallback (core/backups; decision 0040)
    console.log(
      `VACUUM INTO (the backup copy): ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(statSync(backup).size / 1_048_576).toFixed(0)} MB`,
    );
    copy.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readsAndCapture(store: OpenedDatabase, path: string): Promise<void> {
  const { sqlite, db } = store;
  const n = sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  console.log(
    `\n${n} documents, ${sqlite.prepare('SELECT count(*) FROM document_items').pluck().get() as number} items, ${sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number} audit entries, ${sqlite.prepare('SELECT count(*) FROM hka_calls').pluck().get() as number} HKA calls`,
  );
  const samples = sqlite
    .prepare(
      `SELECT id, numero, cufe, receptor_nombre AS nombre, json_extract(body, '$.cliente.numeroRUC') AS ruc
    FROM documents WHERE rowid % 211 = 0 AND cufe IS NOT NULL`,
    )
    .all() as { id: string; numero: number; cufe: string; nombre: string | null; ruc: string | null }[];
  const named = samples.filter((s) => s.nombre !== null);
  const withRuc = samples.filter((s) => s.ruc !== null);
  const pick = <T>(list: T[], i: number): T => list[((i % list.length) + list.length) % list.length] as T; // warm-up runs pass i < 0
  const list = (q: Parameters<typeof listDocuments>[1]) => () => listDocuments(db, q);
  const middle = listDocuments(db, { limit: 50 });
  let cursor = middle.nextCursor ?? undefined;
  for (let i = 0; i < 200 && cursor; i++) cursor = listDocuments(db, { limit: 50, cursor }).nextCursor ?? undefined;
  const lastShift = sqlite
    .prepare(
      'SELECT id, opened_at AS openedAt, opening_cash AS openingCash, closed_at AS closedAt FROM shifts ORDER BY opened_at DESC LIMIT 1',
    )
    .get() as { id: string; openedAt: string; openingCash: string; closedAt: string | null };
  const shift: Shift = {
    ...lastShift,
    openedBy: '',
    openedByName: '',
    closedAt: null,
    closedBy: null,
    closedByName: null,
    countedCash: null,
    differenceReason: null,
    closeApprovedByName: null,
  };
  const lastDay = sqlite.prepare('SELECT max(substr(fecha_emision, 1, 10)) FROM documents').pluck().get() as string;
  const monthFrom = `${lastDay.slice(0, 8)}01`;
  const dayBefore = (days: number) =>
    new Date(Date.parse(`${lastDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const across = { from: dayBefore(45), to: dayBefore(16) };
  // An hour after the last document (a year file cut short may end with its shift still open).
  const now = new Date(
    Date.parse(sqlite.prepare('SELECT max(created_at) FROM documents').pluck().get() as string) + 3_600_000,
  );
  const inputs = {
    queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
    contingency: { active: false, needsExtendedReason: false },
  };
  const auditDay = `${lastDay}`;
  const targets: Target[] = [
    {
      label: 'search by number',
      stats: await measure(300, 20, (i) => list({ limit: 50, query: String(pick(samples, i + 20).numero) })()),
      budgetMs: 5,
    },
    {
      label: 'search by CUFE',
      stats: await measure(300, 20, (i) => list({ limit: 50, query: pick(samples, i + 20).cufe })()),
      budgetMs: 5,
    },
    {
      label: 'search by customer name (full name)',
      stats: await measure(300, 20, (i) => list({ limit: 50, query: pick(named, i + 20).nombre ?? '' })()),
      budgetMs: 5,
    },
    {
      label: 'search by one common word ("maria")',
      stats: await measure(100, 10, list({ limit: 50, query: 'maria' })),
      budgetMs: 5,
    },
    {
      label: 'search by RUC',
      stats: await measure(300, 20, (i) => list({ limit: 50, query: pick(withRuc, i + 20).ruc ?? '' })()),
      budgetMs: 5,
    },
    { label: 'list: first page', stats: await measure(300, 20, list({ limit: 50 })), budgetMs: 5 },
    { label: 'list: page 200 (cursor)', stats: await measure(300, 20, list({ limit: 50, cursor })), budgetMs: 5 },
    {
      label: 'list: needs attention (REJECTED, FAILED)',
      stats: await measure(300, 20, list({ limit: 50, status: ['REJECTED', 'FAILED'] })),
      budgetMs: 5,
    },
    {
      label: 'list: AUTHORIZED, page 200',
      stats: await measure(300, 20, list({ limit: 50, status: ['AUTHORIZED'], cursor })),
      budgetMs: 5,
    },
    {
      label: "X report (last day's shift)",
      stats: await measure(30, 3, () => computeShiftReport(db, shift, 'X', now)),
      budgetMs: 50,
    },
    {
      label: `sales report, month ${monthFrom}..${lastDay}`,
      stats: await measure(5, 1, () => salesReport(db, monthFrom, lastDay)),
      budgetMs: 50,
    },
    {
      // 30 days across two months, neither whole: the partial-month path of decision 0031 (month less the days left out).
      label: `sales report, 30 days ${across.from}..${across.to}`,
      stats: await measure(5, 1, () => salesReport(db, across.from, across.to)),
      budgetMs: 50,
    },
    {
      // Any window a manager picks (decision 0033: whole dekads and a few days at each end); the A/B is --report-buckets.
      label: `sales report, a week / 90 days to ${lastDay}`,
      stats: await measure(10, 1, (i) => salesReport(db, dayBefore(i % 2 === 0 ? 6 : 89), lastDay)),
      budgetMs: 50,
    },
    {
      label: 'sales report, one day',
      stats: await measure(20, 2, () => salesReport(db, lastDay, lastDay)),
      budgetMs: 50,
    },
    {
      label: 'monitoring overview, 48 h',
      stats: await measure(50, 5, () => monitorOverview(db, now, 48, inputs)),
      budgetMs: 20,
    },
    {
      label: 'audit trail: first page',
      stats: await measure(300, 20, () => listAudit(db, { limit: 50 })),
      budgetMs: 5,
    },
    {
      label: 'audit trail: one document',
      stats: await measure(300, 20, (i) => listAudit(db, { limit: 50, documentId: pick(samples, i).id })),
      budgetMs: 5,
    },
    {
      label: 'audit trail: one day',
      stats: await measure(100, 10, () => listAudit(db, { limit: 50, from: auditDay, to: auditDay })),
      budgetMs: 5,
    },
  ];
  console.log('\nReads at this size (targets of issue 17):');
  for (const t of targets) console.log(row(t));
  const closed = sqlite
    .prepare(
      'SELECT id, opened_at AS openedAt, opening_cash AS openingCash, closed_at AS closedAt, counted_cash AS countedCash FROM shifts WHERE closed_at IS NOT NULL ORDER BY opened_at DESC LIMIT 1',
    )
    .get() as Pick<Shift, 'id' | 'openedAt' | 'openingCash' | 'closedAt' | 'countedCash'> | undefined;
  await reportBaselines(db, { shift, now, monthFrom, lastDay, closed: closed && { ...shift, ...closed } });
  await captureRatio(store, path);
}

/** Capture at the year's size against the floor: one durable (synchronous=FULL) commit of one row in the same file. */
async function captureRatio(store: OpenedDatabase, path: string): Promise<void> {
  console.log('\nCapture at this size (synchronous=FULL), against the bare one-row commit:');
  for (const l of await captureAgainstFloor(store, path)) console.log(`  ${l}`);
  console.log(`Where the capture's time goes (interleaved, decision 0037); ${rawSyncByPages(dirname(path))}`);
  for (const l of captureBreakdown(store)) console.log(`  ${l}`);
  console.log("The cashier's call: the capture and its answer (decision 0045), interleaved:");
  for (const l of captureAnswerAb(store)) console.log(`  ${l}`);
}
