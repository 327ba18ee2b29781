// The transmission worker: claims due outbox jobs (leased, durable in SQLite) and sends them to HKA through a
// p-queue (default 5 at a time, at most 10 calls per second). A rejected document is parked and never holds up
// the ones behind it; transient failures back off; offline waits without burning attempts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import PQueue from 'p-queue';
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { HkaClient } from '../hka/client/hka-client';
import type { StoreDb } from '../store/open-database';
import { documents, outboxJobs } from '../store/schema';
import type { IdentityVerdict } from './identity-proof';
import { probeAndAdvance, readSeries, type SeriesKey } from './series-advance';
import { applyOutcome, type JobOutcome } from './apply-outcome';
import { DEFAULT_BACKOFF_MS, retryDelayMs } from './backoff';
import type { ConnectivityMonitor } from './connectivity';
import type { ContingencyManager } from './contingency';
import { recordHkaCall } from './hka-metrics';
import { claimDueJobs, makeAllDue, queueCounts, releaseUnstartedLeases, type ClaimedJob } from './outbox-repo';
import { QueueEvents } from './queue-events';
import { transmitJob, type HkaCredentialSource } from './transmit-job';

export interface WorkerOptions {
  concurrency?: number;
  callsPerSecond?: number;
  /** Must outlast the longest HKA call (connect + response timeouts). */
  leaseMs?: number;
  pollMs?: number;
  backoffMs?: readonly number[];
  /**
   * Probe HKA for a series' highest number before sending the first document of a never-probed series (decision
   * 0009). On for Demo/Producción in the app; off by default so Simulador tests count their calls unchanged.
   */
  probeSeries?: boolean;
}

