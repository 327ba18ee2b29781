// Start to "ready for the first sale" and memory, each from a cold child process (startup-child.ts): as a shipped app
// runs it (the bundle built-core.ts builds, plain JavaScript) and as a developer runs it (TypeScript through tsx, which
// compiles at start), interleaved so both see the same machine; then a day of sales on the bundle.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt } from '../stats';
import { buildStartupBundle } from './built-core';

interface StartFigures {
  readyMs: number;
  cpuReadyMs: number;
  rssReadyMb: number;
  rssDayMb: number;
  sales: number;
  stillQueued: number;
  afterDay: Memory;
  afterRest: Memory;
}

interface Memory {
  rss: number;
  heap: number;
  external: number;
  arrayBuffers: number;
  resident: Record<string, number>;
  v8: Record<string, { committed: number; used: number }>;
}

/** How long the till is left alone after the day before the rested figure: past the read worker's 30 s idle stop. */
const REST_MS = 45_000;

/** The parts that move between runs (0047): the main thread's V8 spaces (committed, in use), malloc's heap, the rest. */
function breakdown(m: Memory): string {
  const space = (name: string) => {
    const s = m.v8[`${name}_space`];
    return s ? `${s.committed.toFixed(0)}/${s.used.toFixed(0)}` : '-';
  };
  const mbOf = (kind: string) => (m.resident[kind] ?? 0).toFixed(0);
  return `main V8 old ${space('old')}, new ${space('new')} MB committed/in use (live or not yet collected); malloc [heap] ${mbOf('malloc heap')} MB, other anonymous (V8 pages of both threads, stacks, arenas) ${mbOf('anonymous')} MB, node binary ${mbOf('node binary')} MB`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function run(args: string[]): StartFigures {
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as StartFigures;
}

export async function startupFigures(
  dataDir: string,
  rendererDir: string,
  daySales: number,
  days = 3,
): Promise<string[]> {
  const t0 = performance.now();
  const bundle = await buildStartupBundle();
  const buildMs = performance.now() - t0;
  const source = join(import.meta.dirname, 'startup-child.ts');
  const built = (sales: number, restMs = 0) => run([bundle, dataDir, rendererDir, String(sales), String(restMs)]);
  const tsx = () => run(['--import', 'tsx', source, dataDir, rendererDir, '0']);
  tsx(); // warms tsx's transform cache, as every later developer start finds it
  const starts = { built: [] as StartFigures[], tsx: [] as StartFigures[] };
  for (let i = 0; i < 3; i++) {
    starts.built.push(built(0));
    starts.tsx.push(tsx());
  }
  const ready = (s: StartFigures[]) => median(s.map((f) => f.readyMs));
  const cpu = (s: StartFigures[]) => median(s.map((f) => f.cpuReadyMs));
  const rss = (s: StartFigures[]) => median(s.map((f) => f.rssReadyMb)).toFixed(0);
  // One day's figure moves by ±20 MB with when V8 last ran a major GC (0047): several days, each read twice.
  const dayRuns = Array.from({ length: days }, () => built(daySales, REST_MS));
  const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} MB`;
  const lastCall = dayRuns.map((d) => d.rssDayMb);
  const rested = dayRuns.map((d) => d.afterRest.rss);
  const day = dayRuns[0]!;
  return [
    `Web host start to ready for the first sale, from process start (median of 3, interleaved; target < 1.5 s):`,
    `  built JavaScript (esbuild bundle, as shipped; built in ${fmt(buildMs)}): ${fmt(ready(starts.built))}, CPU ${fmt(cpu(starts.built))}, RSS at ready ${rss(starts.built)} MB; ${ready(starts.built) < 1500 ? 'met' : 'NOT met'}`,
    `  TypeScript through tsx (developer's start):                 ${fmt(ready(starts.tsx))}, CPU ${fmt(cpu(starts.tsx))}, RSS at ready ${rss(starts.tsx)} MB`,
    `  ratio built/tsx: ready ${(ready(starts.built) / ready(starts.tsx)).toFixed(3)}, CPU ${(cpu(starts.built) / cpu(starts.tsx)).toFixed(3)}`,
    `RSS after a day of sales on the bundle (${days} days of ${day.sales} sales, each rung and transmitted, then a documents search; ${Math.max(...dayRuns.map((d) => d.stillQueued))} still queued at most):`,
    `  at the day's last call:            ${range(lastCall)} (${lastCall.map((v) => v.toFixed(0)).join(', ')})`,
    ...dayRuns.map((d, i) => `    day ${i + 1}: ${breakdown(d.afterDay)}`),
    `  the till left alone ${REST_MS / 1000} s after it: ${range(rested)} (${rested.map((v) => v.toFixed(0)).join(', ')}); target < 250 MB: ${Math.max(...rested) < 250 ? 'met' : 'NOT met'} on every day`,
    ...dayRuns.map((d, i) => `    day ${i + 1}: ${breakdown(d.afterRest)}`),
  ];
}
