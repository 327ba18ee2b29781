// `npm run server` without DATABASE_URL: PGlite in a data folder, an organisation created by the CLI, then the real
// `main.ts` process serving over HTTP, keeping other users of the folder out, taking the CLI's operator commands while
// it runs (loopback system listener + control file), stopping gracefully on SIGTERM.
// (PGlite's first start in an empty folder costs ~3 s, so one folder serves the whole file.)
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../../tests/fixtures/pg-test-db';
import { runCli, type CliIo } from './cli';
import { controlFilePath, readControlFile } from './operator/control-file';

const MAIN = join(import.meta.dirname, 'main.ts');
const dataRoot = mkdtempSync(join(tmpdir(), 'sago-server-cli-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  SAGO_SERVER_DATA_DIR: join(dataRoot, 'pgdata'),
  PORT: '0',
  LOG_LEVEL: 'warn',
};
const children: ChildProcessWithoutNullStreams[] = [];

function inProcess(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => void lines.push(l), err: (l) => void lines.push(l), onSignal: () => undefined };
}

function run(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: join(import.meta.dirname, '../..'),
    env,
  });
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
    const [, url] = await waitForLine(
      server.output,
      /sync API on (http:\/\/127\.0\.0\.1:\d+) \(PGlite in (.+)\)/,
      server.exited,
    );
    expect(server.output()).toContain(join(dataRoot, 'pgdata'));
    const health = await api<{ status: string; database: string }>(url!, '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', database: 'pglite' } });

    const store = await api<{ id: string }>(url!, '/v1/admin/stores', {
      bearer: adminKey!,
      body: { code: '0001', name: 'La Esquina' },
    });
    const code = await api<{ code: string }>(url!, '/v1/admin/enrolment-codes', {
      bearer: adminKey!,
      body: { storeId: store.body.id, registerName: 'Caja' },
    });
    const device = await api<{ token: string }>(url!, '/v1/enrol', { body: { code: code.body.code } });
    const event = {
      eventId: crypto.randomUUID(),
      seq: 1,
      kind: 'document_status',
      payload: { documentId: 'd1', status: 'QUEUED', at: '2026-11-28T12:00:00.000Z' },
    };
    const pushed = await api<{ stored: number }>(url!, '/v1/sync/events', {
      bearer: device.body.token,
      body: { events: [event] },
    });
    expect(pushed.body.stored).toBe(1);
    const docs = await api<{ items: { documentId: string }[] }>(url!, '/v1/documents', { bearer: adminKey! });
    expect(docs.body.items.map((d) => d.documentId)).toEqual(['d1']);

    // The server process owns the folder: a CLI command does not open it but asks the server (its loopback system
    // listener, found through the 0600 control file), and the new organisation's key works at once.
    const control = readControlFile(join(dataRoot, 'pgdata'));
    expect(control).toMatchObject({ port: expect.any(Number) as unknown });
    expect(statSync(controlFilePath(join(dataRoot, 'pgdata'))).mode & 0o777).toBe(0o600);
    const viaServer = inProcess();
    expect(await runCli(['create-org', 'Otra Cadena'], env, viaServer)).toBe(0);
    const [, otherOrg, otherKey] =
      /organisation (\S+)\nadmin key \(shown once, keep it safe\): (\S+)/.exec(viaServer.lines.join('\n')) ?? [];
    expect(otherKey).toMatch(new RegExp(`^sga\\.${otherOrg}\\.`));
    expect(await api(url!, '/v1/admin/stores', { bearer: otherKey! })).toEqual({ status: 200, body: { items: [] } });
    const extraKey = inProcess();
    expect(await runCli(['add-admin-key', otherOrg!, 'contabilidad'], env, extraKey)).toBe(0);
    const secondKey = /admin key \(shown once, keep it safe\): (\S+)/.exec(extraKey.lines.join('\n'))?.[1];
    expect((await api(url!, '/v1/admin/devices', { bearer: secondKey! })).status).toBe(200);
    await expect(runCli(['add-admin-key', crypto.randomUUID(), 'x'], env, inProcess())).rejects.toThrow(/HTTP 404/);
    // The system routes answer only on loopback with the operator secret, and are not on the public port.
    const system = `http://127.0.0.1:${control!.port}`;
    expect((await api(system, '/v1/system/organisations', { body: { name: 'Intrusa' } })).status).toBe(401);
    expect(
      (await api(system, '/v1/system/organisations', { bearer: adminKey!, body: { name: 'Intrusa' } })).status,
    ).toBe(401);
    expect(
      (await api(url!, '/v1/system/organisations', { bearer: control!.secret, body: { name: 'Intrusa' } })).status,
    ).toBe(404);
    expect(
      (await api(system, '/v1/system/organisations', { bearer: control!.secret, body: { name: 'a\u0000b' } })).status,
    ).toBe(400);
    expect(server.output()).not.toContain(control!.secret);
    // A second server still cannot open the folder.
    const second = run([]);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by process/);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('sync API stopped');
    expect(existsSync(controlFilePath(join(dataRoot, 'pgdata')))).toBe(false);
    // Stopped: the CLI opens the folder itself again.
    expect(await runCli(['create-org', 'Tercera'], env, inProcess())).toBe(0);
  }, 60_000);
});
