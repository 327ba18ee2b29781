// The background side of alerts, apart from the request path: evaluates each organisation when its turn comes and
// sends due webhook deliveries. Several server instances may run it against one database: an organisation's
// evaluation is claimed by locking its alert_schedule row (FOR UPDATE SKIP LOCKED, held for the evaluation's
// transaction), deliveries by locking and leasing their outbox rows (webhook-outbox.ts). Time comes from `clock`, and
// `tick()` does one round, so tests drive it without timers; `start()` runs rounds on an interval.
import { sql } from 'drizzle-orm';
import { rowsOf, type AppDb, type TenantDatabase, type TenantTx } from '../db/tenant-db';
import { ALERT_WORKER_SCOPE } from '../db/alert-schema';
import { evaluateOrganisation } from './evaluate-alerts';
import { claimDueDeliveries, recordOutcome } from './webhook-outbox';
import { httpWebhookSender, type WebhookSender } from './webhook-sender';

export const EVALUATE_EVERY_MS = 15_000;
/** Organisations (and deliveries per organisation) handled per round at most, so a round stays short. */
const PER_ROUND = 50;

export interface AlertWorkerOptions {
  db: TenantDatabase;
  clock?: () => Date;
  send?: WebhookSender;
  /** Log lines carry ids and outcomes only: never a webhook URL, secret or body. */
  log?: (fields: Record<string, unknown>, message: string) => void;
  evaluateEveryMs?: number;
}

export interface RoundResult {
  evaluated: number;
  raised: number;
  resolved: number;
  delivered: number;
  retried: number;
  gaveUp: number;
}

export interface AlertWorker {
  tick(): Promise<RoundResult>;
  start(intervalMs?: number): void;
  /** Stops the interval and waits for a round in flight. */
  stop(): Promise<void>;
}

/** A transaction that may see alert_schedule's rows of every organisation (org ids and times only). */
function asWorker<T>(db: TenantDatabase, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.unscoped((d: AppDb) =>
    d.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.scope', ${ALERT_WORKER_SCOPE}, true)`);
      return work(tx);
    }),
  );
}

/** From the worker scope to one organisation's scope, in the same transaction (locks held are kept). */
async function enterTenant(tx: TenantTx, orgId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.scope', '', true), set_config('app.org_id', ${orgId}, true)`);
}

export function createAlertWorker(options: AlertWorkerOptions): AlertWorker {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  const send = options.send ?? httpWebhookSender();
  const log = options.log ?? (() => undefined);
  const every = options.evaluateEveryMs ?? EVALUATE_EVERY_MS;

  /** Claims one due organisation and evaluates it; false when none is due (or all due ones are taken). */
  async function evaluateOne(round: RoundResult, done: string[]): Promise<boolean> {
    return asWorker(db, async (tx) => {
      const now = clock();
      // Each organisation at most once a round, whatever its interval.
      const [due] = await rowsOf<{ org_id: string }>(
        tx,
        sql`
        select org_id from alert_schedule where evaluate_at <= ${now.toISOString()}::timestamptz
          and org_id <> all(${`{${done.join(',')}}`}::uuid[])
        order by evaluate_at limit 1 for update skip locked`,
      );
      if (!due) return false;
      done.push(due.org_id);
      await enterTenant(tx, due.org_id);
      const result = await evaluateOrganisation(tx, due.org_id, now);
      await tx.execute(
        sql`update alert_schedule set evaluate_at = ${new Date(now.getTime() + every).toISOString()}::timestamptz where org_id = ${due.org_id}::uuid`,
      );
      round.evaluated += 1;
      round.raised += result.raised.length;
      round.resolved += result.resolved.length;
      for (const alert of [...result.raised, ...result.resolved]) {
        log(
          {
            orgId: due.org_id,
            alertId: alert.id,
            rule: alert.rule,
            deviceId: alert.deviceId,
            open: alert.resolvedAt === null,
          },
          'alert changed',
        );
      }
      return true;
    });
  }

  async function deliverFor(orgId: string, round: RoundResult): Promise<void> {
    const claim = await db.withTenant(orgId, (tx) => claimDueDeliveries(tx, clock(), PER_ROUND));
    if (!claim.webhook) return;
    for (const delivery of claim.deliveries) {
      const result = await send({
        url: claim.webhook.url,
        secret: claim.webhook.secret,
        deliveryId: delivery.id,
        body: delivery.body,
        at: clock(),
      });
      const verdict = await db.withTenant(orgId, (tx) => recordOutcome(tx, delivery, result, clock()));
      if (verdict === 'delivered') round.delivered += 1;
      else {
        if (verdict === 'retry') round.retried += 1;
        else round.gaveUp += 1;
        log(
          { orgId, deliveryId: delivery.id, attempts: delivery.attempts, outcome: result.outcome, verdict },
          'webhook delivery failed',
        );
      }
    }
  }

  async function tick(): Promise<RoundResult> {
    const round: RoundResult = { evaluated: 0, raised: 0, resolved: 0, delivered: 0, retried: 0, gaveUp: 0 };
    const done: string[] = [];
    for (let i = 0; i < PER_ROUND && (await evaluateOne(round, done)); i++);
    const due = await asWorker(db, (tx) =>
      rowsOf<{ org_id: string }>(
        tx,
        sql`
      select org_id from alert_schedule where deliver_at <= ${clock().toISOString()}::timestamptz order by deliver_at limit ${PER_ROUND}`,
      ),
    );
    for (const { org_id } of due) await deliverFor(org_id, round);
    return round;
  }

  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  return {
    tick,
    start(intervalMs = 5_000) {
      if (timer) return;
      timer = setInterval(() => {
        inFlight = inFlight.then(tick).catch((error: unknown) => {
          // The error type only: a driver message may quote tenant data.
          log({ err: error instanceof Error ? error.name : typeof error }, 'alert round failed');
        });
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
