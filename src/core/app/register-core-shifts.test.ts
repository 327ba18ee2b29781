// Decision 0006 through the register as the shells start it: the first sale after a close opens the shift by itself,
// a refused sale opens nothing. Real simulator over loopback, real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT } from '../../../tests/fixtures/register-core-draft';
import { FAST_WORKER } from '../../../tests/fixtures/register-harness';
import { asGerente, ipcOk as ok } from '../../../tests/fixtures/register-users';
import { startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { dispatchIpc } from './dispatch';
import { createRegisterCore, type RegisterCore } from './register-core';

let sim: HkaSimulator;
let dir: string;
const open: RegisterCore[] = [];

beforeEach(async () => {
  sim = await startHkaSimulator({});
  dir = mkdtempSync(join(tmpdir(), 'sago-core-shift-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((core) => core.close()));
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<RegisterCore> {
  const core = await createRegisterCore({ dataDir: dir, simulatorEndpoint: sim.endpoint, worker: FAST_WORKER });
  open.push(core);
  await asGerente(core.ipc);
  return core;
}

const rows = (core: RegisterCore, table: string) =>
  (core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the register opens its shift', () => {
  it('opens a shift by itself at the first sale after a close, never for a refused sale, so every sale has a Z', async () => {
    const core = await start();
    const invalid = await dispatchIpc(core.ipc, 'sales:complete', {
      draft: { ...DRAFT, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.00' }] },
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await ok(core.ipc, 'reports:currentShift', {})).toBeNull(); // a refused sale writes nothing, not even a shift
    const sale = await ok(core.ipc, 'sales:complete', { draft: DRAFT });
    const shift = await ok(core.ipc, 'reports:currentShift', {});
    expect(shift).toMatchObject({ openingCash: '0.00', openedByName: 'Gabriela Gerente', closedAt: null }); // whoever sold
    const created = core.store.sqlite.prepare('SELECT created_at FROM documents WHERE id = ?').pluck().get(sale.id);
    expect(shift?.openedAt).toBe(created); // from the sale's own moment: the sale is in it
    expect((await ok(core.ipc, 'reports:xReport', {})).report.counts.total).toBe(1);
    const audit = core.store.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'shift.opened'")
      .pluck()
      .all() as string[];
    expect(audit.map((d) => JSON.parse(d) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ automatic: true, firstDocumentId: sale.id }),
    ]);
    await ok(core.ipc, 'sales:complete', { draft: DRAFT }); // the shift is open: no second one
    expect(rows(core, 'shifts')).toBe(1);
  });
});
