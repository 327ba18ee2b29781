// What the crash test looks at, all from outside the child: the register's SQLite file (opened read-only while no
// child runs) and the simulator's ledger (HKA's truth). Two uses: after each kill, which windows the kill landed
// in; after the drain, every way the run could have lost, duplicated or skipped a sale.
import Database from 'better-sqlite3';
import type { LedgerEntry } from '../../src/core/hka/simulator';
import type { ChildEvent } from './child-protocol';

export interface RegisterDocument {
  id: string;
  series: string;
  numero: number;
  status: string;
  cufe: string | null;
}

export interface RegisterJob {
  documentId: string;
  state: string;
  updatedAtMs: number;
}

export interface RegisterSnapshot {
  documents: RegisterDocument[];
  jobs: RegisterJob[];
  lastNumbers: Map<string, number>;
}

const seriesKey = (sucursal: string, punto: string, tipo: string): string => `${sucursal}/${punto}/${tipo}`;
const ledgerKey = (e: LedgerEntry): string =>
  `${seriesKey(e.codigoSucursalEmisor, e.puntoFacturacionFiscal, e.tipoDocumento)}#${Number(e.numeroDocumentoFiscal)}`;
const documentKey = (d: RegisterDocument): string => `${d.series}#${d.numero}`;

/** Job states and how many jobs are in each, e.g. "done 812, leased 3" (for failure messages). */
export function jobStateCounts(register: RegisterSnapshot): string {
  const counts = new Map<string, number>();
  for (const job of register.jobs) counts.set(job.state, (counts.get(job.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${state} ${n}`).join(', ') || 'no jobs';
}

export function readRegister(dbPath: string): RegisterSnapshot {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const documents = (
      sqlite
        .prepare(
          `SELECT id, codigo_sucursal AS s, punto_facturacion AS p, tipo_documento AS t, numero,
        status, cufe FROM documents`,
        )
        .all() as { id: string; s: string; p: string; t: string; numero: number; status: string; cufe: string | null }[]
    ).map((d) => ({ id: d.id, series: seriesKey(d.s, d.p, d.t), numero: d.numero, status: d.status, cufe: d.cufe }));
    const jobs = (
      sqlite.prepare('SELECT document_id AS documentId, state, updated_at AS updatedAt FROM outbox_jobs').all() as {
        documentId: string;
        state: string;
        updatedAt: string;
      }[]
    ).map((j) => ({ documentId: j.documentId, state: j.state, updatedAtMs: Date.parse(j.updatedAt) }));
    const lastNumbers = new Map(
      (
        sqlite
          .prepare(
            `SELECT codigo_sucursal AS s, punto_facturacion AS p, tipo_documento AS t,
        last_number AS n FROM fiscal_series`,
          )
          .all() as { s: string; p: string; t: string; n: number }[]
      ).map((r) => [seriesKey(r.s, r.p, r.t), r.n]),
    );
    return { documents, jobs, lastNumbers };
  } finally {
    sqlite.close();
  }
}

/** An empty register (the file does not exist until the first child opens it). */
export const NO_REGISTER: RegisterSnapshot = { documents: [], jobs: [], lastNumbers: new Map() };

export const KILL_WINDOWS = [
  'starting up (before READY)',
  'capture: before its transaction',
  'capture: mid-transaction (rolled back)',
  'capture: committed, not yet acknowledged',
  'transmission: claimed or Enviar in flight, not at HKA',
  'transmission: HKA committed, reply not applied',
  'recovery: re-claimed a sale HKA already had',
  'idle (between sales, nothing in flight)',
] as const;
export type KillWindow = (typeof KILL_WINDOWS)[number];

export interface KillContext {
  events: readonly ChildEvent[];
  spawnedAtMs: number;
  /** The register as the killed child left it. */
  register: RegisterSnapshot;
  /** The ledger taken at the instant of the kill (requests still being processed may commit after it). */
  ledgerAtKill: readonly LedgerEntry[];
  /** Ledger length when the child was started: entries after it were committed during its life. */
  ledgerLengthAtSpawn: number;
}

/** Every window the kill can be shown to have landed in (a kill during a capture may also cut a call in flight). */
export function killWindows(ctx: KillContext): KillWindow[] {
  const windows: KillWindow[] = [];
  const last = ctx.events.at(-1);
  if (!ctx.events.some((e) => e.kind === 'READY')) windows.push('starting up (before READY)');
  if (last?.kind === 'CAP') windows.push('capture: before its transaction');
  if (last?.kind === 'TX') {
    const committed = ctx.register.documents.some((d) => d.id === last.documentId);
    windows.push(committed ? 'capture: committed, not yet acknowledged' : 'capture: mid-transaction (rolled back)');
  }
  const committedBefore = new Set(ctx.ledgerAtKill.slice(0, ctx.ledgerLengthAtSpawn).map(ledgerKey));
  const committedDuring = new Set(ctx.ledgerAtKill.slice(ctx.ledgerLengthAtSpawn).map(ledgerKey));
  const byId = new Map(ctx.register.documents.map((d) => [d.id, d]));
  // Leases this child took (older leases belong to children killed before it and say nothing about this kill).
  const ownLeases = ctx.register.jobs.filter((j) => j.state === 'leased' && j.updatedAtMs >= ctx.spawnedAtMs);
  const leasedKeys = ownLeases
    .map((j) => byId.get(j.documentId))
    .filter((d) => d !== undefined)
    .map(documentKey);
  if (leasedKeys.some((k) => !committedBefore.has(k) && !committedDuring.has(k)))
    windows.push('transmission: claimed or Enviar in flight, not at HKA');
  if (leasedKeys.some((k) => committedDuring.has(k))) windows.push('transmission: HKA committed, reply not applied');
  if (leasedKeys.some((k) => committedBefore.has(k))) windows.push('recovery: re-claimed a sale HKA already had');
  if (windows.length === 0) windows.push('idle (between sales, nothing in flight)');
  return windows;
}

export interface Acknowledged {
  documentId: string;
  numero: number;
}

/** Every violation of "each captured sale authorised exactly once, gapless numbers, no acknowledged sale lost". */
export function auditOutcome(
  register: RegisterSnapshot,
  ledger: readonly LedgerEntry[],
  acks: readonly Acknowledged[],
): string[] {
  const problems: string[] = [];
  const byId = new Map(register.documents.map((d) => [d.id, d]));
  for (const ack of acks) {
    const doc = byId.get(ack.documentId);
    if (!doc) problems.push(`acknowledged sale ${ack.documentId} (número ${ack.numero}) is missing from the register`);
    else if (doc.numero !== ack.numero)
      problems.push(`acknowledged sale ${ack.documentId} was número ${ack.numero}, the register says ${doc.numero}`);
  }
  if (new Set(acks.map((a) => a.documentId)).size !== acks.length)
    problems.push('a document id was acknowledged twice');
  if (register.documents.length < acks.length)
    problems.push(`${acks.length} sales acknowledged but only ${register.documents.length} documents`);

  const jobState = new Map(register.jobs.map((j) => [j.documentId, j.state]));
  for (const doc of register.documents) {
    if (doc.status !== 'AUTHORIZED' || !doc.cufe)
      problems.push(`document ${doc.series}#${doc.numero} is ${doc.status} (cufe ${doc.cufe ?? 'none'})`);
    if (jobState.get(doc.id) !== 'done')
      problems.push(`document ${doc.series}#${doc.numero} has job state ${jobState.get(doc.id) ?? 'none'}`);
  }

  const numbersBySeries = new Map<string, number[]>();
  for (const doc of register.documents)
    numbersBySeries.set(doc.series, [...(numbersBySeries.get(doc.series) ?? []), doc.numero]);
  for (const [series, numbers] of numbersBySeries) {
    const seen = new Set(numbers);
    const max = Math.max(...numbers);
    const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !seen.has(n));
    const repeated = [...seen].filter((n) => numbers.indexOf(n) !== numbers.lastIndexOf(n));
    if (missing.length > 0)
      problems.push(
        `series ${series}: ${missing.length} números missing (gaps), first ${missing.slice(0, 10).join(', ')}`,
      );
    if (repeated.length > 0)
      problems.push(
        `series ${series}: ${repeated.length} números used twice, first ${repeated.slice(0, 10).join(', ')}`,
      );
    const last = register.lastNumbers.get(series);
    if (last !== numbers.length)
      problems.push(`series ${series}: last number taken is ${last}, but ${numbers.length} documents exist`);
  }

  const ledgerByKey = new Map<string, LedgerEntry>();
  for (const entry of ledger) {
    const key = ledgerKey(entry);
    if (ledgerByKey.has(key)) problems.push(`HKA authorised ${key} more than once`);
    ledgerByKey.set(key, entry);
  }
  const registerKeys = new Set(register.documents.map(documentKey));
  for (const doc of register.documents) {
    const entry = ledgerByKey.get(documentKey(doc));
    if (!entry) problems.push(`document ${documentKey(doc)} is not in HKA's ledger`);
    else if (entry.cufe !== doc.cufe)
      problems.push(`document ${documentKey(doc)}: register CUFE ${doc.cufe ?? 'none'}, HKA's ${entry.cufe}`);
  }
  for (const key of ledgerByKey.keys())
    if (!registerKeys.has(key)) problems.push(`HKA's ledger has ${key}, which the register never issued`);
  return problems;
}
