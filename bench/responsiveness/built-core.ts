// The web host and register core as a shipped app runs them: one JavaScript bundle, not TypeScript compiled by tsx at
// every start (issue 17: "measure what a user would run"). Built with esbuild the way electron-vite builds the desktop
// main process (src/main, electron.vite.config.ts): our sources bundled and left unminified, npm packages kept
// external and loaded from node_modules, the read and upgrade workers as their own entries, the simulator a lazily loaded chunk.
// The bundle lives in out/bench-core (two folders below the repository, like bench/responsiveness, so the child finds
// drizzle/ and resources/ the same way from either form).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
export const BUILT_CORE_DIR = join(ROOT, 'out/bench-core');

/** Bundles startup-child.ts and the two workers into out/bench-core; returns the child's path. */
export async function buildStartupBundle(): Promise<string> {
  rmSync(BUILT_CORE_DIR, { recursive: true, force: true });
  mkdirSync(BUILT_CORE_DIR, { recursive: true });
  await build({
    entryPoints: {
      'startup-child': join(import.meta.dirname, 'startup-child.ts'),
      'read-worker': join(ROOT, 'src/core/reads/read-worker-entry.ts'),
      'upgrade-worker': join(ROOT, 'src/core/store/upgrade-worker-entry.ts'),
    },
    outdir: BUILT_CORE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true, // the dynamic import of the simulator becomes its own chunk, as in the Electron build
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'src/web-host/sago-shim.js'), join(BUILT_CORE_DIR, 'sago-shim.js'));
  return join(BUILT_CORE_DIR, 'startup-child.mjs');
}
