// Starting, watching and killing register children. The child is bundled once per test run with esbuild (tsx's
// own compiler, already installed): starting the bundle costs ~0.35 s against ~0.9 s through tsx, which is what
// lets 60 kills fit in the time budget. The bundle sits under node_modules/.cache so that its bare imports
// (better-sqlite3, soap, drizzle…) resolve to the repository's node_modules.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { configToEnv, parseEvent, type ChildConfig, type ChildEvent } from './child-protocol';

export const REPO_ROOT = join(import.meta.dirname, '../..');

export interface ChildBundle {
  path: string;
  dispose(): void;
}

export async function bundleRegisterChild(): Promise<ChildBundle> {
  const cache = join(REPO_ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'sago-crash-test-'));
  const path = join(dir, 'register-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'register-child.ts')],
    outfile: path,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class RegisterChild {
  readonly events: ChildEvent[] = [];
  readonly startedAt = Date.now();
  readonly closed: Promise<Exit>;
  private stderr = '';
  private readonly process: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(bundlePath: string, config: ChildConfig) {
    this.process = spawn(process.execPath, [bundlePath], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...configToEnv(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = this.process.stdout;
    const err = this.process.stderr;
    if (!out || !err) throw new Error('register child started without stdout/stderr pipes');
    createInterface({ input: out }).on('line', (line) => {
      const event = parseEvent(line);
      if (event) this.events.push(event);
      for (const wake of this.waiters) wake();
    });
    err.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4_000);
    });
    // 'close' (not 'exit'): every line the child wrote has been read by then.
    this.closed = new Promise((resolve) => {
      this.process.once('close', (code, signal) => {
        for (const wake of this.waiters) wake();
        resolve({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** The last lines of the child's stderr, for error messages. */
  get diagnostics(): string {
    return this.stderr.trim() || '(no stderr)';
  }

  last(): ChildEvent | undefined {
    return this.events.at(-1);
  }

  has(kind: ChildEvent['kind']): boolean {
    return this.events.some((e) => e.kind === kind);
  }

  /** Waits until an event of `kind` has been printed; fails if the child exits first or time runs out. */
  waitFor(kind: ChildEvent['kind'], timeoutMs: number): Promise<void> {
    return this.waitUntil(() => this.has(kind), kind, timeoutMs);
  }

  /** Polls `check` at every line the child prints (and every 10 ms); fails on ERROR, early exit or timeout. */
  async waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const error = this.events.find((e) => e.kind === 'ERROR');
      if (error) throw new Error(`register child (pid ${this.pid}) reported ${JSON.stringify(error)}`);
      if (this.exited) throw new Error(`register child (pid ${this.pid}) exited before ${what}: ${this.diagnostics}`);
      if (Date.now() > deadline)
        throw new Error(`register child (pid ${this.pid}): no ${what} within ${timeoutMs} ms: ${this.diagnostics}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, 10);
        this.waiters.add(wake);
      });
    }
  }

  killHard(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }

  /** Waits for the child to be gone; SIGKILLs it (and fails) if it lingers past `timeoutMs`. */
  async waitClosed(timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const result = await Promise.race([this.closed, late]);
    clearTimeout(timer);
    if (result === 'late') {
      this.killHard();
      throw new Error(`register child (pid ${this.pid}) did not exit within ${timeoutMs} ms: ${this.diagnostics}`);
    }
    return result;
  }
}
