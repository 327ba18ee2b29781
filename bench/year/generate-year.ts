// A year of a busy register, written through the product's own code paths: captureSale for every sale and credit
// note, applyOutcome for every HKA answer (authorised, rejected), annulDocument for annulments (its HKA call answered
// by a stand-in: HKA's servers are outside the product), openShift/closeShift for a shift with its Z every day,
// contingency periods (tipoEmision 02 until HKA answers again), the last week of HKA call records and 48 h of queue
// samples (what retention keeps), and the sync outbox as a register that syncs leaves it (acknowledged events older
// than 30 days pruned, as the monitor service does every hour).
//
// Fast bulk mode (generation only, never the app): synchronous=OFF and one explicit transaction per `batch` sales, so
// each capture's own transaction becomes a savepoint inside it. The rows written are the same; only the fsyncs go.
// Fixed seed: the same options write the same year.
import type { HkaClient } from '../../src/core/hka/client/hka-client';
import { annulDocument } from '../../src/core/documents/annul-document';
import { draftCreditNote } from '../../src/core/documents/credit-note';
import { codigoSeguridad, QR_BASE_URL, simCufe } from '../../src/core/hka/simulator/authorization';
import { claimDueJobs } from '../../src/core/queue/outbox-repo';
import { applyOutcome } from '../../src/core/queue/apply-outcome';
import { closeShift, openShift, xReport } from '../../src/core/reports/shifts';
import { captureSale, type CaptureDeps, type EmissionMode } from '../../src/core/sales/capture-sale';
import type { OpenedDatabase } from '../../src/core/store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../../src/core/store/settings-repo';
import { pruneSentBefore } from '../../src/core/sync/sync-outbox';
import { toPanamaDateTime } from '../../src/shared/fiscal/panama-time';
import { drawSale, makeCatalogue, seededRandom } from './catalogue';
import { writeRecentActivity } from './recent-activity';

export interface YearOptions {
  /** Documents to write (sales; credit notes come on top, about 0.5 %). Default 700 000. */
  docs?: number;
  /** Days the documents are spread over, ending the day before `end`. Default 365. */
  days?: number;
  /** Panamá midnight (as UTC) after the last day; "now" for the recent activity. Default 2026-12-01T05:00Z. */
  end?: Date;
  seed?: number;
  /** Sales per bulk transaction. Default 2 000. */
  batch?: number;
  onDay?: (day: number, docs: number) => void;
}

