// `npm run server` without DATABASE_URL: PGlite in a data folder, an organisation created by the CLI, then the real
// `main.ts` process serving over HTTP, keeping other users of the folder out, stopping gracefully on SIGTERM.
// (PGlite's first start in an empty folder costs ~3 s, so one folder serves the whole file.)
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../../tests/fixtures/pg-test-db';
import { runCli, type CliIo } from './cli';
import { DataFolderBusyError } from './db/pglite-lock';

const MAIN = join(import.meta.dirname, 'main.ts');
const dataRoot = mkdtempSync(join(tmpdir(), 'sago-server-cli-'));
const env = { ...process.env, DATABASE_URL: '', SAGO_SERVER_DATA_DIR: join(dataRoot, 'pgdata'), PORT: '0', LOG_LEVEL: 'warn' };
const children: ChildProcessWithoutNullStreams[] = [];

function inProcess(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => void lines.push(l), err: (l) => void lines.push(l), onSignal: () => undefined };
}

function run(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: join(import.meta.dirname, '../..'), env });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForLine(output: () => string, pattern: RegExp, exited: Promise<unknown>): Promise<RegExpMatchArray> {
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    const match = pattern.exec(output());
    if (match) return match;
    if (done) throw new Error(`process exited before printing ${pattern}: ${output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('npm run server with PGlite', () => {
  it('creates an organisation, serves the API, keeps a second process out, stops on SIGTERM', async () => {
    const io = inProcess();
    expect(await runCli(['create-org', 'Minisuper La Esquina'], env, io)).toBe(0);
    const adminKey = /admin key \(shown once, keep it safe\): (\S+)/.exec(io.lines.join('\n'))?.[1];
    expect(adminKey).toMatch(/^sga\./);
    expect(await runCli(['drop-everything'], env, io)).toBe(2);

    const server = run([]);
    const [, url] = await waitForLine(server.output, /sync API on (http:\/\/127\.0\.0\.1:\d+) \(PGlite in (.+)\)/, server.exited);
    expect(server.output()).toContain(join(dataRoot, 'pgdata'));
    const health = await api<{ status: string; database: string }>(url!, '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', database: 'pglite' } });

    const store = await api<{ id: string }>(url!, '/v1/admin/stores', { bearer: adminKey!, body: { code: '0001', name: 'La Esquina' } });
    const code = await api<{ code: string }>(url!, '/v1/admin/enrolment-codes', { bearer: adminKey!, body: { storeId: store.body.id, registerName: 'Caja' } });
    const device = await api<{ token: string }>(url!, '/v1/enrol', { body: { code: code.body.code } });
    const event = { eventId: crypto.randomUUID(), seq: 1, kind: 'document_status', payload: { documentId: 'd1', status: 'QUEUED', at: '2026-11-28T12:00:00.000Z' } };
    const pushed = await api<{ stored: number }>(url!, '/v1/sync/events', { bearer: device.body.token, body: { events: [event] } });
    expect(pushed.body.stored).toBe(1);
    const docs = await api<{ items: { documentId: string }[] }>(url!, '/v1/documents', { bearer: adminKey! });
    expect(docs.body.items.map((d) => d.documentId)).toEqual(['d1']);

    // The server process owns the folder: a CLI command (or a second server) must not open it meanwhile.
    await expect(runCli(['create-org', 'Otra'], env, inProcess())).rejects.toThrow(DataFolderBusyError);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('sync API stopped');
  }, 30_000);
});
