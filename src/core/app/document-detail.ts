// One document as the receipt and the detail page need it: the document as issued, its totals, what HKA answered
// (CUFE, QR, protocol, messages) and its history from the audit trail; until when it may be annulled, and for a
// rejected or failed one, what to fix.
import type { DocumentDetail } from '../../shared/ipc/schemas';
import { lastAnnulmentDay } from '../documents/annul-document';
import { creditRemaining } from '../documents/credit-ledger';
import { rejectionHint } from '../documents/rejection-hints';
import type { StoreDb } from '../store/open-database';
import { AppError } from './app-error';
import { SUMMARY_COLUMNS, facturaNumeroColumn } from './documents-list';

type DetailRow = Omit<DocumentDetail, 'document' | 'totals' | 'hkaMensajes' | 'history'> & {
  body: string;
  totals: string;
  hkaMensajes: string | null;
};

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  details: string;
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function parseMessages(json: string | null): string[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [String(value)];
  } catch {
    return [json];
  }
}

export function findDocumentDetail(db: StoreDb, id: string): DocumentDetail | undefined {
  const row = db.$client
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, ${facturaNumeroColumn('documents')}, body, totals, qr, nro_protocolo AS nroProtocolo,
    fecha_recepcion_dgi AS fechaRecepcionDgi, hka_codigo AS hkaCodigo, hka_mensajes AS hkaMensajes
    FROM documents WHERE id = ?`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) return undefined;
  const history = (
    db.$client
      .prepare('SELECT at, actor, action, details FROM audit_log WHERE document_id = ? ORDER BY id')
      .all(id) as AuditRow[]
  ).map((entry) => ({ ...entry, details: parseObject(entry.details) }));
  const { body, totals, hkaMensajes, ...rest } = row;
  const messages = parseMessages(hkaMensajes);
  return {
    ...rest,
    document: JSON.parse(body) as unknown,
    totals: JSON.parse(totals) as unknown,
    hkaMensajes: messages,
    history,
    annulableUntil: annulableUntil(row),
    hint: rejectionHint(row.status, row.hkaCodigo, messages),
    creditable:
      row.tipoDocumento === '01'
        ? creditRemaining(db.$client, id).map(({ line, remaining, remainingAmount }) => ({
            line,
            remaining,
            remainingAmount,
          }))
        : null,
  };
}

/** End of the last Panamá day the DGI allows the annulment on (annul-document.ts), for AUTHORIZED documents. */
function annulableUntil(row: Pick<DetailRow, 'status' | 'fechaRecepcionDgi' | 'fechaEmision'>): string | null {
  if (row.status !== 'AUTHORIZED') return null;
  return `${lastAnnulmentDay(row.fechaRecepcionDgi ?? row.fechaEmision)}T23:59:59-05:00`;
}

export function getDocumentDetail(db: StoreDb, id: string): DocumentDetail {
  const detail = findDocumentDetail(db, id);
  if (!detail) throw new AppError('not_found', 'El documento no existe');
  return detail;
}
