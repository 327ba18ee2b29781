// The worker's cross-tenant scope is as narrow as decision 0016 says: `app.scope = 'alert_worker'` reveals every
// organisation's alert_schedule row (ids and times) and nothing else; a tenant transaction sees its own row only.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncTestServer, type SyncTestServer, type Tenant } from '../../../tests/fixtures/pg-test-db';
import { rowsOf } from '../db/tenant-db';

let kit: SyncTestServer;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  kit = await startSyncTestServer();
  a = await kit.createTenant('Alcance A');
  b = await kit.createTenant('Alcance B');
  await kit.enrolRegister(a, '0001');
  await kit.enrolRegister(b, '0001');
  await kit.superQuery(
    `insert into alert_settings (org_id, webhook_url, webhook_secret) values ($1, 'https://a.test/h', 'secret-a-0123456789'), ($2, 'https://b.test/h', 'secret-b-0123456789')`,
    [a.orgId, b.orgId],
  );
});

afterAll(async () => {
  await kit?.close();
});

const count = (table: string) => sql.raw(`select count(*)::int as n from ${table}`);

describe('alert worker scope', () => {
  it('sees every organisation on the schedule and no tenant data', async () => {
    const seen = await kit.server.db.unscoped((d) =>
      d.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.scope', 'alert_worker', true)`);
        const out: Record<string, number> = {};
        for (const table of [
          'alert_schedule',
          'alert_settings',
          'alerts',
          'webhook_deliveries',
          'devices',
          'organisations',
        ]) {
          out[table] = (await rowsOf<{ n: number }>(tx, count(table)))[0]!.n;
        }
        return out;
      }),
    );
    expect(seen).toEqual({
      alert_schedule: 2,
      alert_settings: 0,
      alerts: 0,
      webhook_deliveries: 0,
      devices: 0,
      organisations: 0,
    });
  });

  it("a tenant transaction sees its own schedule row only, and cannot write another's", async () => {
    const rows = await kit.server.db.withTenant(a.orgId, (tx) =>
      rowsOf<{ org_id: string }>(tx, sql`select org_id from alert_schedule`),
    );
    expect(rows).toEqual([{ org_id: a.orgId }]);
    const updated = await kit.server.db.withTenant(a.orgId, (tx) =>
      rowsOf(tx, sql`update alert_schedule set deliver_at = now() where org_id = ${b.orgId}::uuid returning 1`),
    );
    expect(updated).toEqual([]);
  });
});
