// Identity proof against the real simulator over loopback: two installs on one HKA account, branch and point.
// Install A authorises a sale; install B (a fresh SQLite file) reuses the number for a different sale. B must never
// book A's CUFE: it parks the sale as NUMBER_COLLISION, blocks the series, and the manager's one action re-issues it.
import { afterEach, describe, expect, it } from 'vitest';
import { SALE, startRegister, waitFor, type Register } from '../../../tests/fixtures/register-harness';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { SERIES_BLOCKED, type SaleDraft } from '../sales/capture-sale';
import { IllegalTransitionError } from '../../shared/fiscal/lifecycle';
import { retryDocument } from './manual-retry';
import { resolveCollision, seriesStatus } from './resolve-collision';
import { probeAndAdvance } from './series-advance';

/** B's sale: not A's (3 units at another price). */
const OTHER_SALE: SaleDraft = {
  ...SALE,
  items: [anItem({ cantidad: '3', precioUnitario: '2.00' })],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '6.42' }],
};
const SERIES = { codigoSucursal: '0000', puntoFacturacion: '001', tipoDocumento: '01' };
const MANAGER = { actor: 'gerente-1' };

let open: Register[] = [];
let sim: HkaSimulator | undefined;
afterEach(async () => {
  for (const r of open) await r.close();
  open = [];
  await sim?.close();
  sim = undefined;
});

async function twoInstalls(): Promise<[Register, Register]> {
  sim = await startHkaSimulator({});
  const a = await startRegister({ sim });
  const b = await startRegister({ sim });
  open = [a, b];
  return [a, b];
}

const row = (r: Register, id: string) =>
  r.store.sqlite.prepare('SELECT status, numero, cufe, hka_mensajes FROM documents WHERE id = ?').get(id) as {
    status: string;
    numero: number;
    cufe: string | null;
    hka_mensajes: string | null;
  };
const cufesOf = (r: Register) =>
  r.store.sqlite.prepare('SELECT cufe FROM documents WHERE cufe IS NOT NULL').pluck().all() as string[];
const audit = (r: Register, action: string) =>
  r.store.sqlite.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[];
const deps = (r: Register) => ({
  db: r.store.db,
  client: r.hka.client,
  credentials: r.hka.credentials,
  clock: () => new Date(),
});

describe('identity proof', () => {
  it("parks a 102 that carries another sale's CUFE as NUMBER_COLLISION and blocks the series", async () => {
    const [a, b] = await twoInstalls();
    const ofA = await a.authorise();
    const ofB = b.captureId(OTHER_SALE);
    b.worker.start();
    await waitFor(() => b.statusOf(ofB) === 'NUMBER_COLLISION', 5_000, 'collision');
    expect(row(b, ofB)).toMatchObject({ numero: 1, cufe: null });
    expect(JSON.parse(row(b, ofB).hka_mensajes ?? '[]')).toEqual([
      expect.stringContaining('otro documento con este número'),
    ]);
    expect(cufesOf(b)).not.toContain(row(a, ofA).cufe);
    const details = JSON.parse(audit(b, 'document.number_collision')[0] ?? '{}') as {
      hkaCufe: string;
      mismatches: { field: string }[];
    };
    expect(details.hkaCufe).toBe(row(a, ofA).cufe);
    expect(details.mismatches.map((m) => m.field)).toEqual(expect.arrayContaining(['totalFactura']));
    // The register takes no more numbers from that series until the manager acts.
    const refused = b.capture(OTHER_SALE);
    expect(refused).toEqual({ ok: false, violations: [SERIES_BLOCKED] });
    expect(SERIES_BLOCKED.message).toContain('Resolver número repetido');
    expect(seriesStatus(b.store.db)).toEqual([
      expect.objectContaining({ ...SERIES, nextNumber: 2, blockedByCollision: true, collisions: 1 }),
    ]);
    expect(b.sim.ledger()).toHaveLength(1);
    // Sending the same number again cannot help: a manager's retry is refused, only the resolution renumbers.
    expect(() => retryDocument(b.store.db, ofB, MANAGER, new Date())).toThrow(IllegalTransitionError);
  });

  it('parks an EstadoDocumento "Autorizada" for a foreign document the same way, without sending', async () => {
    const [a, b] = await twoInstalls();
    await a.authorise();
    const ofB = b.captureId(OTHER_SALE);
    b.store.sqlite.prepare('UPDATE outbox_jobs SET maybe_sent = 1 WHERE document_id = ?').run(ofB); // "may have reached HKA"
    const enviarBefore = b.sim.calls('Enviar');
    b.worker.start();
    await waitFor(() => b.statusOf(ofB) === 'NUMBER_COLLISION', 5_000, 'collision');
    expect(b.sim.calls('Enviar')).toBe(enviarBefore);
    expect(row(b, ofB).cufe).toBeNull();
  });

  it('accepts a 102 for our own document, once proven (one DescargaXML)', async () => {
    const [a] = await twoInstalls();
    const id = await a.authorise();
    const cufe = row(a, id).cufe;
    // As if the 200 had been lost and forgotten: the document goes out again and HKA answers 102.
    a.store.sqlite.prepare("UPDATE documents SET status = 'QUEUED', cufe = NULL WHERE id = ?").run(id);
    a.store.sqlite
      .prepare("UPDATE outbox_jobs SET state = 'pending', maybe_sent = 0, next_attempt_at = 0 WHERE document_id = ?")
      .run(id);
    const xmlBefore = a.sim.calls('DescargaXML');
    await waitFor(() => a.statusOf(id) === 'AUTHORIZED', 5_000, 're-authorised');
    expect(row(a, id).cufe).toBe(cufe);
    expect(a.sim.calls('DescargaXML')).toBe(xmlBefore + 1);
    const proof = a.store.sqlite
      .prepare('SELECT identity_proof FROM outbox_jobs WHERE document_id = ?')
      .pluck()
      .get(id) as string;
    expect(JSON.parse(proof)).toEqual({ cufe, ours: true, mismatches: [] });
  });
});

