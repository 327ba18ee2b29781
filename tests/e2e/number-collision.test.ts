// Issue 11 acceptance, at the core level (the handler map the web host and Electron serve, through dispatchIpc): the
// HKA simulator runs in its own process (the `npm run hka-sim` command) and two installs share its account, branch and
// point. Install A authorises sales 1..N; a fresh install B (its own SQLite file) captures different sales. None of
// B's documents may carry one of A's CUFEs: B parks them as NUMBER_COLLISION and, after the gerente's one action,
// they are authorised under new numbers — or, with the series probe, B starts after N.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { createRegisterCore, type RegisterCore } from '../../src/core/app/register-core';
import type { Request } from '../../src/shared/ipc/contract';
import type { WorkerOptions } from '../../src/core/queue/transmission-worker';
import { FAST_WORKER, waitFor } from '../fixtures/register-harness';
import { ipcOk, seedUsers, signInAs } from '../fixtures/register-users';

const ROOT = join(import.meta.dirname, '../..');
const N = 3;
type Draft = Request<'sales:complete'>['draft'];
/** A cash sale of `cantidad` bags of rice at the catalogue's price (another price would need a gerente). */
const sale = (cantidad: string): Draft => ({
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  tiempoPago: '1',
  items: [{ codigo: 'P001', descripcion: 'Arroz blanco 5 lb', cantidad, precioUnitario: '3.25', tasaItbms: '00' }],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '100.00' }],
});
const SERIES = { codigoSucursal: '0000', puntoFacturacion: '001', tipoDocumento: '01' };

let simProcess: ChildProcess | undefined;
let endpoint = '';
const cores: RegisterCore[] = [];
const dirs: string[] = [];

/** The simulator as its own process, with a fresh (in-memory) ledger for each test. */
beforeEach(async () => {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/core/hka/simulator/cli.ts', '--port', '0'], {
    cwd: ROOT,
  });
  simProcess = child;
  let output = '';
  endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`HKA simulator did not start:\n${output}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+\/ws\/obj\/v1\.0\/Service\.svc)/.exec(output);
      if (match && output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve(match[1] ?? '');
      }
    });
  });
}, 20_000);
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  const child = simProcess;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

async function install(worker: WorkerOptions = {}): Promise<RegisterCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sago-collision-'));
  dirs.push(dataDir);
  const core = await createRegisterCore({
    dataDir,
    simulatorEndpoint: endpoint,
    worker: { ...FAST_WORKER, ...worker },
    connectivity: { offlineProbeMs: 50 },
    hkaTimeouts: { connectTimeoutMs: 300, responseTimeoutMs: 2_000 },
  });
  cores.push(core);
  await seedUsers(core.ipc, 'cajero');
  return core;
}

const docs = (core: RegisterCore) =>
  core.store.sqlite.prepare('SELECT id, numero, status, cufe FROM documents ORDER BY created_at').all() as {
    id: string;
    numero: number;
    status: string;
    cufe: string | null;
  }[];
const cufes = (core: RegisterCore) =>
  docs(core)
    .map((d) => d.cufe)
    .filter((c): c is string => c !== null);

async function sell(core: RegisterCore, draft: Draft): Promise<string> {
  return (await ipcOk(core.ipc, 'sales:complete', { draft })).id;
}

/** Install A: sales 1..N authorised at HKA. */
async function installA(): Promise<RegisterCore> {
  const a = await install();
  const ids = [];
  for (let i = 0; i < N; i++) ids.push(await sell(a, sale(String(i + 1))));
  await waitFor(() => docs(a).every((d) => d.status === 'AUTHORIZED'), 10_000, 'A authorised');
  return a;
}

describe('a fresh install on a billing point HKA already used', () => {
  it("parks B's sales as NUMBER_COLLISION, refuses more, and the gerente's one action authorises them under new numbers", async () => {
    const a = await installA();
    const aTop = Math.max(...docs(a).map((d) => d.numero));
    const b = await install();
    const ofB = [await sell(b, sale('7')), await sell(b, sale('9'))];
    await waitFor(() => docs(b).every((d) => d.status === 'NUMBER_COLLISION'), 10_000, 'B parked');
    expect(cufes(b)).toEqual([]);

    const refused = await dispatchIpc(b.ipc, 'sales:complete', { draft: sale('10') });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('Resolver número repetido') as unknown },
    });
    expect(await dispatchIpc(b.ipc, 'series:resolveCollision', SERIES)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });

    await signInAs(b.ipc, 'gerente');
    expect(await ipcOk(b.ipc, 'series:status', {})).toEqual([
      expect.objectContaining({ ...SERIES, blockedByCollision: true, collisions: 2 }),
    ]);
    const resolved = await ipcOk(b.ipc, 'series:resolveCollision', SERIES);
    expect(resolved.hkaHighest).toBe(aTop);
    expect(resolved.renumbered.map((r) => r.to)).toEqual([aTop + 1, aTop + 2]);
    await waitFor(
      () => ofB.every((id) => docs(b).find((d) => d.id === id)?.status === 'AUTHORIZED'),
      10_000,
      'B authorised',
    );

    const ofA = new Set(cufes(a));
    expect(cufes(b)).toHaveLength(2);
    for (const cufe of cufes(b)) expect(ofA.has(cufe)).toBe(false);
    expect(
      docs(b)
        .map((d) => d.numero)
        .sort(),
    ).toEqual([aTop + 1, aTop + 2]);
    const history = await ipcOk(b.ipc, 'documents:get', { id: ofB[0] ?? '' });
    expect(history.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['document.number_collision', 'document.renumbered']),
    );
    await sell(b, sale('10')); // the series takes numbers again, after HKA's
  }, 40_000); // two installs (each seeds users with slow PIN hashes) and a simulator process

  it("with the series probe, B starts after HKA's highest number and never collides", async () => {
    const a = await installA();
    const aTop = Math.max(...docs(a).map((d) => d.numero));
    const b = await install({ probeSeries: true });
    await signInAs(b.ipc, 'gerente');
    await waitFor(
      () => (b.store.sqlite.prepare('SELECT probed_at FROM fiscal_series').pluck().get() ?? null) !== null,
      10_000,
      'probed at start',
    );
    const status = await ipcOk(b.ipc, 'series:status', {});
    expect(status).toEqual([
      expect.objectContaining({ ...SERIES, nextNumber: aTop + 1, probeReason: 'first-use', blockedByCollision: false }),
    ]);
    expect(status[0]?.probeHighest).toBeGreaterThanOrEqual(aTop);
    const id = await sell(b, sale('11'));
    await waitFor(() => docs(b).find((d) => d.id === id)?.status === 'AUTHORIZED', 10_000, 'B authorised');
    expect(new Set(cufes(a)).has(cufes(b)[0] ?? '')).toBe(false);
    expect(docs(b)[0]?.numero).toBeGreaterThan(aTop);
  }, 40_000);
});

describe('a billing point the central server gives to another register', () => {
  it('refuses invoicing on it, in Spanish, and writes nothing', async () => {
    const b = await install();
    b.store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('sync.pointClaim', ?)").run(
      JSON.stringify({
        ...SERIES,
        state: 'refused',
        message: 'Caja 2 ya usa este punto',
        at: '2026-12-05T12:00:00Z',
      }),
    );
    const refused = await dispatchIpc(b.ipc, 'sales:complete', { draft: sale('1') });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: expect.stringContaining('ya lo usa otra caja (Caja 2 ya usa este punto)') as unknown,
      },
    });
    expect(docs(b)).toEqual([]);
  });
});
