// Head office: documents by store / register / status / number / issue date, newest first, keyset-paginated.
// No organisation filter here: the transaction's RLS scope is the filter (see db/tenant-db.ts).
import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../../shared/fiscal/lifecycle';
import { documents, stores } from '../db/schema';
import { decimalText, isoUtc } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';
import { documentIdSchema } from '../../shared/sync/events';
import { cursorParam, instantParam, limitParam, toPage, type Page } from './query-params';

export const documentsQuerySchema = z
  .object({
    storeId: z.uuid().optional(),
    deviceId: z.uuid().optional(),
    status: z.enum(DOCUMENT_STATUSES).optional(),
    /** The document number (folio) as printed. */
    numero: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    /** Issued at or after (inclusive). */
    from: instantParam.optional(),
    /** Issued before (exclusive). */
    to: instantParam.optional(),
    cursor: cursorParam(documentIdSchema).optional(),
    limit: limitParam,
  })
  .strict();
export type DocumentsQuery = z.output<typeof documentsQuerySchema>;

export interface DocumentView {
  documentId: string;
  storeId: string;
  storeCode: string;
  deviceId: string;
  status: string;
  statusAt: string;
  tipoDocumento: string | null;
  numero: number | null;
  tipoEmision: string | null;
  total: string | null;
  issuedAt: string;
}

export async function queryDocuments(
  db: TenantDatabase,
  orgId: string,
  q: DocumentsQuery,
): Promise<Page<DocumentView>> {
  const filters: (SQL | undefined)[] = [
    q.storeId ? eq(documents.storeId, q.storeId) : undefined,
    q.deviceId ? eq(documents.deviceId, q.deviceId) : undefined,
    q.status ? eq(documents.status, q.status) : undefined,
    q.numero ? eq(documents.numero, q.numero) : undefined,
    q.from ? gte(documents.issuedAt, q.from) : undefined,
    q.to ? lt(documents.issuedAt, q.to) : undefined,
    q.cursor
      ? or(
          lt(documents.issuedAt, q.cursor.t),
          and(eq(documents.issuedAt, q.cursor.t), lt(documents.documentId, q.cursor.id)),
        )
      : undefined,
  ];
  const rows = await db.withTenant(orgId, (tx) =>
    tx
      .select({
        documentId: documents.documentId,
        storeId: documents.storeId,
        storeCode: stores.code,
        deviceId: documents.deviceId,
        status: documents.status,
        statusAt: isoUtc(documents.statusAt),
        tipoDocumento: documents.tipoDocumento,
        numero: documents.numero,
        tipoEmision: documents.tipoEmision,
        total: decimalText(documents.total),
        issuedAt: isoUtc(documents.issuedAt),
      })
      .from(documents)
      .innerJoin(stores, eq(stores.id, documents.storeId))
      .where(and(...filters))
      .orderBy(desc(documents.issuedAt), desc(documents.documentId))
      .limit(q.limit + 1),
  );
  // Issue times come from the registers with millisecond precision, so the ISO text is an exact cursor key.
  return toPage(rows, q.limit, (row) => ({ t: row.issuedAt, id: row.documentId }));
}
