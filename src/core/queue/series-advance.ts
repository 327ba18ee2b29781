// probeAndAdvance: asks HKA how far a fiscal series already goes (series-probe.ts) and moves the local series past
// it, audited. Called by the worker before it sends the first document of a never-probed series, by the manager's
// collision resolution, and by a restore (decision 0009). The network part runs outside any transaction; the
// write is one short transaction that only ever moves the series forward.
import { and, eq } from 'drizzle-orm';
import type { DatosDocumento, HkaClient, HkaCredentials } from '../hka/client/hka-client';
import { padNumeroDocumento } from '../hka/map-documento';
import type { Transient } from '../hka/client/outcomes';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { fiscalSeries } from '../store/schema';
import { findHighestHeld } from './series-probe';
import type { HkaCredentialSource } from './transmit-job';

export interface SeriesKey {
  codigoSucursal: string;
  puntoFacturacion: string;
  tipoDocumento: string;
}

export type ProbeReason = 'first-use' | 'restore' | 'collision' | 'manual';

export interface ProbeDeps {
  db: StoreDb;
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
}

export type ProbeResult =
  | { ok: true; highest: number; calls: number; lastNumberBefore: number; lastNumberAfter: number }
  | { ok: false; error: string; mayHaveReachedHka: boolean };

/** Thrown inside the search when HKA cannot answer: the whole probe stops, nothing is written. */
class ProbeUnanswered extends Error {
  constructor(readonly failure: Transient) {
    super(`${failure.reason}: ${failure.detail}`);
  }
}

const datosOf = (key: SeriesKey, numero: number, tipoEmision: string): DatosDocumento => ({
  codigoSucursalEmisor: key.codigoSucursal,
  numeroDocumentoFiscal: padNumeroDocumento(String(numero)),
  puntoFacturacionFiscal: key.puntoFacturacion,
  tipoDocumento: key.tipoDocumento,
  tipoEmision,
});

/** Does HKA hold number n of this series (under tipoEmision 01, else 02)? A business "not found" means no. */
async function heldAtHka(
  client: HkaClient,
  credentials: HkaCredentials,
  key: SeriesKey,
  n: number,
  count: () => void,
): Promise<boolean> {
  for (const tipoEmision of ['01', '02']) {
    count();
    const estado = await client.estadoDocumento(credentials, datosOf(key, n, tipoEmision));
    if (estado.kind === 'transient') throw new ProbeUnanswered(estado);
    if (estado.kind === 'ok' && estado.data.cufe) return true;
  }
  return false;
}

const seriesWhere = (key: SeriesKey) =>
  and(
    eq(fiscalSeries.codigoSucursal, key.codigoSucursal),
    eq(fiscalSeries.puntoFacturacion, key.puntoFacturacion),
    eq(fiscalSeries.tipoDocumento, key.tipoDocumento),
  );

export function readSeries(db: Pick<StoreDb, 'select'>, key: SeriesKey) {
  return db.select().from(fiscalSeries).where(seriesWhere(key)).get();
}

export async function probeAndAdvance(
  deps: ProbeDeps,
  key: SeriesKey,
  reason: ProbeReason,
  by: AuditActor,
): Promise<ProbeResult> {
  let calls = 0;
  let highest: number;
  try {
    highest = (
      await deps.credentials.withCredentials((credentials) =>
        findHighestHeld((n) => heldAtHka(deps.client, credentials, key, n, () => calls++)),
      )
    ).highest;
  } catch (error) {
    if (!(error instanceof ProbeUnanswered)) throw error;
    return { ok: false, error: error.message, mayHaveReachedHka: error.failure.mayHaveReachedHka };
  }
  const at = deps.clock();
  return deps.db.transaction(
    (tx) => {
      const before = readSeries(tx, key)?.lastNumber ?? 0;
      const after = Math.max(before, highest);
      const probe = { probedAt: at.toISOString(), probeReason: reason, probeHighest: highest, probeCalls: calls };
      tx.insert(fiscalSeries)
        .values({ ...key, lastNumber: after, ...probe })
        .onConflictDoUpdate({
          target: [fiscalSeries.codigoSucursal, fiscalSeries.puntoFacturacion, fiscalSeries.tipoDocumento],
          set: { lastNumber: after, ...probe },
        })
        .run();
      appendAudit(
        tx,
        {
          ...by,
          action: 'series.probed',
          details: { ...key, reason, hkaHighest: highest, calls, lastNumberBefore: before, lastNumberAfter: after },
        },
        at,
      );
      return { ok: true as const, highest, calls, lastNumberBefore: before, lastNumberAfter: after };
    },
    { behavior: 'immediate' },
  );
}
