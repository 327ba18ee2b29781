// Head office: per-store document counts. `pending` is every document HKA has not answered yet (QUEUED or
// PROCESSING); `contingency` counts those of them issued in contingency (tipoEmision 02/04), which must still be
// transmitted; `failed` needs a manager's retry at the store; `cancelled` were discarded by a manager (never accepted
// by the DGI; docs/decisions/0005).
import { eq, sql } from 'drizzle-orm';
import { CONTINGENCY_EMISSION_TYPES } from '../../shared/fiscal/codes';
import { documents, stores } from '../db/schema';
import type { TenantDatabase } from '../db/tenant-db';

export interface StoreSummary {
  storeId: string;
  code: string;
  name: string;
  total: number;
  authorized: number;
  pending: number;
  contingency: number;
  rejected: number;
  failed: number;
  annulled: number;
  cancelled: number;
}

const count = (where: ReturnType<typeof sql>) =>
  sql<number>`(count(${documents.documentId}) filter (where ${where}))::int`;
const pendingStatus = sql`${documents.status} in ('QUEUED', 'PROCESSING')`;
const contingencyTypes = sql.join(
  CONTINGENCY_EMISSION_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

export async function storeSummaries(db: TenantDatabase, orgId: string): Promise<StoreSummary[]> {
  return db.withTenant(orgId, (tx) =>
    tx
      .select({
        storeId: stores.id,
        code: stores.code,
        name: stores.name,
        total: sql<number>`count(${documents.documentId})::int`,
        authorized: count(sql`${documents.status} = 'AUTHORIZED'`),
        pending: count(pendingStatus),
        contingency: count(sql`${pendingStatus} and ${documents.tipoEmision} in (${contingencyTypes})`),
        rejected: count(sql`${documents.status} = 'REJECTED'`),
        failed: count(sql`${documents.status} = 'FAILED'`),
        annulled: count(sql`${documents.status} = 'ANNULLED'`),
        cancelled: count(sql`${documents.status} = 'CANCELLED'`),
      })
      .from(stores)
      .leftJoin(documents, eq(documents.storeId, stores.id))
      .groupBy(stores.id, stores.code, stores.name)
      .orderBy(stores.code),
  );
}
