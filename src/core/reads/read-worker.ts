// The core's side of the read worker (decision 0024): heavy read-only queries run on a worker thread with its own
// read-only SQLite connection, so the core's event loop (every other IPC call, the till's sale, the queue) is never
// blocked by a manager's report. The thread starts at the first read and is started again after a crash; reads that
// were in flight when it died run on the core's connection instead (slower for everyone, but the manager gets the
// report), and nothing is lost because the worker never writes.
import type { Worker } from 'node:worker_threads';
import { AppError } from '../app/app-error';
import { deserializeError, type ReadReply, type ReadRequest, type ReadWorkerData } from './read-protocol';
import type { ReadArgs, ReadName, ReadResult, ReadRunner } from './read-queries';
import { assembleReply } from './sliced-reply';
import { startWorkerThread } from './worker-thread';

export const DEFAULT_READ_WORKER_ENTRY = new URL('./read-worker-entry.ts', import.meta.url);

export const READS_CLOSED = 'La caja se está cerrando; intente de nuevo al volver a abrirla';

export interface ReadWorkerOptions {
  data: ReadWorkerData;
  /** Runs a read on the core's own connection when the worker died under it. */
  fallback: ReadRunner;
  /** The bundled entry in the desktop app; default: the TypeScript source next to this file. */
  entry?: URL | undefined;
  log?: { warn(message: string, meta?: Record<string, unknown>): void } | undefined;
  /** Starts the thread (tests start a failing one). */
  start?: (entry: URL, data: ReadWorkerData) => Worker;
  /**
   * The thread ends after this long without a read (default 30 s; the next read starts a new one): its
   * isolate and connection (tens of MB after a year's audit walk or report) are not kept for the rest of the day.
   */
  idleMs?: number;
}

export const DEFAULT_READ_WORKER_IDLE_MS = 30_000;

interface Pending {
  name: ReadName;
  args: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class ReadWorker implements ReadRunner {
  private thread: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  /** How many threads were started (the first, then one after each crash or recycle). */
  starts = 0;

  constructor(private readonly options: ReadWorkerOptions) {}

  run<K extends ReadName>(name: K, args: ReadArgs<K>): Promise<ReadResult<K>> {
    if (this.closed) return Promise.reject(new AppError('not_allowed', READS_CLOSED));
    clearTimeout(this.idleTimer);
    const thread = this.thread ?? this.startThread();
    const id = this.nextId++;
    thread.ref(); // a read in flight keeps the process alive; an idle reader does not
    return new Promise<ReadResult<K>>((resolve, reject) => {
      // The worker answers with what readQueries[name] returns (read-worker-entry.ts): the reply is ReadResult<K>.
      this.pending.set(id, { name, args, resolve: (value) => resolve(value as ReadResult<K>), reject });
      thread.postMessage({ id, name, args } satisfies ReadRequest);
    });
  }

  /** Ends the thread; the next read starts a new one (after a restore swapped the data under it). */
  async recycle(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    this.detach(thread);
    await thread.terminate();
    this.fallBack();
  }

  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    if (thread) {
      this.detach(thread);
      await thread.terminate();
    }
    for (const [id, read] of this.pending) {
      this.pending.delete(id);
      read.reject(new AppError('not_allowed', READS_CLOSED));
    }
  }

  private startThread(): Worker {
    const thread = (this.options.start ?? startWorkerThread)(
      this.options.entry ?? DEFAULT_READ_WORKER_ENTRY,
      this.options.data,
    );
    this.starts += 1;
    this.thread = thread;
    thread.on('message', (reply: ReadReply) => {
      const read = this.pending.get(reply.id);
      if (!read) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) {
        thread.unref();
        this.stopWhenIdle(thread);
      }
      if (!reply.ok) read.reject(deserializeError(reply.error));
      else if (reply.sliced) assembleReply(reply.value, reply.sliced).then(read.resolve, read.reject);
      else read.resolve(reply.value);
    });
    thread.on('error', (error) => this.died(thread, `${error.name}: ${error.message}`));
    thread.on('exit', (code) => this.died(thread, `exit code ${code}`));
    thread.unref();
    return thread;
  }

  private stopWhenIdle(thread: Worker): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.thread !== thread || this.pending.size > 0) return;
      this.detach(thread);
      void thread.terminate();
    }, this.options.idleMs ?? DEFAULT_READ_WORKER_IDLE_MS);
    this.idleTimer.unref();
  }

  private detach(thread: Worker): void {
    if (this.thread === thread) clearTimeout(this.idleTimer);
    thread.removeAllListeners();
    if (this.thread === thread) this.thread = undefined;
  }

  private died(thread: Worker, reason: string): void {
    if (this.thread !== thread) return;
    this.detach(thread);
    if (this.closed) return;
    this.options.log?.warn('Read worker stopped; its reads run on the core connection', { reason });
    this.fallBack();
  }

  /** The reads the thread took with it are answered on the core's connection. */
  private fallBack(): void {
    for (const [id, read] of this.pending) {
      this.pending.delete(id);
      this.options.fallback.run(read.name, read.args as never).then(read.resolve, read.reject);
    }
  }
}
