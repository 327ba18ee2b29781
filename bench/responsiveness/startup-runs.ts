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
  afterDay: { rss: number; heap: number; external: number; arrayBuffers: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function run(args: string[]): StartFigures {
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as StartFigures;
}

export async function startupFigures(dataDir: string, rendererDir: string, daySales: number): Promise<string[]> {
  const t0 = performance.now();
  const bundle = await buildStartupBundle();
  const buildMs = performance.now() - t0;
  const source = join(import.meta.dirname, 'startup-child.ts');
  const built = (sales: number) => run([bundle, dataDir, rendererDir, String(sales)]);
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
  const day = built(daySales);
  const m = day.afterDay;
  return [
    `Web host start to ready for the first sale, from process start (median of 3, interleaved; target < 1.5 s):`,
    `  built JavaScript (esbuild bundle, as shipped; built in ${fmt(buildMs)}): ${fmt(ready(starts.built))}, CPU ${fmt(cpu(starts.built))}, RSS at ready ${rss(starts.built)} MB; ${ready(starts.built) < 1500 ? 'met' : 'NOT met'}`,
    `  TypeScript through tsx (developer's start):                 ${fmt(ready(starts.tsx))}, CPU ${fmt(cpu(starts.tsx))}, RSS at ready ${rss(starts.tsx)} MB`,
    `  ratio built/tsx: ready ${(ready(starts.built) / ready(starts.tsx)).toFixed(3)}, CPU ${(cpu(starts.built) / cpu(starts.tsx)).toFixed(3)}`,
    `RSS after a day of sales on the bundle (${day.sales} rung and transmitted, ${day.stillQueued} still queued, then a documents search): ${day.rssDayMb.toFixed(0)} MB (JS heap ${m.heap.toFixed(0)}, external ${m.external.toFixed(0)}, array buffers ${m.arrayBuffers.toFixed(0)}); target < 250 MB: ${day.rssDayMb < 250 ? 'met' : 'NOT met'}`,
  ];
}
