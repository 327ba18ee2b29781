// The monitoring panel's 48-hour view (monitor:overview, asked every 15 s) reads bounded ranges whatever the size of
// the history (issue 17, decision 0033): checked on the statements it prepares and the plans SQLite chooses for them,
// which do not depend on how busy the machine is. A lost index, a scan of a table that grows with the year, or the
// calls read once per figure again (three reads of two days of calls before 0033) fails here; times are in the bench.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansDuring } from '../../../tests/fixtures/query-plans';
import { recordHkaCall } from '../queue/hka-metrics';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { monitorOverview } from './overview';
import { sampleQueueDepth } from './queue-samples';

const NOW = new Date('2026-11-28T15:00:00Z');
const MINUTE = 60_000;
let store: OpenedDatabase;

beforeAll(() => {
  store = openDatabase({ path: ':memory:' });
  for (let i = 0; i < 300; i++)
    recordHkaCall(store.db, {
      operation: 'Enviar',
      documentId: null,
      startedAt: NOW.getTime() - i * 15 * MINUTE,
      durationMs: 100 + (i % 40),
      outcome: i % 17 === 0 ? 'transient:response_timeout' : 'authorized',
      codigo: undefined,
    });
  for (let i = 0; i < 120; i++) sampleQueueDepth(store.db, new Date(NOW.getTime() - i * MINUTE));
});
afterAll(() => store.close());

/** Every statement monitorOverview prepares, with the plan SQLite chose for it (parameters bound to null). */
function plans(): { sql: string; plan: string }[] {
  return plansDuring(store.sqlite, () => {
    const overview = monitorOverview(store.db, NOW, 48, {
      queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
      contingency: { active: false, needsExtendedReason: false },
    });
    expect(overview.hka.calls).toBeGreaterThan(0);
    expect(overview.series.queueDepth).toHaveLength(120);
  });
}

describe('the monitoring overview reads bounded ranges', () => {
  it('searches the tables that grow with the history by index, never scans them', () => {
    const all = plans();
    for (const table of ['documents', 'hka_calls', 'queue_samples']) {
      const reads = all.filter(({ sql }) => new RegExp(`\\bFROM [\\x60"]?${table}\\b`, 'i').test(sql));
      expect(reads.length, table).toBeGreaterThan(0);
      for (const { plan } of reads) {
        expect(plan, table).toMatch(/SEARCH \w+ USING (COVERING )?(INDEX|INTEGER PRIMARY KEY)/);
        expect(plan, table).not.toMatch(new RegExp(`SCAN ${table}\\b`));
      }
    }
  });

  it('reads the HKA calls once for the last hour and the 48-hour series', () => {
    expect(plans().filter(({ sql }) => /\bFROM [`"]?hka_calls\b/i.test(sql))).toHaveLength(1);
  });
});
