// `npm run server -- create-org` with DATABASE_URL: no folder lock exists, so the command works on the database
// directly while a server (any number of them) runs on it, and the new organisation's key works there at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestDatabase, type TestDatabase } from '../../tests/fixtures/pg-test-db';
import { sql } from 'drizzle-orm';
import { runCli, type CliIo } from './cli';
import { rowsOf } from './db/tenant-db';
import { startServer, type RunningServer } from './server';

let database: TestDatabase;
let server: RunningServer;

function io(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => void lines.push(l), err: (l) => void lines.push(l), onSignal: () => undefined };
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(
    {
      database: database.config,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      trustProxy: false,
      authLimits: { maxFailures: 100, windowMs: 60_000 },
    },
    { level: 'silent' },
  );
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('operator commands on PostgreSQL', () => {
  it('creates an organisation and another admin key while the server runs', async () => {
    const env = {
      DATABASE_URL: database.url,
      SAGO_DB_APP_ROLE: database.appRole,
      SAGO_DB_APP_PASSWORD: database.config.appPassword,
    };
    const created = io();
    expect(await runCli(['create-org', 'Cadena Postgres'], env, created)).toBe(0);
    const [, orgId, adminKey] =
      /organisation (\S+)\nadmin key \(shown once, keep it safe\): (\S+)/.exec(created.lines.join('\n')) ?? [];
    expect((await api(server.url, '/v1/admin/stores', { bearer: adminKey! })).status).toBe(200);
    const added = io();
    expect(await runCli(['add-admin-key', orgId!, 'contabilidad'], env, added)).toBe(0);
    const second = /admin key \(shown once, keep it safe\): (\S+)/.exec(added.lines.join('\n'))?.[1];
    expect((await api(server.url, '/v1/admin/devices', { bearer: second! })).status).toBe(200);
    // The API role may not create organisations on PostgreSQL: the operator functions are the owner's alone there.
    const [grant] = await server.db.unscoped((d) =>
      rowsOf(
        d,
        sql`select has_function_privilege(current_user, 'sago_create_organisation(uuid, text, text, text)', 'EXECUTE') as allowed`,
      ),
    );
    expect(grant).toEqual({ allowed: false });
  });
});
