// One evaluation of one organisation, inside the transaction that holds its schedule row (alert-worker.ts): the rules
// that hold now are compared with the open alerts; a new one is raised, an open one whose rule no longer holds is
// resolved, and each change becomes a webhook delivery in the same transaction (when a webhook is set), so an alert
// change and its notification are stored together or not at all.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type TenantTx } from '../db/tenant-db';
import { currentConditions, DEFAULT_SILENT_AFTER_MINUTES, type AlertCondition } from './alert-rules';
import { webhookBody, type AlertView } from './alert-view';

export interface EvaluationResult {
  raised: AlertView[];
  resolved: AlertView[];
}

type OpenRow = {
  id: string;
  rule: string;
  device_id: string;
  store_id: string;
  raised_at: string;
  details: AlertView['details'];
};
const keyOf = (rule: string, deviceId: string) => `${rule}/${deviceId}`;

export async function evaluateOrganisation(tx: TenantTx, orgId: string, now: Date): Promise<EvaluationResult> {
  const [settings] = await rowsOf<{ silent_after_minutes: number; webhook: boolean }>(
    tx,
    sql`
    select silent_after_minutes, webhook_url is not null as webhook from alert_settings`,
  );
  const holding = await currentConditions(tx, now, settings?.silent_after_minutes ?? DEFAULT_SILENT_AFTER_MINUTES);
  const open = await rowsOf<OpenRow>(
    tx,
    sql`
    select id, rule, device_id, store_id, to_char(raised_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as raised_at, details
    from alerts where resolved_at is null for update`,
  );
  const openKeys = new Set(open.map((a) => keyOf(a.rule, a.device_id)));
  const holdingKeys = new Set(holding.map((c) => keyOf(c.rule, c.deviceId)));
  const at = now.toISOString();

  const raised: AlertView[] = [];
  for (const condition of holding.filter((c) => !openKeys.has(keyOf(c.rule, c.deviceId)))) {
    const alert = await raise(tx, orgId, condition, at);
    if (alert) raised.push(alert);
  }
  const resolved: AlertView[] = [];
  for (const row of open.filter((a) => !holdingKeys.has(keyOf(a.rule, a.device_id)))) {
    await tx.execute(
      sql`update alerts set resolved_at = ${at}::timestamptz where id = ${row.id}::uuid and resolved_at is null`,
    );
    resolved.push({
      id: row.id,
      rule: row.rule,
      deviceId: row.device_id,
      storeId: row.store_id,
      raisedAt: row.raised_at,
      resolvedAt: at,
      details: row.details,
    });
  }
  if (settings?.webhook) await enqueueDeliveries(tx, orgId, [...raised, ...resolved], now);
  return { raised, resolved };
}

async function raise(tx: TenantTx, orgId: string, c: AlertCondition, at: string): Promise<AlertView | undefined> {
  // The partial unique index keeps one open alert per rule and register even if two evaluations ever raced.
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`
    insert into alerts (org_id, rule, device_id, store_id, raised_at, details)
    values (${orgId}::uuid, ${c.rule}, ${c.deviceId}::uuid, ${c.storeId}::uuid, ${at}::timestamptz, ${JSON.stringify(c.details)}::text::jsonb)
    on conflict (org_id, rule, device_id) where resolved_at is null do nothing
    returning id`,
  );
  return row
    ? {
        id: row.id,
        rule: c.rule,
        deviceId: c.deviceId,
        storeId: c.storeId,
        raisedAt: at,
        resolvedAt: null,
        details: c.details,
      }
    : undefined;
}

async function enqueueDeliveries(tx: TenantTx, orgId: string, changes: readonly AlertView[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  const at = now.toISOString();
  const rows = changes.map((alert) => {
    const id = randomUUID();
    return { id, alert_id: alert.id, body: webhookBody(id, orgId, alert, at) };
  });
  await tx.execute(sql`
    insert into webhook_deliveries (id, org_id, alert_id, body, next_attempt_at)
    select r.id, ${orgId}::uuid, r.alert_id, r.body, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as r(id uuid, alert_id uuid, body text)`);
  await tx.execute(
    sql`update alert_schedule set deliver_at = least(coalesce(deliver_at, ${at}::timestamptz), ${at}::timestamptz)`,
  );
}
