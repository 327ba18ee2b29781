// Head office's alert list: newest raised first, keyset-paginated, filtered by state, rule, register or store.
// No organisation filter here: the transaction's RLS scope is the filter (see db/tenant-db.ts).
import { and, desc, eq, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { alerts } from '../db/alert-schema';
import { isoUtc, isoUtcOrNull } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';
import { cursorParam, limitParam, toPage, type Page } from '../read/query-params';
import { ALERT_RULES } from '../../shared/alerts/alert-rules';
import type { AlertView } from './alert-view';

export const alertsQuerySchema = z
  .object({
    /** open (default), resolved or all. */
    state: z.enum(['open', 'resolved', 'all']).default('open'),
    rule: z.enum(ALERT_RULES).optional(),
    deviceId: z.uuid().optional(),
    storeId: z.uuid().optional(),
    cursor: cursorParam(z.uuid()).optional(),
    limit: limitParam,
  })
  .strict();
export type AlertsQuery = z.output<typeof alertsQuerySchema>;

export async function queryAlerts(db: TenantDatabase, orgId: string, q: AlertsQuery): Promise<Page<AlertView>> {
  const filters: (SQL | undefined)[] = [
    q.state === 'open' ? isNull(alerts.resolvedAt) : q.state === 'resolved' ? isNotNull(alerts.resolvedAt) : undefined,
    q.rule ? eq(alerts.rule, q.rule) : undefined,
    q.deviceId ? eq(alerts.deviceId, q.deviceId) : undefined,
    q.storeId ? eq(alerts.storeId, q.storeId) : undefined,
    q.cursor
      ? or(lt(alerts.raisedAt, q.cursor.t), and(eq(alerts.raisedAt, q.cursor.t), lt(alerts.id, q.cursor.id)))
      : undefined,
  ];
  const rows = await db.withTenant(orgId, (tx) =>
    tx
      .select({
        id: alerts.id,
        rule: alerts.rule,
        deviceId: alerts.deviceId,
        storeId: alerts.storeId,
        raisedAt: isoUtc(alerts.raisedAt),
        resolvedAt: isoUtcOrNull(alerts.resolvedAt),
        details: alerts.details,
      })
      .from(alerts)
      .where(and(...filters))
      .orderBy(desc(alerts.raisedAt), desc(alerts.id))
      .limit(q.limit + 1),
  );
  // raised_at is the worker's clock to the millisecond, so its ISO text is an exact cursor key.
  return toPage(
    rows.map((r) => ({ ...r, details: r.details as AlertView['details'] })),
    q.limit,
    (r) => ({ t: r.raisedAt, id: r.id }),
  );
}
