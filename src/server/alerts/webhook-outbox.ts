// The webhook outbox, claimed so that several server instances never send one delivery twice: due rows are locked
// with FOR UPDATE SKIP LOCKED and leased (next_attempt_at moved past the send's timeout) in a short transaction; the
// HTTP call happens after it commits, outside any transaction, and its outcome is recorded in another. A receiver that
// never answers costs one timeout per attempt in the worker, never a request of the API.
import { sql } from 'drizzle-orm';
import { rowsOf, type TenantTx } from '../db/tenant-db';
import { WEBHOOK_TIMEOUT_MS, type SendOutcome } from './webhook-sender';

/** Longer than a send can take, so a lease never runs out while its instance is still sending. */
export const DELIVERY_LEASE_MS = 6 * WEBHOOK_TIMEOUT_MS;
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** Wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export interface ClaimedDelivery {
  id: string;
  body: string;
  attempts: number;
}

export interface Claim {
  webhook: { url: string; secret: string } | null;
  deliveries: ClaimedDelivery[];
}

const iso = (d: Date) => d.toISOString();

/**
 * Locks and leases up to `limit` due deliveries of the transaction's organisation. With no webhook set any more,
 * due deliveries are given up (`no_webhook`): there is nowhere to send them.
 */
export async function claimDueDeliveries(tx: TenantTx, now: Date, limit: number): Promise<Claim> {
  const [hook] = await rowsOf<{ url: string | null; secret: string | null }>(
    tx,
    sql`select webhook_url as url, webhook_secret as secret from alert_settings`,
  );
  const webhook = hook?.url && hook.secret ? { url: hook.url, secret: hook.secret } : null;
  const due = await rowsOf<{ id: string; body: string; attempts: number }>(
    tx,
    sql`
    select id, body, attempts from webhook_deliveries
    where delivered_at is null and gave_up_at is null and next_attempt_at <= ${iso(now)}::timestamptz
    order by next_attempt_at, created_at limit ${limit}
    for update skip locked`,
  );
  const ids = sql`${`{${due.map((d) => d.id).join(',')}}`}::uuid[]`;
  if (due.length > 0 && webhook) {
    await tx.execute(sql`
      update webhook_deliveries set attempts = attempts + 1, next_attempt_at = ${iso(new Date(now.getTime() + DELIVERY_LEASE_MS))}::timestamptz
      where id = any(${ids})`);
  } else if (due.length > 0) {
    await tx.execute(
      sql`update webhook_deliveries set gave_up_at = ${iso(now)}::timestamptz, last_outcome = 'no_webhook' where id = any(${ids})`,
    );
  }
  await rescheduleDeliveries(tx);
  return { webhook, deliveries: webhook ? due.map((d) => ({ ...d, attempts: d.attempts + 1 })) : [] };
}

/** Records a send's outcome: delivered, retried later with backoff, or given up after MAX_ATTEMPTS. */
export async function recordOutcome(
  tx: TenantTx,
  delivery: ClaimedDelivery,
  result: SendOutcome,
  now: Date,
): Promise<'delivered' | 'retry' | 'gave_up'> {
  let verdict: 'delivered' | 'retry' | 'gave_up';
  if (result.delivered) {
    verdict = 'delivered';
    await tx.execute(
      sql`update webhook_deliveries set delivered_at = ${iso(now)}::timestamptz, last_outcome = ${result.outcome} where id = ${delivery.id}::uuid`,
    );
  } else if (delivery.attempts >= MAX_ATTEMPTS) {
    verdict = 'gave_up';
    await tx.execute(
      sql`update webhook_deliveries set gave_up_at = ${iso(now)}::timestamptz, last_outcome = ${result.outcome} where id = ${delivery.id}::uuid`,
    );
  } else {
    verdict = 'retry';
    const next = new Date(now.getTime() + retryDelayMs(delivery.attempts));
    await tx.execute(
      sql`update webhook_deliveries set next_attempt_at = ${iso(next)}::timestamptz, last_outcome = ${result.outcome} where id = ${delivery.id}::uuid`,
    );
  }
  await rescheduleDeliveries(tx);
  return verdict;
}

/** The organisation's next delivery time: the earliest pending delivery (leased ones included), or none. */
async function rescheduleDeliveries(tx: TenantTx): Promise<void> {
  await tx.execute(sql`
    update alert_schedule set deliver_at = (
      select min(next_attempt_at) from webhook_deliveries where delivered_at is null and gave_up_at is null)`);
}
