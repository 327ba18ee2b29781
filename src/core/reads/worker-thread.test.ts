// The read worker's thread starts with its young generation capped (decision 0036: the till's RSS after a day on a
// year's file), from a JavaScript entry as the desktop app bundles it and from the TypeScript one the sources run.
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/open-database';
import { DEFAULT_READ_WORKER_ENTRY } from './read-worker';
import { READ_WORKER_LIMITS, startWorkerThread } from './worker-thread';

const dir = mkdtempSync(join(tmpdir(), 'sago-worker-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startWorkerThread', () => {
  it('caps the young generation of a bundled (JavaScript) entry, as the thread itself sees it', async () => {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(
      entry,
      "import { parentPort, resourceLimits } from 'node:worker_threads';\nparentPort?.postMessage(resourceLimits);\n",
    );
    const thread = startWorkerThread(pathToFileURL(entry), {});
    try {
      const [seen] = (await once(thread, 'message')) as unknown[];
      expect(seen).toMatchObject(READ_WORKER_LIMITS);
    } finally {
      await thread.terminate();
    }
  });

  it('caps it for the TypeScript read worker the sources start', async () => {
    const path = join(dir, 'sago-simulador.sqlite');
    openDatabase({ path, checkpointIntervalMs: 0 }).close();
    const thread = startWorkerThread(DEFAULT_READ_WORKER_ENTRY, { path });
    try {
      await once(thread, 'online');
      expect(thread.resourceLimits).toMatchObject(READ_WORKER_LIMITS);
      expect(READ_WORKER_LIMITS.maxYoungGenerationSizeMb).toBeLessThanOrEqual(16); // V8's default is larger
    } finally {
      await thread.terminate();
    }
  }, 30_000);
});
