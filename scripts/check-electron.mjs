// `npm start` runs this first: the desktop app needs Electron's own binary, which `npm ci` downloads from GitHub
// (and which Electron's installer only supports on Node >= 22.12). Without it, the build would compile a native
// module for minutes and then end in a stack trace. Here: one clear line and a way forward, in seconds.
// It never triggers the download itself (requiring `electron` would).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules/electron');

/** Why the desktop app cannot start here, or undefined when Electron's binary is present and runs. */
export function electronProblem(dir = electronDir, run = spawnSync) {
  if (!existsSync(join(dir, 'package.json'))) return 'the electron package is not installed (run npm ci)';
  const pathFile = join(dir, 'path.txt');
  const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
  if (binary === undefined || !existsSync(binary)) {
    return "Electron's binary was not downloaded (npm ci fetches it from github.com; it needs network access and Node >= 22.12)";
  }
  const probe = run(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.error || probe.status !== 0) {
    const detail = probe.error ? probe.error.message : (probe.stderr || '').split('\n')[0];
    return `Electron's binary cannot run on this machine (${detail || `exit code ${probe.status}`})`;
  }
  return undefined;
}

if (process.argv[1] === import.meta.filename) {
  const problem = electronProblem();
  if (problem) {
    console.error(`Cannot start the desktop app: ${problem}. The same app runs in a browser with: npm run start:web`);
    process.exit(1);
  }
}
