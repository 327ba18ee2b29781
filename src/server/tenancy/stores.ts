// Stores (sucursales) of the caller's organisation. Queries carry no organisation filter on purpose where RLS
// already scopes them; inserts name the organisation because the row must hold it (RLS checks it matches).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../shared/sync/storable';
import { stores } from '../db/schema';
import { sqlStateOf } from '../db/sql-error';
import { isoUtc } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';

export const createStoreSchema = z
  .object({
    /** The DGI branch code (codigoSucursalEmisor) the store's registers use. */
    code: z.string().regex(/^[A-Za-z0-9]{4}$/, { error: 'must be the 4-character DGI branch code' }),
    name: z.string().trim().min(1).max(200).refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE }),
  })
  .strict();
export type CreateStore = z.infer<typeof createStoreSchema>;

export interface StoreView {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

const storeColumns = { id: stores.id, code: stores.code, name: stores.name, createdAt: isoUtc(stores.createdAt) };

export class StoreCodeTakenError extends Error {
  override readonly name = 'StoreCodeTakenError';
}

export async function createStore(db: TenantDatabase, orgId: string, input: CreateStore): Promise<StoreView> {
  return db.withTenant(orgId, async (tx) => {
    const [taken] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.code, input.code)).limit(1);
    if (taken) throw new StoreCodeTakenError(`Store code ${input.code} already exists`);
    try {
      const [row] = await tx
        .insert(stores)
        .values({ orgId, code: input.code, name: input.name })
        .returning(storeColumns);
      if (!row) throw new Error('Store insert returned nothing');
      return row;
    } catch (error) {
      // Two requests creating the same code at once: both passed the check above, the unique index decides.
      if (sqlStateOf(error) === '23505') throw new StoreCodeTakenError(`Store code ${input.code} already exists`);
      throw error;
    }
  });
}

export async function listStores(db: TenantDatabase, orgId: string): Promise<StoreView[]> {
  return db.withTenant(orgId, (tx) => tx.select(storeColumns).from(stores).orderBy(stores.code));
}
