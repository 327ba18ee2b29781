// Head office: search the registers' audit trails, newest first, keyset-paginated. RLS scopes it to the caller's
// organisation; `q` is a case-insensitive substring of the action, actor or details.
import { and, desc, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEntries } from '../db/schema';
import { isoUtc } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';
import { documentIdSchema } from '../../shared/sync/events';
import { cursorParam, instantParam, limitParam, textParam, toPage, type Page } from './query-params';

export const auditQuerySchema = z
  .object({
    storeId: z.uuid().optional(),
    deviceId: z.uuid().optional(),
    documentId: documentIdSchema.optional(),
    actor: textParam(100).optional(),
    /** Exact action, or a prefix ending in "*" ("document.*"). */
    action: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}\*?$/)
      .optional(),
    q: textParam(100).optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    cursor: cursorParam(z.uuid()).optional(),
    limit: limitParam,
  })
  .strict();
export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditView {
  eventId: string;
  storeId: string;
  deviceId: string;
  seq: number;
  at: string;
  actor: string;
  actorName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  action: string;
  documentId: string | null;
  details: unknown;
  /** The entry's place in its register's hash chain, and its hash. */
  chainSeq: number | null;
  hash: string | null;
}

/** LIKE metacharacters in user text are literals. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function queryAudit(db: TenantDatabase, orgId: string, q: AuditQuery): Promise<Page<AuditView>> {
  const action = q.action?.endsWith('*')
    ? like(auditEntries.action, `${likeLiteral(q.action.slice(0, -1))}%`)
    : q.action
      ? eq(auditEntries.action, q.action)
      : undefined;
  const text = q.q && `%${likeLiteral(q.q)}%`;
  const filters: (SQL | undefined)[] = [
    q.storeId ? eq(auditEntries.storeId, q.storeId) : undefined,
    q.deviceId ? eq(auditEntries.deviceId, q.deviceId) : undefined,
    q.documentId ? eq(auditEntries.documentId, q.documentId) : undefined,
    q.actor ? eq(auditEntries.actor, q.actor) : undefined,
    action,
    text
      ? or(
          ilike(auditEntries.action, text),
          ilike(auditEntries.actor, text),
          ilike(sql`${auditEntries.details}::text`, text),
        )
      : undefined,
    q.from ? gte(auditEntries.at, q.from) : undefined,
    q.to ? lt(auditEntries.at, q.to) : undefined,
    q.cursor
      ? or(lt(auditEntries.at, q.cursor.t), and(eq(auditEntries.at, q.cursor.t), lt(auditEntries.eventId, q.cursor.id)))
      : undefined,
  ];
  const rows = await db.withTenant(orgId, (tx) =>
    tx
      .select({
        eventId: auditEntries.eventId,
        storeId: auditEntries.storeId,
        deviceId: auditEntries.deviceId,
        seq: auditEntries.seq,
        at: isoUtc(auditEntries.at),
        actor: auditEntries.actor,
        actorName: auditEntries.actorName,
        approvedBy: auditEntries.approvedBy,
        approvedByName: auditEntries.approvedByName,
        action: auditEntries.action,
        documentId: auditEntries.documentId,
        details: auditEntries.details,
        chainSeq: auditEntries.chainSeq,
        hash: auditEntries.hash,
      })
      .from(auditEntries)
      .where(and(...filters))
      .orderBy(desc(auditEntries.at), desc(auditEntries.eventId))
      .limit(q.limit + 1),
  );
  return toPage(rows, q.limit, (row) => ({ t: row.at, id: row.eventId }));
}