export interface YearSummary {
  documents: number;
  creditNotes: number;
  annulled: number;
  rejected: number;
  contingency: number;
  shifts: number;
  /** Ids of a few documents and their facts, for tests and benchmarks to look up. */
  samples: { id: string; numero: number; cufe: string | null; receptorNombre: string | null; ruc: string | null }[];
  end: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CASHIER = 'cajero-ana';
const MANAGER = 'gerente-luis';
/** The register's issuer as HKA knows it (the simulator's demo RUC). */
const ISSUER = {
  tipoRuc: '2' as const,
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'Supermercado de prueba',
  branches: [],
};
const MOTIVO = 'Sin conexión con el proveedor autorizado de calificación (HKA)';
/** Annulment is for a transaction that did not take place; HKA's answer is a stand-in here. */
const hkaAnnuls = {
  anulacionDocumento: () => Promise.resolve({ kind: 'ok', codigo: '200', mensaje: 'ok', data: {} }),
} as unknown as HkaClient;
const credentials = { withCredentials: <T>(use: (c: never) => Promise<T>) => use({} as never) };

export async function generateYear(store: OpenedDatabase, options: YearOptions = {}): Promise<YearSummary> {
  const total = options.docs ?? 700_000;
  const days = options.days ?? 365;
  const end = options.end ?? new Date('2026-12-01T05:00:00Z');
  const batch = options.batch ?? 2_000;
  const random = seededRandom(options.seed ?? 20_261_205);
  const catalogue = makeCatalogue(random);
  const { sqlite, db } = store;
  const summary: YearSummary = {
    documents: 0,
    creditNotes: 0,
    annulled: 0,
    rejected: 0,
    contingency: 0,
    shifts: 0,
    samples: [],
    end,
  };
  let now = new Date(end.getTime() - days * DAY);
  let mode: EmissionMode = { tipoEmision: '01' };
  const deps: CaptureDeps = {
    db,
    issuer: DEFAULT_ISSUER_SETTINGS,
    emissionMode: () => mode,
    clock: () => now,
    actor: CASHIER,
  };
  const waiting: string[] = []; // captured in contingency, authorised when HKA answers again
  const docStmt = sqlite.prepare(`SELECT numero, tipo_documento AS tipoDocumento, fecha_emision AS fechaEmision,
    tipo_emision AS tipoEmision FROM documents WHERE id = ?`);
  /** What the queue writes when HKA authorises the document (a CUFE like the simulator's, valid and unique). */
  const authorise = (id: string, at: Date) => {
    const doc = docStmt.get(id) as { numero: number; tipoDocumento: string; fechaEmision: string; tipoEmision: string };
    const cufe = simCufe({
      issuer: ISSUER,
      ...doc,
      codigoSucursalEmisor: '0000',
      puntoFacturacionFiscal: '001',
      codigoSeguridad: codigoSeguridad(random),
    });
    applyOutcome(
      db,
      { jobId: jobOf(id), documentId: id, claimToken: 'generator' },
      {
        kind: 'authorized',
        authorization: {
          cufe,
          qr: `${QR_BASE_URL}?chFE=${cufe}`,
          nroProtocoloAutorizacion: String(doc.numero),
          fechaRecepcionDGI: toPanamaDateTime(at),
          codigo: '200',
          alreadyAuthorized: false,
        },
      },
      at,
    );
  };
  const jobStmt = sqlite.prepare('SELECT id FROM outbox_jobs WHERE document_id = ?').pluck();
  const jobOf = (id: string) => jobStmt.get(id) as number;

  sqlite.pragma('synchronous = OFF');
  sqlite.exec('BEGIN');
  try {
    for (let day = 0; day < days; day++) {
      const dayStart = end.getTime() - (days - day) * DAY; // Panamá midnight
      const perDay = Math.round(((day + 1) * total) / days) - Math.round((day * total) / days);
      now = new Date(dayStart + 7 * HOUR + 50 * 60_000);
      openShift(db, '100.00', { actor: CASHIER }, now);
      summary.shifts++;
      // One day in twelve HKA is out for one to three hours: documents go out as contingency (02) meanwhile.
      const outage =
        random() < 1 / 12 ? { from: 9 + Math.floor(random() * 8), hours: 1 + Math.floor(random() * 3) } : undefined;
      const todays: string[] = [];
      for (let i = 0; i < perDay; i++) {
        now = new Date(dayStart + 8 * HOUR + Math.floor(((i + random()) / perDay) * 13 * HOUR));
        const hour = Math.floor((now.getTime() - dayStart) / HOUR);
        const down = outage !== undefined && hour >= outage.from && hour < outage.from + outage.hours;
        if (down && mode.tipoEmision === '01')
          mode = { tipoEmision: '02', fechaInicio: toPanamaDateTime(now), motivo: MOTIVO };
        if (!down && mode.tipoEmision === '02') {
          mode = { tipoEmision: '01' };
          for (const id of waiting.splice(0)) authorise(id, now);
        }
        const result = captureSale(deps, drawSale(random, catalogue));
        if (!result.ok) throw new Error(`generator sale refused: ${JSON.stringify(result.violations)}`);
        const { id } = result.captured;
        summary.documents++;
        if (down) {
          summary.contingency++;
          waiting.push(id);
        } else if (random() < 0.003 && day < days - 1) {
          // The worker's claim (the document goes PROCESSING), then HKA's rejection.
          const [claim] = claimDueJobs(db, 'generator', now.getTime() + 1_000, 60_000, 1, new Set(waiting));
          if (claim?.documentId !== id) throw new Error('generator: the claim did not take the sale just captured');
          applyOutcome(
            db,
            claim,
            { kind: 'rejected', codigo: '0121', messages: ['El RUC del receptor no está inscrito'] },
            new Date(now.getTime() + 2_000),
          );
          summary.rejected++;
        } else if (day < days - 1 || i < perDay - 40) {
          authorise(id, new Date(now.getTime() + 1_500)); // the last 40 sales of the year are still queued
          todays.push(id);
        }
        if (summary.documents % batch === 0) {
          sqlite.exec('COMMIT');
          sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the app's checkpoint timer, at the batch's pace: the WAL stays small
          sqlite.exec('BEGIN');
        }
      }
      if (mode.tipoEmision === '02') mode = { tipoEmision: '01' };
      for (const id of waiting.splice(0)) authorise(id, now);
      await annulAndCredit(todays);
      now = new Date(dayStart + 21 * HOUR + 10 * 60_000);
      const expected = xReport(db, now).cash.expected;
      const closed = closeShift(
        db,
        { countedCash: expected, differenceLimit: '5.00', approvedBy: MANAGER },
        { actor: CASHIER },
        now,
      );
      if (!closed.closed) throw new Error(`generator Z refused: ${closed.message}`);
      options.onDay?.(day, summary.documents);
    }
    writeRetainedHistory(store, end, random);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
  summary.samples = sqlite
    .prepare(
      `SELECT id, numero, cufe, receptor_nombre AS receptorNombre,
    coalesce(json_extract(body, '$.cliente.numeroRUC'), json_extract(body, '$.cliente.identificacion.numeroRUC')) AS ruc
    FROM documents WHERE tipo_documento = '01' AND rowid % 997 = 0`,
    )
    .all() as YearSummary['samples'];
  return summary;

  /** A few sales of the day are annulled (same day, within the window) and a few get a credit note for one line. */
  async function annulAndCredit(todays: readonly string[]): Promise<void> {
    for (const id of todays) {
      const r = random();
      if (r < 0.003) {
        const annulled = await annulDocument(
          { db, client: hkaAnnuls, credentials, clock: () => now },
          id,
          'Venta no realizada: el cliente desistió de la compra',
          { actor: MANAGER },
        );
        if (!annulled.ok) throw new Error(`generator annulment refused: ${annulled.message}`);
        summary.annulled++;
      } else if (r < 0.008) {
        const note = draftCreditNote(db, id, [{ line: 1, cantidad: '1' }]);
        if (!note.ok) continue; // e.g. a line of one unit already credited
        const result = captureSale({ ...deps, actor: MANAGER, credit: note.credit }, note.draft);
        if (!result.ok) throw new Error(`generator credit note refused: ${JSON.stringify(result.violations)}`);
        authorise(result.captured.id, new Date(now.getTime() + 1_500));
        summary.creditNotes++;
      }
    }
  }
}

/**
 * What retention keeps at `end`: the last week of HKA calls, 48 h of queue samples, and the sync outbox as a register
 * that syncs leaves it (acknowledged up to an hour ago, acknowledged events older than 30 days pruned).
 */
export function writeRetainedHistory(store: OpenedDatabase, end: Date, random: () => number): void {
  writeRecentActivity(store.sqlite, end, random);
  store.sqlite
    .prepare('UPDATE sync_outbox SET sent_at = created_at WHERE created_at < ?')
    .run(new Date(end.getTime() - HOUR).toISOString());
  pruneSentBefore(store.db, new Date(end.getTime() - 30 * DAY));
}
