// Global setup of the e2e project (vitest.config.ts): builds the renderer and the head-office console once for all
// e2e files, instead of once per file, and hands their folders to the files (`inject('e2eRendererDir')`). Removed
// when the run ends. A file that needs a build of its own still makes it (tests/e2e/fixtures).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildRendererForWebHost } from '../../src/web-host/web-host';
import { chromiumAvailable } from '../e2e/fixtures/chromium';
import { buildConsole } from '../e2e/fixtures/console-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The renderer built once for this run (a web host's rendererDir); '' when no e2e test can run. */
    e2eRendererDir: string;
    /** The head-office console built once for this run (startSyncTestServer's consoleDir); '' likewise. */
    e2eConsoleDir: string;
  }
}

export default async function buildOnceForE2e(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!chromiumAvailable()) {
    // Every e2e file skips itself without a browser: building would be wasted time.
    project.provide('e2eRendererDir', '');
    project.provide('e2eConsoleDir', '');
    return undefined;
  }
  const root = await mkdtemp(join(tmpdir(), 'sago-e2e-builds-'));
  const started = performance.now();
  const [rendererDir] = await Promise.all([
    buildRendererForWebHost(join(root, 'renderer')),
    buildConsole(join(root, 'console')),
  ]);
  console.log(`e2e: renderer and console built once in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('e2eRendererDir', rendererDir);
  project.provide('e2eConsoleDir', join(root, 'console'));
  return () => rm(root, { recursive: true, force: true });
}
