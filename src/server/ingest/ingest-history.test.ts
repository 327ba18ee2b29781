// The one-statement store reads what one batch needs, however long the register's history: the ownership check looks
// up the batch's documents by key and the chain check looks up the stored neighbours by chain_seq. Planned as joins,
// both once read every document of the organisation and every entry of the register, per batch (decision 0032).
// Counted as the rows the statement's scans of stored tables return (EXPLAIN ANALYZE), a figure of the data, not of
// the clock.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncTestServer, type EnrolledRegister, type SyncTestServer } from '../../../tests/fixtures/pg-test-db';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';
import { openTenantDatabase, rowsOf, type TenantDatabase } from '../db/tenant-db';
import { ingestStatement, storeEvents, type DeviceRef } from './store-events';

let kit: SyncTestServer;
let db: TenantDatabase;
let till: EnrolledRegister;
let who: DeviceRef;
let seq = 0;
const trail = auditChain();

/** `documents` sales: for each, its capture audit entry and its QUEUED snapshot. */
function sales(documents: number): { audit: AuditEvent[]; statuses: DocumentStatusEvent[] } {
  const audit: AuditEvent[] = [];
  const statuses: DocumentStatusEvent[] = [];
  for (let i = 0; i < documents; i++) {
    const documentId = randomUUID();
    const at = `2026-12-05T15:00:${String(i % 60).padStart(2, '0')}.000Z`;
    audit.push({
      eventId: randomUUID(),
      seq: ++seq,
      kind: 'audit',
      payload: trail.next({ at, documentId, details: { total: '1.00' } }),
    });
    statuses.push({
      eventId: randomUUID(),
      seq: ++seq,
      kind: 'document_status',
      payload: { documentId, status: 'QUEUED', at, total: '1.00' },
    });
  }
  return { audit, statuses };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  /** Per loop, rounded. */
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of `tables` read (returned or filtered out), over all their loops (give or take rounding). */
function scannedRows(node: PlanNode, tables: readonly string[]): number {
  const own =
    node['Node Type'].includes('Scan') && tables.includes(node['Relation Name'] ?? '')
      ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + scannedRows(child, tables), 0);
}

/** Stores a batch with its statement run under EXPLAIN ANALYZE; answers the plan. */
async function storeExplained(batch: ReturnType<typeof sales>): Promise<PlanNode> {
  const [row] = await db.withTenant(who.orgId, (tx) =>
    rowsOf<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      tx,
      sql`explain (analyze, format json) ${ingestStatement(who, batch.audit, batch.statuses, 'first-time')}`,
    ),
  );
  return row!['QUERY PLAN'][0].Plan;
}

beforeAll(async () => {
  kit = await startSyncTestServer();
  const tenant = await kit.createTenant('Super Historia');
  till = await kit.enrolRegister(tenant, '0001');
  who = { orgId: tenant.orgId, deviceId: till.deviceId, storeId: till.storeId };
  db = await openTenantDatabase(kit.database.config);
});

afterAll(async () => {
  await db?.close();
  await kit?.close();
});

describe('one batch against a long history', () => {
  it('reads the stored rows next to the batch only, not the register history nor the organisation documents', async () => {
    for (let i = 0; i < 4; i++) {
      const history = sales(250);
      await db.withTenant(who.orgId, (tx) => storeEvents(tx, who, history.audit, history.statuses));
    }
    const plan = await storeExplained(sales(20));
    // At most the two entries around the batch (one is stored: the history's last); the batch's documents are new.
    expect(scannedRows(plan, ['audit_entries'])).toBeLessThanOrEqual(2);
    expect(scannedRows(plan, ['documents'])).toBe(0);
    const [stored] = await kit.superQuery<{ n: number }>(
      'select count(*)::int as n from audit_entries where device_id = $1',
      [till.deviceId],
    );
    expect(stored).toEqual({ n: 1_020 });
  });
});
