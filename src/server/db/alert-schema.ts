// Alerts (issue 15): what the server concludes from what registers push, per organisation, and the signed webhook
// deliveries of each change. Tenant tables like the rest (forced RLS on `app.org_id`), with one exception:
// alert_schedule, which holds nothing but organisation ids and due times, is also visible to the background worker's
// transaction scope (`app.scope = 'alert_worker'`), the only way a worker finds which organisation is due without
// reading any tenant's data (see docs/decisions/0016).
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, devices } from './schema';
import { CURRENT_ORG, createdAt, tenantPolicy, tz } from './tenant-policy';

/** The value of `app.scope` that lets a transaction see every row of alert_schedule (and nothing else). */
export const ALERT_WORKER_SCOPE = 'alert_worker';
const WORKER_OR_TENANT = sql`org_id = ${CURRENT_ORG} or current_setting('app.scope', true) = 'alert_worker'`;

/** When each organisation's alerts are next evaluated and its webhook next has something due (null: nothing). */
export const alertSchedule = pgTable(
  'alert_schedule',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organisations.id),
    evaluateAt: tz('evaluate_at').notNull().defaultNow(),
    deliverAt: tz('deliver_at'),
  },
  () => [
    pgPolicy('tenant_or_alert_worker', {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: WORKER_OR_TENANT,
      withCheck: WORKER_OR_TENANT,
    }),
  ],
).enableRLS();

/** Head office's alert settings: the silence threshold and the webhook (its secret is never read back out). */
export const alertSettings = pgTable(
  'alert_settings',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organisations.id),
    silentAfterMinutes: integer('silent_after_minutes').notNull().default(30),
    webhookUrl: text('webhook_url'),
    webhookSecret: text('webhook_secret'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  () => [tenantPolicy(sql`org_id`)],
).enableRLS();

/** One row per raised alert; at most one open (unresolved) per rule and register. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    rule: text('rule').notNull(),
    deviceId: uuid('device_id').notNull(),
    storeId: uuid('store_id').notNull(),
    raisedAt: tz('raised_at').notNull(),
    resolvedAt: tz('resolved_at'),
    /** The measured figure and the threshold it crossed, when raised. */
    details: jsonb('details').notNull(),
  },
  (t) => [
    uniqueIndex('alerts_open')
      .on(t.orgId, t.rule, t.deviceId)
      .where(sql`resolved_at is null`),
    index('alerts_raised').on(t.orgId, t.raisedAt.desc(), t.id.desc()),
    foreignKey({
      name: 'alerts_device_fk',
      columns: [t.orgId, t.deviceId],
      foreignColumns: [devices.orgId, devices.id],
    }),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** The webhook outbox: each alert change as the exact JSON body to sign and send, retried with backoff. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    alertId: uuid('alert_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    /** Due time; while an instance is sending, a lease in the future so no other instance takes it. */
    nextAttemptAt: tz('next_attempt_at').notNull(),
    deliveredAt: tz('delivered_at'),
    gaveUpAt: tz('gave_up_at'),
    /** `http_503`, `timeout`, `network`, … (never the receiver's answer body). */
    lastOutcome: text('last_outcome'),
  },
  (t) => [
    index('webhook_deliveries_due')
      .on(t.orgId, t.nextAttemptAt)
      .where(sql`delivered_at is null and gave_up_at is null`),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();
