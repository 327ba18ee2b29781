// The manager's one action for a number collision (issue 11 §1): probe HKA for the series' highest used number, move
// the series past it, and re-issue the affected sales under new numbers — same content, new number, CUFE pending —
// then unblock the series. Affected: the documents parked as NUMBER_COLLISION, and queued documents of the series
// that never reached HKA (maybe_sent = 0) whose number HKA now holds range over (≤ its highest): sending them would
// only collide again. Nothing else is touched. Audited per document with the numbers before and after.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { FiscalDocument } from '../../shared/fiscal/document';
import { transition, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { appendAudit, enqueueSync, type AuditActor } from '../store/audit';
import { documents, fiscalSeries, outboxJobs } from '../store/schema';
import { probeAndAdvance, readSeries, type ProbeDeps, type SeriesKey } from './series-advance';

export interface Renumbered {
  documentId: string;
  from: number;
  to: number;
  /** NUMBER_COLLISION, or QUEUED for a document that had not been sent yet. */
  status: DocumentStatus;
}

export type ResolveResult =
  | { ok: true; renumbered: Renumbered[]; hkaHighest: number; nextNumber: number }
  | { ok: false; reason: 'not_blocked' | 'hka_unreachable'; message: string };

export async function resolveCollision(deps: ProbeDeps, key: SeriesKey, by: AuditActor): Promise<ResolveResult> {
  const series = readSeries(deps.db, key);
  if (!series || series.blockedByCollision !== 1) {
    return { ok: false, reason: 'not_blocked', message: 'Esta serie no tiene números repetidos por resolver' };
  }
  const probe = await probeAndAdvance(deps, key, 'collision', by);
  if (!probe.ok) {
    return {
      ok: false,
      reason: 'hka_unreachable',
      message: 'No se pudo consultar a HKA el último número usado; revise la conexión e intente de nuevo',
    };
  }
  const at = deps.clock();
  const stamp = at.toISOString();
  return deps.db.transaction(
    (tx) => {
      const inSeries = and(
        eq(documents.codigoSucursal, key.codigoSucursal),
        eq(documents.puntoFacturacion, key.puntoFacturacion),
        eq(documents.tipoDocumento, key.tipoDocumento),
      );
      const parked = tx
        .select({ id: documents.id, numero: documents.numero, status: documents.status, body: documents.body })
        .from(documents)
        .where(and(inSeries, eq(documents.status, 'NUMBER_COLLISION')))
        .all();
      const neverSent = tx
        .select({ id: documents.id, numero: documents.numero, status: documents.status, body: documents.body })
        .from(documents)
        .innerJoin(outboxJobs, eq(outboxJobs.documentId, documents.id))
        .where(
          and(
            inSeries,
            eq(documents.status, 'QUEUED'),
            eq(outboxJobs.state, 'pending'),
            eq(outboxJobs.maybeSent, 0),
            lte(documents.numero, probe.highest),
          ),
        )
        .all();
      const affected = [...parked, ...neverSent].sort((a, b) => a.numero - b.numero);
      let last = Math.max(readSeries(tx, key)?.lastNumber ?? 0, probe.highest);
      const renumbered: Renumbered[] = [];
      for (const doc of affected) {
        last += 1;
        const from = doc.status as DocumentStatus;
        const to = from === 'QUEUED' ? from : transition(from, 'QUEUED');
        const body: FiscalDocument = {
          ...(JSON.parse(doc.body) as FiscalDocument),
          numeroDocumentoFiscal: String(last),
        };
        tx.update(documents)
          .set({
            numero: last,
            body: JSON.stringify(body),
            status: to,
            cufe: null,
            qr: null,
            nroProtocolo: null,
            fechaRecepcionDgi: null,
            hkaCodigo: null,
            hkaMensajes: null,
            updatedAt: stamp,
          })
          .where(eq(documents.id, doc.id))
          .run();
        renumbered.push({ documentId: doc.id, from: doc.numero, to: last, status: from });
        appendAudit(
          tx,
          {
            ...by,
            action: 'document.renumbered',
            documentId: doc.id,
            details: { ...key, from: doc.numero, to: last, status: from },
          },
          at,
        );
        if (from !== to) enqueueSync(tx, 'document_status', { documentId: doc.id, status: to, from, at: stamp });
      }
      if (affected.length > 0) {
        tx.update(outboxJobs)
          .set({
            state: 'pending',
            attempts: 0,
            nextAttemptAt: at.getTime(),
            maybeSent: 0,
            leaseOwner: null,
            leaseExpiresAt: null,
            lastError: null,
            identityProof: null,
            updatedAt: stamp,
          })
          .where(
            inArray(
              outboxJobs.documentId,
              affected.map((d) => d.id),
            ),
          )
          .run();
      }
      tx.update(fiscalSeries)
        .set({ lastNumber: last, blockedByCollision: 0 })
        .where(
          and(
            eq(fiscalSeries.codigoSucursal, key.codigoSucursal),
            eq(fiscalSeries.puntoFacturacion, key.puntoFacturacion),
            eq(fiscalSeries.tipoDocumento, key.tipoDocumento),
          ),
        )
        .run();
      appendAudit(
        tx,
        {
          ...by,
          action: 'series.collision_resolved',
          details: { ...key, hkaHighest: probe.highest, nextNumber: last + 1, renumbered },
        },
        at,
      );
      return { ok: true as const, renumbered, hkaHighest: probe.highest, nextNumber: last + 1 };
    },
    { behavior: 'immediate' },
  );
}

/** Per series, for the manager: next number, last probe, and whether a collision blocks it. */
export interface SeriesStatus extends SeriesKey {
  nextNumber: number;
  probedAt: string | null;
  probeReason: string | null;
  probeHighest: number | null;
  probeCalls: number | null;
  blockedByCollision: boolean;
  collisions: number;
}

export function seriesStatus(db: ProbeDeps['db']): SeriesStatus[] {
  const counts = new Map(
    db.$client
      .prepare(
        `SELECT codigo_sucursal || '/' || punto_facturacion || '/' || tipo_documento AS k, COUNT(*) AS n
    FROM documents WHERE status = 'NUMBER_COLLISION' GROUP BY k`,
      )
      .all()
      .map((r) => {
        const row = r as { k: string; n: number };
        return [row.k, row.n] as const;
      }),
  );
  return db
    .select()
    .from(fiscalSeries)
    .orderBy(asc(fiscalSeries.codigoSucursal), asc(fiscalSeries.puntoFacturacion), asc(fiscalSeries.tipoDocumento))
    .all()
    .map((s) => ({
      codigoSucursal: s.codigoSucursal,
      puntoFacturacion: s.puntoFacturacion,
      tipoDocumento: s.tipoDocumento,
      nextNumber: s.lastNumber + 1,
      probedAt: s.probedAt,
      probeReason: s.probeReason,
      probeHighest: s.probeHighest,
      probeCalls: s.probeCalls,
      blockedByCollision: s.blockedByCollision === 1,
      collisions: counts.get(`${s.codigoSucursal}/${s.puntoFacturacion}/${s.tipoDocumento}`) ?? 0,
    }));
}
