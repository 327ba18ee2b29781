// Who is calling: resolved from the bearer credential inside the organisation it names, so the lookup itself is
// tenant-scoped (a forged organisation id finds no matching hash) and revocation takes effect on the next request.
import { and, eq, isNull } from 'drizzle-orm';
import { parseCredential } from '../../shared/sync/credentials';
import { adminKeys, devices } from '../db/schema';
import type { TenantDatabase } from '../db/tenant-db';
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
  return db.withTenant(orgId, async (tx): Promise<Principal | undefined> => {
    if (expected === 'device') {
      const [device] = await tx
        .select({ id: devices.id, storeId: devices.storeId })
        .from(devices)
        .where(and(eq(devices.tokenHash, hash), isNull(devices.revokedAt)))
        .limit(1);
      return device && { kind: 'device', orgId, deviceId: device.id, storeId: device.storeId };
    }
    const [key] = await tx
      .select({ id: adminKeys.id })
      .from(adminKeys)
      .where(and(eq(adminKeys.keyHash, hash), isNull(adminKeys.revokedAt)))
      .limit(1);
    return key && { kind: 'admin', orgId, keyId: key.id, role: 'owner' };
  });
}
