// Latency statistics for benchmarks: percentiles over measured samples (milliseconds).

export interface LatencyStats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  throughputPerSec: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function stats(samplesMs: readonly number[], wallMs: number): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: total / sorted.length,
    throughputPerSec: (sorted.length / wallMs) * 1000,
  };
}

/** Work the app does between operations (e.g. a timer's WAL checkpoint), run untimed every `every` iterations. */
export interface Between {
  every: number;
  run: () => unknown;
}

/** Runs `fn` `warmup` times unmeasured, then `n` times measured one by one. */
export async function measure(
  n: number,
  warmup: number,
  fn: (i: number) => unknown,
  between?: Between,
): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  let untimed = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    if (between && i > 0 && i % between.every === 0) {
      const u0 = performance.now();
      await between.run();
      untimed += performance.now() - u0;
    }
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return stats(samples, performance.now() - start - untimed);
}

export const fmt = (ms: number): string => `${ms.toFixed(3)} ms`;
