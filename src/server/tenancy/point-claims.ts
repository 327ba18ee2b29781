// Billing-point claims (src/shared/sync/point-claim.ts): one live claim per (organisation, branch code, point) and
// per register, enforced by two partial unique indexes, so two registers racing for one point cannot both win. A
// register claiming another point gives up its previous one (it was reconfigured); the same claim again is a no-op.
// Head office releases a claim (the row stays, with when and by which admin key) so a replacement register can take it.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { BillingPoint } from '../../shared/sync/point-claim';
import { devicePointClaims, devices, stores } from '../db/schema';
import { sqlStateOf } from '../db/sql-error';
import { isoUtc } from '../db/sql-helpers';
import type { TenantDatabase, TenantTx } from '../db/tenant-db';

export type ClaimOutcome = 'claimed' | 'already_mine' | 'taken';

interface Claimant {
  orgId: string;
  deviceId: string;
  storeId: string;
}

const live = (orgId: string, point: BillingPoint) =>
  and(
    eq(devicePointClaims.orgId, orgId),
    eq(devicePointClaims.codigoSucursal, point.codigoSucursal),
    eq(devicePointClaims.puntoFacturacion, point.puntoFacturacion),
    isNull(devicePointClaims.releasedAt),
  );

/** Inside the caller's tenant transaction (enrolment claims in the same transaction as the new device). */
export async function claimPointIn(tx: TenantTx, who: Claimant, point: BillingPoint): Promise<ClaimOutcome> {
  const [holder] = await tx
    .select({ deviceId: devicePointClaims.deviceId })
    .from(devicePointClaims)
    .where(live(who.orgId, point));
  if (holder) return holder.deviceId === who.deviceId ? 'already_mine' : 'taken';
  try {
    // A savepoint: losing a race on the unique index must not abort the caller's transaction.
    await tx.transaction(async (sp) => {
      await sp
        .update(devicePointClaims)
        .set({ releasedAt: sql`now()` })
        .where(and(eq(devicePointClaims.deviceId, who.deviceId), isNull(devicePointClaims.releasedAt)));
      await sp
        .insert(devicePointClaims)
        .values({ orgId: who.orgId, storeId: who.storeId, deviceId: who.deviceId, ...point });
    });
    return 'claimed';
  } catch (error) {
    if (sqlStateOf(error) === '23505') return 'taken'; // unique_violation: another register claimed it meanwhile
    throw error;
  }
}

export function claimPoint(db: TenantDatabase, who: Claimant, point: BillingPoint): Promise<ClaimOutcome> {
  return db.withTenant(who.orgId, (tx) => claimPointIn(tx, who, point));
}

export interface PointClaimView extends BillingPoint {
  deviceId: string;
  deviceName: string;
  storeId: string;
  storeCode: string;
  claimedAt: string;
}

/** The organisation's live claims, by branch and point. */
export function listPointClaims(db: TenantDatabase, orgId: string): Promise<PointClaimView[]> {
  return db.withTenant(orgId, (tx) =>
    tx
      .select({
        codigoSucursal: devicePointClaims.codigoSucursal,
        puntoFacturacion: devicePointClaims.puntoFacturacion,
        deviceId: devicePointClaims.deviceId,
        deviceName: devices.name,
        storeId: devicePointClaims.storeId,
        storeCode: stores.code,
        claimedAt: isoUtc(devicePointClaims.claimedAt),
      })
      .from(devicePointClaims)
      .innerJoin(devices, eq(devices.id, devicePointClaims.deviceId))
      .innerJoin(stores, eq(stores.id, devicePointClaims.storeId))
      .where(isNull(devicePointClaims.releasedAt))
      .orderBy(devicePointClaims.codigoSucursal, devicePointClaims.puntoFacturacion),
  );
}

/** Releases the live claim of `point`; returns the register that held it, or undefined when nobody did. */
export async function releasePointClaim(
  db: TenantDatabase,
  orgId: string,
  point: BillingPoint,
  adminKeyId: string,
): Promise<{ deviceId: string } | undefined> {
  return db.withTenant(orgId, async (tx) => {
    const [row] = await tx
      .update(devicePointClaims)
      .set({ releasedAt: sql`now()`, releasedBy: adminKeyId })
      .where(live(orgId, point))
      .returning({ deviceId: devicePointClaims.deviceId });
    return row;
  });
}
