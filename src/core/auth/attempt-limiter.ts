// Register-wide brake on wrong PINs: the per-user lock stops guessing one user's PIN, this stops spreading guesses
// over many users (or over names that do not exist, which have no lock to trip). Clock-driven, in memory.
export class AttemptLimiter {
  private failures: number[] = [];

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  waitMs(now: Date): number {
    const t = now.getTime();
    this.failures = this.failures.filter((at) => at > t - this.windowMs);
    const oldest = this.failures[0];
    return this.failures.length >= this.maxFailures && oldest !== undefined ? oldest + this.windowMs - t : 0;
  }

  recordFailure(now: Date): void {
    this.failures.push(now.getTime());
  }
}