describe('resolving a collision', () => {
  it("moves the series past HKA's highest number and re-issues the parked sale under a new number", async () => {
    const [a, b] = await twoInstalls();
    const ofA = [await a.authorise(), await a.authorise()];
    const ofB = b.captureId(OTHER_SALE);
    const untouched = b.captureId(OTHER_SALE); // number 2, queued behind: never sent
    b.worker.start();
    await waitFor(
      () => b.statusOf(ofB) === 'NUMBER_COLLISION' || b.statusOf(untouched) === 'NUMBER_COLLISION',
      5_000,
      'collision',
    );
    await b.worker.stop(2_000);
    const result = await resolveCollision(deps(b), SERIES, MANAGER);
    expect(result).toMatchObject({ ok: true, hkaHighest: 2, nextNumber: 5 });
    if (!result.ok) return;
    expect(result.renumbered.map((r) => r.to)).toEqual([3, 4]);
    b.worker.start();
    await waitFor(
      () => [ofB, untouched].every((id) => b.statusOf(id) === 'AUTHORIZED'),
      5_000,
      'authorised under new numbers',
    );
    expect([row(b, ofB).numero, row(b, untouched).numero].sort()).toEqual([3, 4]);
    const cufesA = ofA.map((id) => row(a, id).cufe);
    for (const cufe of cufesOf(b)) expect(cufesA).not.toContain(cufe);
    const renumbered = audit(b, 'document.renumbered').map((d) => JSON.parse(d) as { from: number; to: number });
    expect(renumbered.map((d) => [d.from, d.to])).toEqual(expect.arrayContaining([[1, 3]]));
    expect(b.capture(OTHER_SALE).ok).toBe(true); // the series is open again, after HKA's numbers
    expect(seriesStatus(b.store.db)[0]).toMatchObject({
      blockedByCollision: false,
      nextNumber: 6,
      probeReason: 'collision',
      probeHighest: 2,
    });
  });

  it('refuses when the series has nothing to resolve', async () => {
    const [, b] = await twoInstalls();
    b.captureId(OTHER_SALE);
    expect(await resolveCollision(deps(b), SERIES, MANAGER)).toMatchObject({ ok: false, reason: 'not_blocked' });
  });
});

describe('series probe', () => {
  it("finds A's last number through EstadoDocumento and starts B after it, audited", async () => {
    const [a, b] = await twoInstalls();
    for (let i = 0; i < 5; i++) await a.authorise();
    const before = b.sim.calls('EstadoDocumento');
    const probed = await probeAndAdvance(deps(b), SERIES, 'first-use', { actor: 'sistema:cola' });
    expect(probed).toMatchObject({ ok: true, highest: 5, lastNumberBefore: 0, lastNumberAfter: 5 });
    expect(b.sim.calls('EstadoDocumento') - before).toBe(probed.ok ? probed.calls : -1);
    expect(JSON.parse(audit(b, 'series.probed')[0] ?? '{}')).toMatchObject({ reason: 'first-use', hkaHighest: 5 });
    const ofB = b.captureId(OTHER_SALE);
    expect(row(b, ofB).numero).toBe(6);
    b.worker.start();
    await waitFor(() => b.statusOf(ofB) === 'AUTHORIZED', 5_000);
  });

  it('runs in the worker before the first document of a never-probed series is sent', async () => {
    sim = await startHkaSimulator({});
    const a = await startRegister({ sim });
    const b = await startRegister({ sim, worker: { probeSeries: true, concurrency: 1 } });
    open = [a, b];
    await a.authorise();
    await a.authorise();
    const first = b.captureId(OTHER_SALE); // number 1: taken before the probe, HKA already holds 1 for A
    b.worker.start();
    await waitFor(() => b.statusOf(first) === 'NUMBER_COLLISION', 5_000, 'collision of the pre-probe sale');
    expect(seriesStatus(b.store.db)[0]).toMatchObject({
      probeReason: 'first-use',
      probeHighest: 2,
      blockedByCollision: true,
    });
    expect(cufesOf(b)).toEqual([]);
  });

  it('leaves the series untouched when HKA cannot be asked', async () => {
    const [, b] = await twoInstalls();
    b.sim.faults.inject({ kind: 'http500', operation: 'EstadoDocumento', when: { next: 1 } });
    const probed = await probeAndAdvance(deps(b), SERIES, 'restore', { actor: 'sistema:cola' });
    expect(probed).toMatchObject({ ok: false, mayHaveReachedHka: true });
    expect(seriesStatus(b.store.db)).toEqual([]);
    expect(audit(b, 'series.probed')).toEqual([]);
  });
});

describe('UNIQUE CUFE', () => {
  it('refuses a second document with a CUFE already booked', async () => {
    const [a] = await twoInstalls();
    const id = await a.authorise();
    const other = a.captureId();
    const cufe = row(a, id).cufe;
    expect(() => a.store.sqlite.prepare('UPDATE documents SET cufe = ? WHERE id = ?').run(cufe, other)).toThrow(
      /UNIQUE constraint failed: documents.cufe/,
    );
  });
});
