// `app:status` latency while the heaviest report runs, on one register core over the year's database: the renderer
// asks for the status every PERIOD_MS (open loop: each call's latency counts from when it was due, so every call stuck
// behind a report counts its whole wait), while a gerente runs the sales report over the whole year again and again.
import { performance as nodePerformance } from 'node:perf_hooks';
import { dispatchIpc, type IpcBinding } from '../../src/core/app/dispatch';
import { createRegisterCore } from '../../src/core/app/register-core';
import type { CoreCode } from './baseline-core';
import { stats, type LatencyStats } from '../stats';

const PERIOD_MS = 5;

export interface UnderReport {
  status: LatencyStats & { max: number };
  report: LatencyStats;
  /** Every app:status latency (ms), for pooling several runs. */
  samples: number[];
  /** The share of the run's wall time the core thread's event loop was busy (not waiting for an event). */
  coreBusy: number;
}

const THIS_CODE: CoreCode = { createRegisterCore, dispatchIpc };

async function ok(ipc: IpcBinding, channel: string, request: unknown, code = THIS_CODE): Promise<unknown> {
  const result = await code.dispatchIpc(ipc, channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A gerente signed in: first launch creates one (auth:setup signs them in), a later start signs them in. */
export async function signInGerente(ipc: IpcBinding, code = THIS_CODE): Promise<void> {
  const gerente = { username: 'gerente', displayName: 'Gerente de prueba', pin: '2468' };
  const session = (await ok(ipc, 'auth:session', {}, code)) as { setupNeeded: boolean };
  if (session.setupNeeded) await ok(ipc, 'auth:setup', gerente, code);
  else await ok(ipc, 'auth:signIn', { username: gerente.username, pin: gerente.pin }, code);
}

export async function statusUnderReport(
  dataDir: string,
  readWorker: boolean,
  report: { from: string; to: string },
  runs: number,
  code: CoreCode = THIS_CODE,
): Promise<UnderReport> {
  // A read worker that cannot start leaves every read on the core thread (logged, not thrown): the figures would be
  // those of the other side of the comparison, so the run fails instead.
  let fellBack: string | undefined;
  const log = {
    info: () => {},
    error: () => {},
    warn: (message: string, meta?: Record<string, unknown>) => {
      if (message.startsWith('Read worker stopped')) fellBack ??= `${message} ${JSON.stringify(meta)}`;
    },
  };
  const core = await code.createRegisterCore({ dataDir, readWorker, dailyBackupCheckMs: 0, log });
  try {
    await signInGerente(core.ipc, code);
    await ok(core.ipc, 'reports:sales', report, code); // warm-up (and, with the worker, its thread's start)
    const latencies: number[] = [];
    let running = true;
    const started = performance.now();
    const loopAtStart = nodePerformance.eventLoopUtilization();
    // Each call goes out when due, whether or not the previous one was answered (a renderer's timers do not wait).
    const calls: Promise<void>[] = [];
    const pinger = (async () => {
      for (let k = 0; running;) {
        for (const now = performance.now(); started + k * PERIOD_MS <= now; k++) {
          const due = started + k * PERIOD_MS;
          calls.push(ok(core.ipc, 'app:status', {}, code).then(() => void latencies.push(performance.now() - due)));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + k * PERIOD_MS - performance.now())));
      }
    })();
    const durations: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Each report is a new request from the screen: it arrives as an event of its own, after those already due.
      await new Promise((resolve) => setImmediate(resolve));
      const t0 = performance.now();
      await ok(core.ipc, 'reports:sales', report, code);
      durations.push(performance.now() - t0);
    }
    running = false;
    await pinger;
    await Promise.all(calls);
    const wall = performance.now() - started;
    if (fellBack !== undefined) throw new Error(`The read worker did not run: ${fellBack}`);
    return {
      status: { ...stats(latencies, wall), max: Math.max(...latencies) },
      report: stats(durations, wall),
      samples: latencies,
      coreBusy: nodePerformance.eventLoopUtilization(loopAtStart).utilization,
    };
  } finally {
    await core.close();
  }
}
