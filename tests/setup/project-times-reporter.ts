// A vitest reporter next to the default one (vitest.config.ts): prints the fast-check seed when the run starts, so a
// failing property can be replayed with FC_SEED, and each project's files, tests and wall time when it ends.
import type { Reporter, TestModule } from 'vitest/node';
import { fastCheckSeed } from './fast-check-seed';
import { ProjectTimes } from './project-times';

export default class ProjectTimesReporter implements Reporter {
  private readonly times = new ProjectTimes();

  onInit(): void {
    console.log(`fast-check seed: ${fastCheckSeed()} (replay another with FC_SEED=<n>)`);
  }

  onTestModuleStart(module: TestModule): void {
    this.times.fileStarted(module.project.name, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.times.fileEnded(module.project.name, performance.now(), [...module.children.allTests()].length);
  }

  onTestRunEnd(): void {
    for (const line of this.times.lines()) console.log(line);
  }
}
