// PostgreSQL closing a connection while a request holds it in a transaction (a restart, an administrator's
// pg_terminate_backend, a database dropped WITH (FORCE)): that request fails, the API process lives on and the next
// request gets a fresh connection. node-postgres emits 'error' on a checked-out client the server hung up on; with
// no listener of ours that was an uncaught exception (seen as a stray 57P01 at the end of a test file).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, startSyncTestServer, type SyncTestServer, type Tenant } from '../../../tests/fixtures/pg-test-db';
import { rowsOf } from './tenant-db';

let kit: SyncTestServer;
let tenant: Tenant;

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Cadena Reinicio');
}, 60_000);

afterAll(async () => {
  await kit?.close();
});

/** Resolves once a log line says so (a positive wait: the listener runs when the hang-up reaches the client). */
async function logged(fragment: string): Promise<void> {
  while (!kit.logs.some((line) => line.includes(fragment))) await new Promise((r) => setTimeout(r, 10));
}

it('a connection terminated mid-transaction fails that work only; the next request is answered', async () => {
  const work = kit.server.db.withTenant(tenant.orgId, async (tx) => {
    const [own] = await rowsOf<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
    await kit.superQuery('select pg_terminate_backend($1)', [own?.pid]);
    // Between statements: no query is active when the server's goodbye arrives, the hardest case for the driver.
    await logged('database connection lost');
    await rowsOf(tx, sql`select 1 as one`);
  });
  await expect(work).rejects.toThrow();

  const line = kit.logs.find((l) => l.includes('database connection lost'));
  expect(JSON.parse(line ?? '{}')).toMatchObject({ level: 40, msg: 'database connection lost' });

  const stores = await api<unknown[]>(kit.url, '/v1/admin/stores', { bearer: tenant.adminKey });
  expect(stores.status).toBe(200);
});