export interface WorkerDeps {
  db: StoreDb;
  client: HkaClient;
  credentials: HkaCredentialSource;
  connectivity: ConnectivityMonitor;
  contingency: ContingencyManager;
  clock?: () => Date;
  random?: () => number;
  events?: QueueEvents;
  log?: { warn(message: string, meta?: Record<string, unknown>): void };
  /** The issuer's RUC as configured, compared with HKA's CUFE in the identity proof (undefined: not compared). */
  issuerRuc?: () => string | undefined;
  /** With probeSeries: the series the register is configured to issue on, probed at start in the background. */
  expectedSeries?: () => SeriesKey[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class TransmissionWorker {
  readonly events: QueueEvents;
  private readonly queue: PQueue;
  private readonly owner = `worker-${randomUUID()}`;
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Documents claimed by this process and not finished: never claimed twice at once. */
  private readonly inFlight = new Set<string>();
  /** Of those, the ones whose HKA call has actually started. */
  private readonly started = new Set<string>();
  /** Series probes in flight (one per series at a time, however many of its jobs are claimed together). */
  private readonly probes = new Map<string, Promise<boolean>>();

  constructor(
    private readonly deps: WorkerDeps,
    private readonly options: WorkerOptions = {},
  ) {
    this.clock = deps.clock ?? (() => new Date());
    this.events = deps.events ?? new QueueEvents();
    this.queue = new PQueue({
      concurrency: options.concurrency ?? 5,
      intervalCap: options.callsPerSecond ?? 10,
      interval: 1_000,
    });
    deps.connectivity.onChange((state) => {
      this.events.emit('connectivity', state);
      if (state === 'online') this.tick();
    });
    deps.contingency.onChange((state) => this.events.emit('contingency', state));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.deps.connectivity.start();
    this.timer = setInterval(() => this.tick(), this.options.pollMs ?? 1_000);
    this.tick();
    // Before the first sale where possible (decision 0009); a sale made meanwhile is numbered at once anyway.
    if (this.options.probeSeries) for (const key of this.deps.expectedSeries?.() ?? []) void this.seriesProbed(key);
  }

  /** Stops claiming and waits (up to timeoutMs) for in-flight calls; unfinished leases simply expire. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.deps.connectivity.stop();
    this.queue.clear();
    const idle = Promise.all([this.queue.onIdle(), ...this.probes.values()]);
    await Promise.race([idle, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    releaseUnstartedLeases(this.deps.db, this.owner, this.started, this.clock().getTime());
    for (const id of [...this.inFlight]) if (!this.started.has(id)) this.inFlight.delete(id);
  }

  /** "Enviar ahora": skip backoff waits, re-check connectivity, and send. */
  async sendNow(): Promise<void> {
    makeAllDue(this.deps.db, this.clock().getTime());
    await this.deps.connectivity.probeNow();
    this.tick();
  }

  /** Claims as many due jobs as there are free slots and schedules them. */
  tick(): void {
    if (!this.running) return;
    if (this.deps.connectivity.state === 'offline') {
      this.deps.contingency.noteUnreachable(); // time offline counts toward automatic contingency
      return;
    }
    const free = (this.options.concurrency ?? 5) - this.queue.pending - this.queue.size;
    const jobs = claimDueJobs(
      this.deps.db,
      this.owner,
      this.clock().getTime(),
      this.options.leaseMs ?? 90_000,
      free,
      this.inFlight,
    );
    for (const job of jobs) {
      this.inFlight.add(job.documentId);
      void this.queue.add(() => this.process(job).finally(() => this.inFlight.delete(job.documentId)));
    }
    if (jobs.length > 0) this.emitCounts();
  }

  private async process(job: ClaimedJob): Promise<void> {
    this.started.add(job.documentId);
    try {
      await this.attempt(job);
    } finally {
      this.started.delete(job.documentId);
    }
  }

  private async attempt(job: ClaimedJob): Promise<void> {
    const row = this.deps.db
      .select({
        body: documents.body,
        totals: documents.totals,
        proof: outboxJobs.identityProof,
        series: {
          codigoSucursal: documents.codigoSucursal,
          puntoFacturacion: documents.puntoFacturacion,
          tipoDocumento: documents.tipoDocumento,
        },
      })
      .from(documents)
      .innerJoin(outboxJobs, eq(outboxJobs.documentId, documents.id))
      .where(eq(documents.id, job.documentId))
      .get();
    if (!row) return;
    let outcome: JobOutcome;
    try {
      outcome =
        this.options.probeSeries && !(await this.seriesProbed(row.series))
          ? this.probeFailed(job)
          : await transmitJob(
              {
                client: this.deps.client,
                credentials: this.deps.credentials,
                clock: this.clock,
                random: this.deps.random ?? Math.random,
                backoffMs: this.options.backoffMs ?? DEFAULT_BACKOFF_MS,
                recordCall: (call) => recordHkaCall(this.deps.db, call),
                issuerRuc: this.deps.issuerRuc?.(),
              },
              {
                documentId: job.documentId,
                attempts: job.attempts,
                maybeSent: job.maybeSent,
                document: JSON.parse(row.body) as FiscalDocument,
                totals: JSON.parse(row.totals) as DocumentTotals,
                identityProof: row.proof === null ? undefined : (JSON.parse(row.proof) as IdentityVerdict),
              },
            );
    } catch (error) {
      // A bug or a vault problem, not an HKA answer. It costs an attempt (applyOutcome 'error'): left to its lease it
      // would come back every lease period forever.
      this.deps.log?.warn('Transmission attempt failed unexpectedly', {
        documentId: job.documentId,
        error: String(error),
      });
      const delay = retryDelayMs(
        job.attempts + 1,
        this.options.backoffMs ?? DEFAULT_BACKOFF_MS,
        this.deps.random ?? Math.random,
      );
      outcome = {
        kind: 'error',
        error: errorText(error),
        nextAttemptAt: delay === undefined ? undefined : this.clock().getTime() + delay,
      };
    }
    if (outcome.kind === 'collision') {
      this.deps.log?.warn('Number collision: HKA holds another document under this number', {
        documentId: job.documentId,
        hkaCufe: outcome.verdict.cufe,
        mismatches: outcome.verdict.mismatches,
      });
    }
    const change = applyOutcome(this.deps.db, job, outcome, this.clock());
    this.noteForHealth(outcome);
    if (change) this.events.emit('document-status', change);
    this.emitCounts();
    if (this.running) setImmediate(() => this.tick());
  }

  /** True once the series was probed (now or before); false if HKA could not be asked (the job waits). */
  private seriesProbed(key: SeriesKey): Promise<boolean> {
    if (readSeries(this.deps.db, key)?.probedAt) return Promise.resolve(true);
    const id = `${key.codigoSucursal}/${key.puntoFacturacion}/${key.tipoDocumento}`;
    let running = this.probes.get(id);
    if (!running) {
      const deps = {
        db: this.deps.db,
        client: this.deps.client,
        credentials: this.deps.credentials,
        clock: this.clock,
      };
      running = probeAndAdvance(deps, key, 'first-use', { actor: 'sistema:cola' })
        .then(
          (r) => {
            if (!r.ok) this.deps.log?.warn('Series probe failed; the series waits', { series: id, error: r.error });
            return r.ok;
          },
          (error: unknown) => {
            this.deps.log?.warn('Series probe failed unexpectedly', { series: id, error: String(error) });
            return false;
          },
        )
        .finally(() => this.probes.delete(id));
      this.probes.set(id, running);
    }
    return running;
  }

  /** The series could not be probed: back off like a failed attempt, nothing sent. */
  private probeFailed(job: ClaimedJob): JobOutcome {
    const delay = (this.options.backoffMs ?? DEFAULT_BACKOFF_MS)[Math.min(job.attempts, 4)] ?? 60_000;
    return {
      kind: 'retry',
      nextAttemptAt: this.clock().getTime() + delay,
      maybeSent: job.maybeSent,
      error: 'series probe: HKA did not answer',
    };
  }

  private noteForHealth(outcome: JobOutcome): void {
    const { connectivity, contingency } = this.deps;
    if (outcome.kind === 'error') return; // our own fault says nothing about HKA's reachability
    if (outcome.kind === 'authorized' || outcome.kind === 'rejected' || outcome.kind === 'collision') {
      connectivity.reportReachable();
      contingency.noteSuccess();
    } else if (outcome.kind === 'offline') {
      connectivity.reportUnreachable();
      contingency.noteUnreachable();
    } else {
      contingency.noteTransientFailure();
    }
  }

  private emitCounts(): void {
    this.events.emit('queue-counts', queueCounts(this.deps.db));
  }
}
