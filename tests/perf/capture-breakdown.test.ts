// The capture breakdown bench (bench/capture-breakdown.ts, decision 0037) stays honest and cannot rot: its
// "validation" variant is the real refused path (nothing written, no fiscal number taken), the series it blocks is
// unblocked afterwards, its scratch tables are gone, and the captures it times are real ones with numbers 1..N.
// No timing is asserted here: the figures live in `npm run bench -- --capture-only`.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BREAKDOWN_PER_ROUND, captureBreakdown, rawSyncByPages } from '../../bench/capture-breakdown';
import { captureAgainstFloor } from '../../bench/capture-floor';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';

let dir: string;
let store: OpenedDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sago-capture-breakdown-'));
  store = openDatabase({ path: join(dir, 'register.sqlite'), checkpointIntervalMs: 0 });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('capture breakdown bench', () => {
  it('times real captures, refuses the validation path without writing or numbering, and cleans up', () => {
    const rounds = 1;
    const lines = captureBreakdown(store, rounds);
    expect(lines.filter((l) => l.includes('journal-first with the rows built after returning:'))).toHaveLength(2);
    const { sqlite } = store;
    // One warm-up capture, then per item count: the journal row's capture, and the captures of the OFF, FULL and
    // journal-first-built-before-returning variants.
    const captures = 1 + (1 + 3 * rounds * BREAKDOWN_PER_ROUND[5]) + (1 + 3 * rounds * BREAKDOWN_PER_ROUND[50]);
    const numbers = sqlite.prepare('SELECT numero FROM documents ORDER BY numero').pluck().all() as number[];
    expect(numbers).toEqual(Array.from({ length: captures }, (_, i) => i + 1));
    expect(sqlite.prepare('SELECT max(blocked_by_collision) FROM fiscal_series').pluck().get()).toBe(0);
    const scratch = sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'bench_%'").pluck().all();
    expect(scratch).toEqual([]);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL, as the app runs
  });

  it('prints the capture against a floor measured in the same rounds, and drops its scratch tables', async () => {
    const lines = await captureAgainstFloor(store, join(dir, 'register.sqlite'), { five: 20, fifty: 10 });
    expect(lines.filter((l) => / items: p50 .* floor .* same rounds\) p50 /.test(l))).toHaveLength(2);
    const scratch = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'bench_%'").pluck().all();
    expect(scratch).toEqual([]);
  });

  it('measures the raw disk next to the register and removes its probe file', () => {
    expect(rawSyncByPages(dir, 4096, [1, 2], 4)).toMatch(/1 page .* \| .* 2 pages .* \| /);
    expect(readdirSync(dir).sort()).toEqual(['register.sqlite', 'register.sqlite-shm', 'register.sqlite-wal']);
  });
});
