// Registers of the caller's organisation: list and revoke. Revocation is immediate (tokens are checked against the
// database on every request) and permanent; a revoked register enrols again with a new code.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { devices, stores } from '../db/schema';
import { isoUtc, isoUtcOrNull } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';

export interface DeviceView {
  id: string;
  name: string;
  storeId: string;
  storeCode: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export async function listDevices(db: TenantDatabase, orgId: string): Promise<DeviceView[]> {
  return db.withTenant(orgId, (tx) =>
    tx
      .select({
        id: devices.id,
        name: devices.name,
        storeId: devices.storeId,
        storeCode: stores.code,
        createdAt: isoUtc(devices.createdAt),
        revokedAt: isoUtcOrNull(devices.revokedAt),
        lastSeenAt: isoUtcOrNull(devices.lastSeenAt),
      })
      .from(devices)
      .innerJoin(stores, eq(stores.id, devices.storeId))
      .orderBy(stores.code, devices.name),
  );
}

/** Revokes the register's token; undefined when no such register exists in the organisation. */
export async function revokeDevice(
  db: TenantDatabase,
  orgId: string,
  deviceId: string,
): Promise<{ id: string; revokedAt: string } | undefined> {
  return db.withTenant(orgId, async (tx) => {
    await tx
      .update(devices)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(devices.id, deviceId), isNull(devices.revokedAt)));
    const [row] = await tx
      .select({ id: devices.id, revokedAt: isoUtcOrNull(devices.revokedAt) })
      .from(devices)
      .where(eq(devices.id, deviceId));
    return row?.revokedAt ? { id: row.id, revokedAt: row.revokedAt } : undefined;
  });
}
