// Per-project tally for the end of a run: how many files and tests each vitest project ran and its wall time, from
// its first file starting to its last file ending (projects run one after the other, vitest.config.ts groupOrder).
interface Tally {
  files: number;
  tests: number;
  firstStart: number;
  lastEnd: number;
}

export class ProjectTimes {
  private readonly tallies = new Map<string, Tally>();

  /** A test file of `project` started at `at` (milliseconds on any monotonic clock). */
  fileStarted(project: string, at: number): void {
    const tally = this.tallyOf(project, at);
    tally.firstStart = Math.min(tally.firstStart, at);
  }

  /** A test file of `project` ended at `at`, having run `tests` tests (a file that failed to load: 0). */
  fileEnded(project: string, at: number, tests: number): void {
    const tally = this.tallyOf(project, at);
    tally.files += 1;
    tally.tests += tests;
    tally.lastEnd = Math.max(tally.lastEnd, at);
  }

  /** One line per project, in the order they started: "project unit: 212 files, 1500 tests, 95.2 s". */
  lines(): string[] {
    return [...this.tallies.entries()]
      .sort(([, a], [, b]) => a.firstStart - b.firstStart)
      .map(([name, t]) => {
        const seconds = ((t.lastEnd - t.firstStart) / 1000).toFixed(1);
        return `project ${name || '(unnamed)'}: ${t.files} files, ${t.tests} tests, ${seconds} s`;
      });
  }

  private tallyOf(project: string, at: number): Tally {
    let tally = this.tallies.get(project);
    if (!tally) {
      tally = { files: 0, tests: 0, firstStart: at, lastEnd: at };
      this.tallies.set(project, tally);
    }
    return tally;
  }
}
