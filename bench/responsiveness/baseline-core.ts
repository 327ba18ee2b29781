// The register core of a git ref, loaded into THIS process, as bench/validate-cpu.ts does for the validator: `git
// archive` of the ref's src, drizzle (migrations) and resources (the WSDL) into a temporary folder, imported through
// tsx like the bench itself. Its read worker starts from that folder's own TypeScript entry, so each side runs its
// ref's worker too. An A/B loads both sides this way: a core loaded from the checkout itself was measured faster than
// the same commit loaded from an archive (its report 2-4x quicker at load ~9), an asymmetry of the harness, not of
// the code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { dispatchIpc } from '../../src/core/app/dispatch';
import type { createRegisterCore } from '../../src/core/app/register-core';
import type { claimDueJobs, queueCounts, releaseUnstartedLeases } from '../../src/core/queue/outbox-repo';

/** What the responsiveness bench drives: one register core's start and its IPC dispatch. */
export interface CoreCode {
  createRegisterCore: typeof createRegisterCore;
  dispatchIpc: typeof dispatchIpc;
}

export interface CoreAtRef {
  code: CoreCode;
  queueCounts: typeof queueCounts;
  claimDueJobs: typeof claimDueJobs;
  releaseUnstartedLeases: typeof releaseUnstartedLeases;
  cleanup: () => void;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The code before decision 0041 (main at cc8b96b): the default baseline. Pinned by its full commit rather than
 * `git merge-base HEAD main`, which on main itself is HEAD and would compare the code with itself.
 */
export const BEFORE_DECISION_0041 = 'cc8b96b986eef86334d5a68ffe898654c277eeb4';

export async function loadCoreAt(ref: string): Promise<CoreAtRef> {
  const folder = mkdtempSync(join(tmpdir(), 'status-core-at-ref-'));
  // package.json too: its "type": "module" makes the archived .ts files ES modules; without it the read worker's
  // entry loaded as CommonJS and failed (require of an ES module in a cycle), and every read fell back to the core
  // thread, silently.
  const archive = execFileSync('git', ['-C', ROOT, 'archive', ref, 'src', 'drizzle', 'resources', 'package.json'], {
    maxBuffer: 1 << 29,
  });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  // The archived sources resolve their packages through a link to this checkout's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const load = <T>(path: string) => import(pathToFileURL(join(folder, path)).href) as Promise<T>;
  const [core, dispatch, outbox] = await Promise.all([
    load<{ createRegisterCore: typeof createRegisterCore }>('src/core/app/register-core.ts'),
    load<{ dispatchIpc: typeof dispatchIpc }>('src/core/app/dispatch.ts'),
    load<Pick<CoreAtRef, 'queueCounts' | 'claimDueJobs' | 'releaseUnstartedLeases'>>('src/core/queue/outbox-repo.ts'),
  ]);
  return {
    code: { createRegisterCore: core.createRegisterCore, dispatchIpc: dispatch.dispatchIpc },
    queueCounts: outbox.queueCounts,
    claimDueJobs: outbox.claimDueJobs,
    releaseUnstartedLeases: outbox.releaseUnstartedLeases,
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}
