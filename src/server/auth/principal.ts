// Who is calling: resolved from the bearer credential inside the organisation it names, so the lookup itself is
// tenant-scoped (a forged organisation id finds no matching hash) and revocation takes effect on the next request.
// A device token, looked up before every batch a register pushes, is resolved in one round trip by a SQL function
// (pg migration 0009, decision 0042); an admin key in a tenant transaction of its own.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { parseCredential } from '../../shared/sync/credentials';
import { adminKeys } from '../db/schema';
import { rowsOf, type TenantDatabase } from '../db/tenant-db';
import { sessionUser, type ConsoleRole } from '../tenancy/console-users';
import { hashCredential } from './credential-secrets';

export type Principal =
  | { kind: 'device'; orgId: string; deviceId: string; storeId: string }
  /**
   * Head office: an admin key (role owner) or a signed-in console user. `keyId` is the admin key's id or the user's
   * id (whoever acted, for the records); an accountant may only read (the guard refuses other methods).
   */
  | { kind: 'admin'; orgId: string; keyId: string; role: ConsoleRole };

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([!-~]{1,300})$/.exec(header ?? '');
  return match?.[1];
}

export async function resolvePrincipal(
  db: TenantDatabase,
  raw: string,
  expected: Principal['kind'],
): Promise<Principal | undefined> {
  const claimed = parseCredential(raw);
  if (claimed?.kind === 'user' && expected === 'admin') {
    const user = await sessionUser(db, claimed.orgId, raw);
    return user && { kind: 'admin', orgId: claimed.orgId, keyId: user.userId, role: user.role };
  }
  if (!claimed || claimed.kind !== expected) return undefined;
  const hash = hashCredential(raw);
  const { orgId } = claimed;
  if (expected === 'device') return deviceByToken(db, orgId, hash);
  return db.withTenant(orgId, async (tx): Promise<Principal | undefined> => {
    const [key] = await tx
      .select({ id: adminKeys.id })
      .from(adminKeys)
      .where(and(eq(adminKeys.keyHash, hash), isNull(adminKeys.revokedAt)))
      .limit(1);
    return key && { kind: 'admin', orgId, keyId: key.id, role: 'owner' };
  });
}

/**
 * The device whose token hashes to `hash` among organisation `orgId`'s registers, not revoked: one statement, outside
 * any transaction of ours (sago_device_by_token scopes its own statement to the organisation, under row-level security). `orgId` is a lowercase UUID (parseCredential's pattern).
 */
async function deviceByToken(db: TenantDatabase, orgId: string, hash: string): Promise<Principal | undefined> {
  const [device] = await db.unscoped((runner) =>
    rowsOf<{ org_id: string; device_id: string; store_id: string }>(
      runner,
      sql`select org_id, device_id, store_id from sago_device_by_token(${orgId}::uuid, ${hash})`,
    ),
  );
  return device && { kind: 'device', orgId: device.org_id, deviceId: device.device_id, storeId: device.store_id };
}
