// Enrolment: head office makes a one-time code for a store; a register exchanges it for its device token. The code
// is consumed by a single conditional UPDATE, so two registers racing with one code cannot both succeed.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseCredential } from '../../shared/sync/credentials';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../shared/sync/storable';
import type { EnrolResponse } from '../../shared/sync/enrolment';
import { POINT_CLAIMED_MESSAGE, type BillingPoint } from '../../shared/sync/point-claim';
import { hashCredential, newCredential } from '../auth/credential-secrets';
import { devices, enrolmentCodes, stores } from '../db/schema';
import { isoUtc } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';
import { claimPointIn } from './point-claims';

/** Enrolment asked for a billing point another register holds: nothing was written, the code stays usable. */
export class PointClaimedError extends Error {
  override readonly name = 'PointClaimedError';
}

export const createEnrolmentCodeSchema = z
  .object({
    storeId: z.uuid(),
    registerName: z.string().trim().min(1).max(100).refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE }),
    /** How long the code stays usable (default 24 h, at most 7 days). */
    ttlHours: z.number().int().min(1).max(168).default(24),
  })
  .strict();

export interface EnrolmentCodeView {
  /** Shown once; only its hash is stored. */
  code: string;
  storeId: string;
  registerName: string;
  expiresAt: string;
}

export async function createEnrolmentCode(
  db: TenantDatabase,
  orgId: string,
  input: z.output<typeof createEnrolmentCodeSchema>,
): Promise<EnrolmentCodeView | undefined> {
  return db.withTenant(orgId, async (tx) => {
    const [store] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, input.storeId));
    if (!store) return undefined;
    const code = newCredential('enrolment', orgId);
    const [row] = await tx
      .insert(enrolmentCodes)
      .values({
        orgId,
        storeId: store.id,
        registerName: input.registerName,
        codeHash: hashCredential(code),
        expiresAt: sql`now() + make_interval(hours => ${input.ttlHours})`,
      })
      .returning({ expiresAt: isoUtc(enrolmentCodes.expiresAt) });
    if (!row) throw new Error('Enrolment code insert returned nothing');
    return { code, storeId: store.id, registerName: input.registerName, expiresAt: row.expiresAt };
  });
}

/**
 * Exchanges a valid, unused, unexpired code for a new device token; undefined otherwise (no reason given). With a
 * billing point, the new register claims it in the same transaction; PointClaimedError when another one holds it.
 */
export async function enrolDevice(
  db: TenantDatabase,
  code: string,
  registerName?: string,
  point?: BillingPoint,
): Promise<EnrolResponse | undefined> {
  const claimed = parseCredential(code);
  if (claimed?.kind !== 'enrolment') return undefined;
  const { orgId } = claimed;
  return db.withTenant(orgId, async (tx) => {
    const deviceId = randomUUID();
    const [used] = await tx
      .update(enrolmentCodes)
      .set({ usedAt: sql`now()`, deviceId })
      .where(
        and(
          eq(enrolmentCodes.codeHash, hashCredential(code)),
          isNull(enrolmentCodes.usedAt),
          gt(enrolmentCodes.expiresAt, sql`now()`),
        ),
      )
      .returning({ storeId: enrolmentCodes.storeId, registerName: enrolmentCodes.registerName });
    if (!used) return undefined;
    const token = newCredential('device', orgId);
    const name = registerName ?? used.registerName;
    await tx
      .insert(devices)
      .values({ id: deviceId, orgId, storeId: used.storeId, name, tokenHash: hashCredential(token) });
    const [store] = await tx
      .select({ code: stores.code, name: stores.name })
      .from(stores)
      .where(eq(stores.id, used.storeId));
    if (!store) throw new Error('Enrolment code points to a missing store');
    if (point && (await claimPointIn(tx, { orgId, deviceId, storeId: used.storeId }, point)) === 'taken') {
      throw new PointClaimedError(POINT_CLAIMED_MESSAGE); // rolls the whole enrolment back
    }
    return {
      deviceId,
      orgId,
      storeId: used.storeId,
      storeCode: store.code,
      storeName: store.name,
      registerName: name,
      token,
    };
  });
}
