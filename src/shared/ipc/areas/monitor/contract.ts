// IPC contract of the monitoring panel (names in channels.ts): the overview and a fresh folio count from HKA.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { contingencyViewSchema, queueCountsSchema } from '../../schemas';

const nullableMs = z.number().nullable();
export const monitorOverviewSchema = z.object({
  generatedAt: z.string(),
  queue: queueCountsSchema,
  /** HKA calls over the last hour. */
  hka: z.object({
    calls: z.number().int(),
    p50Ms: nullableMs,
    p95Ms: nullableMs,
    p99Ms: nullableMs,
    /** Share of calls that failed (0..1), and the failures by kind ('response_timeout', 'rejected', …). */
    errorRate: z.number(),
    errorsByKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  }),
  contingency: contingencyViewSchema.extend({ durationMs: nullableMs }),
  folios: z.object({
    available: z.number().nullable(),
    checkedAt: z.string().nullable(),
    threshold: z.number().int(),
    alarm: z.boolean(),
  }),
  /** PC clock minus the other side's clock, from the Date header of its last reply; warn beyond 2 minutes. */
  clock: z.object({
    hkaOffsetMs: nullableMs,
    hkaCheckedAt: z.string().nullable(),
    serverOffsetMs: nullableMs,
    serverCheckedAt: z.string().nullable(),
    warn: z.boolean(),
  }),
  series: z.object({
    /** One point per bucket over the requested hours (buckets without calls have null latencies). */
    latency: z.array(z.object({ at: z.string(), p50Ms: nullableMs, p95Ms: nullableMs, calls: z.number().int() })),
    queueDepth: z.array(z.object({ at: z.string(), waiting: z.number().int() })),
    /** Today (Panamá time), hours 0–23. */
    salesByHour: z.array(
      z.object({ hour: z.number().int().min(0).max(23), documents: z.number().int(), total: z.string() }),
    ),
  }),
});
export type MonitorOverview = z.infer<typeof monitorOverviewSchema>;

export const monitorContract = {
  'monitor:overview': {
    access: 'gerente',
    request: z.object({ hours: z.number().int().min(1).max(48).default(6) }),
    response: monitorOverviewSchema,
  },
  /** Asks HKA for the folios left now (FoliosRestantes with the saved credentials) and keeps the answer. */
  'monitor:checkFolios': { access: 'gerente', request: z.object({}), response: monitorOverviewSchema.shape.folios },
} as const satisfies Record<string, ContractEntry>;
