// Retry schedule for transient HKA failures: 3 s, 6 s, 12 s, 24 s, 48 s, each with ±20 % jitter so that registers
// coming back online together do not hit HKA in lockstep. After the last delay the document is FAILED.

export const DEFAULT_BACKOFF_MS: readonly number[] = [3_000, 6_000, 12_000, 24_000, 48_000];
export const DEFAULT_JITTER = 0.2;

/**
 * Delay before attempt `attempt + 1`, given that `attempt` attempts (1-based) have failed;
 * undefined when the attempts are exhausted.
 */
export function retryDelayMs(
  failedAttempts: number,
  schedule: readonly number[] = DEFAULT_BACKOFF_MS,
  random: () => number = Math.random,
  jitter = DEFAULT_JITTER,
): number | undefined {
  const base = schedule[failedAttempts - 1];
  if (base === undefined) return undefined;
  const factor = 1 + jitter * (2 * random() - 1);
  return Math.round(base * factor);
}
