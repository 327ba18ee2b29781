// The alert rules, judged per register from what registers push (audit entries and document status snapshots) and
// when they were last heard from. What a register does not push (its sync outbox depth, its own HKA probes) cannot be
// judged here; docs/decisions/0016 says how each rule reads the data that exists.
import { sql } from 'drizzle-orm';
import { FOLIOS_ALERT_THRESHOLD, FOLIOS_AUDIT_ACTION } from '../../shared/sync/folios-report';
import { rowsOf, type TenantTx } from '../db/tenant-db';

import type { AlertRule } from '../../shared/alerts/alert-rules';

export const THRESHOLDS = {
  /** A document waiting for HKA this long (by its register's clock), or issued in contingency, means HKA is down. */
  hkaDownSeconds: 60,
  /** Documents not yet authorised (QUEUED + PROCESSING). */
  backlogDocuments: 1_000,
  /** Refused or failed share of the documents HKA answered in the last hour, in percent… */
  errorRatePercent: 5,
  /** …judged only once this many were answered (one failure out of three is not a trend). */
  errorRateMinAnswered: 20,
  errorRateWindowMinutes: 60,
  /** Folios left in the register's latest report (an audit entry, src/shared/sync/folios-report.ts). */
  foliosLeft: FOLIOS_ALERT_THRESHOLD,
} as const;

/** A literal, so the planner matches the partial index audit_entries_folios (the action is our constant). */
const FOLIOS_ACTION = sql.raw(`'${FOLIOS_AUDIT_ACTION}'`);

export const DEFAULT_SILENT_AFTER_MINUTES = 30;

/** A rule that holds now for one register, with the figure that crossed the threshold. */
export interface AlertCondition {
  rule: AlertRule;
  deviceId: string;
  storeId: string;
  details: { value: number; threshold: number };
}

type ConditionRow = { rule: AlertRule; device_id: string; store_id: string; value: number; threshold: number };

/** Every rule that holds at `now` for a live (not revoked) register of the transaction's organisation. */
export async function currentConditions(
  tx: TenantTx,
  now: Date,
  silentAfterMinutes: number,
): Promise<AlertCondition[]> {
  const at = now.toISOString();
  const t = THRESHOLDS;
  const rows = await rowsOf<ConditionRow>(
    tx,
    sql`
    with live as (
      select id, store_id, coalesce(last_seen_at, created_at) as heard_at from devices where revoked_at is null
    ), pending as (
      select device_id, count(*) as waiting,
             max(case when tipo_emision in ('02', '04') then ${t.hkaDownSeconds}::float8
                      else extract(epoch from status_at - issued_at) end) as longest_wait
      from documents where status in ('QUEUED', 'PROCESSING') group by device_id
    ), answered as (
      select device_id, count(*) as answered,
             count(*) filter (where status in ('REJECTED', 'FAILED', 'NUMBER_COLLISION')) as errors
      from documents
      where status in ('AUTHORIZED', 'ANNULLED', 'REJECTED', 'FAILED', 'NUMBER_COLLISION')
        and status_at > ${at}::timestamptz - make_interval(mins => ${t.errorRateWindowMinutes})
      group by device_id
    ), folios as (
      -- The register's latest report; details are free-form, so anything but a JSON number counts as no report.
      select distinct on (device_id) device_id,
             case when jsonb_typeof(details->'available') = 'number' then (details->>'available')::numeric end as available
      from audit_entries where action = ${FOLIOS_ACTION}
      order by device_id, chain_seq desc nulls last
    ), breaks as (
      select device_id, count(*) as n from audit_chain_breaks group by device_id
    )
    select 'hka_down' as rule, l.id as device_id, l.store_id, floor(p.longest_wait)::float8 as value, ${t.hkaDownSeconds}::float8 as threshold
      from live l join pending p on p.device_id = l.id where p.longest_wait >= ${t.hkaDownSeconds}
    union all
    select 'backlog', l.id, l.store_id, p.waiting::float8, ${t.backlogDocuments}::float8
      from live l join pending p on p.device_id = l.id where p.waiting > ${t.backlogDocuments}
    union all
    select 'error_rate', l.id, l.store_id, round(100.0 * a.errors / a.answered, 2)::float8, ${t.errorRatePercent}::float8
      from live l join answered a on a.device_id = l.id
      where a.answered >= ${t.errorRateMinAnswered} and 100.0 * a.errors / a.answered > ${t.errorRatePercent}
    union all
    select 'folios_low', l.id, l.store_id, greatest(f.available, -1e9)::float8, ${t.foliosLeft}::float8
      from live l join folios f on f.device_id = l.id where f.available < ${t.foliosLeft}
    union all
    select 'silent', l.id, l.store_id, floor(extract(epoch from ${at}::timestamptz - l.heard_at) / 60)::float8, ${silentAfterMinutes}::float8
      from live l where l.heard_at < ${at}::timestamptz - make_interval(mins => ${silentAfterMinutes})
    union all
    select 'audit_chain_break', l.id, l.store_id, b.n::float8, 0::float8
      from live l join breaks b on b.device_id = l.id`,
  );
  return rows.map((r) => ({
    rule: r.rule,
    deviceId: r.device_id,
    storeId: r.store_id,
    details: { value: Number(r.value), threshold: Number(r.threshold) },
  }));
}
