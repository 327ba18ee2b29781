// The monitoring panel's read (monitor:overview, every 15 s while a manager looks) on a register with a busy week
// behind it: 7 days of HKA calls (one every 5 s: 120 960 rows, the retention limit), 48 h of queue samples and
// 100 000 documents. Baseline, in the same process: the same read on an empty register. Before sales-by-hour used
// the created_at index, the busy read took ~134 ms (p50, 6 h) on the main process, every 15 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDocuments } from '../src/core/app/documents-bench';
import { monitorOverview } from '../src/core/monitor/overview';
import { openDatabase, type OpenedDatabase } from '../src/core/store/open-database';
import { fmt, measure, type LatencyStats } from './stats';

const HOUR = 3_600_000;
const INPUTS = {
  queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
  contingency: { active: false, needsExtendedReason: false },
};

function seedBusyWeek(store: OpenedDatabase, now: Date): void {
  const sqlite = store.sqlite;
  const call = sqlite.prepare(
    'INSERT INTO hka_calls (operation, document_id, started_at, duration_ms, outcome, codigo) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const sample = sqlite.prepare('INSERT INTO queue_samples (at, waiting) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (let at = now.getTime() - 7 * 24 * HOUR, i = 0; at < now.getTime(); at += 5_000, i++) {
      const failed = i % 50 === 0;
      call.run(
        'Enviar',
        `doc-${i}`,
        at,
        80 + (i % 400),
        failed ? 'transient:response_timeout' : 'authorized',
        failed ? null : '200',
      );
    }
    for (let at = now.getTime() - 48 * HOUR; at < now.getTime(); at += 60_000) sample.run(at, at % 7);
  })();
  // 100 000 documents, one a minute (every 10th shares its predecessor's minute) up to now: two months of history
  // and today's sales for the sales-by-hour chart.
  seedDocuments(store.db, 100_000, { start: new Date(now.getTime() - 90_000 * 60_000), stepMs: 60_000 });
}

async function overviewStats(store: OpenedDatabase, now: Date, hours: number): Promise<LatencyStats> {
  return measure(200, 20, () => monitorOverview(store.db, now, hours, INPUTS));
}

export async function runMonitorBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sago-bench-monitor-'));
  const now = new Date();
  const empty = openDatabase({ path: join(dir, 'empty.sqlite'), checkpointIntervalMs: 0 });
  const busy = openDatabase({ path: join(dir, 'busy.sqlite'), checkpointIntervalMs: 0 });
  try {
    seedBusyWeek(busy, now);
    const lines: string[] = [];
    for (const hours of [6, 48]) {
      const base = await overviewStats(empty, now, hours);
      const loaded = await overviewStats(busy, now, hours);
      lines.push(
        `overview over ${String(hours).padStart(2)} h: empty p50 ${fmt(base.p50)} p99 ${fmt(base.p99)} · busy week p50 ${fmt(loaded.p50)} p99 ${fmt(loaded.p99)} (${(loaded.p50 / base.p50).toFixed(0)}x / ${(loaded.p99 / base.p99).toFixed(0)}x)`,
      );
    }
    return lines;
  } finally {
    empty.close();
    busy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
