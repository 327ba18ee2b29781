import { describe, expect, it } from 'vitest';
import { ProjectTimes } from './project-times';

describe('the per-project times printed at the end of a run', () => {
  it('counts files and tests per project and measures from its first start to its last end', () => {
    const times = new ProjectTimes();
    times.fileStarted('integration', 10_000);
    times.fileStarted('unit', 0);
    times.fileStarted('unit', 100);
    times.fileEnded('unit', 2_000, 7);
    times.fileEnded('unit', 1_500, 3);
    times.fileEnded('integration', 12_345, 4);
    expect(times.lines()).toEqual([
      'project unit: 2 files, 10 tests, 2.0 s',
      'project integration: 1 files, 4 tests, 2.3 s',
    ]);
  });

  it('counts a file that failed to load (ended without starting, no tests)', () => {
    const times = new ProjectTimes();
    times.fileEnded('e2e', 5_000, 0);
    expect(times.lines()).toEqual(['project e2e: 1 files, 0 tests, 0.0 s']);
  });

  it('prints nothing for a run that ran no file', () => {
    expect(new ProjectTimes().lines()).toEqual([]);
  });
});
