// Creating an organisation (and adding admin keys) is the platform operator's job: `npm run server -- create-org
// "Name"`. The writes are the schema owner's functions (drizzle/pg 0004): the CLI calls them as the owner; while a
// PGlite server holds the data folder, the CLI asks that server (loopback system routes), which calls them as the
// API role. One implementation for both, through whichever runner the caller has.
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../shared/sync/storable';
import { hashCredential, newCredential } from '../auth/credential-secrets';
import type { OwnerConnection } from '../db/owner-connection';
import { rowsOf, type TenantDatabase } from '../db/tenant-db';

/** Runs one parameterised statement and returns its rows. */
export type OperatorRunner = (query: SQL) => Promise<Record<string, unknown>[]>;

const dialect = new PgDialect();

export function ownerRunner(owner: Pick<OwnerConnection, 'query'>): OperatorRunner {
  return (query) => {
    const compiled = dialect.sqlToQuery(query);
    return owner.query(compiled.sql, compiled.params);
  };
}

/** The API role's connection (PGlite server's system routes only: the role may run the functions there). */
export function apiRunner(db: TenantDatabase): OperatorRunner {
  return (query) => db.unscoped((d) => rowsOf(d, query));
}

export const organisationNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE });
export const keyLabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE });

export class UnknownOrganisationError extends Error {
  override readonly name = 'UnknownOrganisationError';
}

export interface CreatedOrganisation {
  orgId: string;
  /** Shown once; only its hash is stored. */
  adminKey: string;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${what} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}

export async function createOrganisation(
  runner: OperatorRunner | Pick<OwnerConnection, 'query'>,
  name: string,
  keyLabel = 'initial',
): Promise<CreatedOrganisation> {
  const run = typeof runner === 'function' ? runner : ownerRunner(runner);
  const orgName = parsed(organisationNameSchema, name, 'Organisation name');
  const label = parsed(keyLabelSchema, keyLabel, 'Key label');
  const orgId = randomUUID();
  const adminKey = newCredential('admin', orgId);
  await run(sql`select sago_create_organisation(${orgId}::uuid, ${orgName}, ${hashCredential(adminKey)}, ${label})`);
  return { orgId, adminKey };
}

/** Another admin key for an existing organisation (e.g. a second head-office system). */
export async function addAdminKey(
  runner: OperatorRunner | Pick<OwnerConnection, 'query'>,
  orgId: string,
  label: string,
): Promise<string> {
  const run = typeof runner === 'function' ? runner : ownerRunner(runner);
  const id = parsed(z.uuid(), orgId, 'Organisation id');
  const keyLabel = parsed(keyLabelSchema, label, 'Key label');
  const adminKey = newCredential('admin', id);
  const [row] = await run(
    sql`select sago_add_admin_key(${id}::uuid, ${hashCredential(adminKey)}, ${keyLabel}) as added`,
  );
  if (row?.['added'] !== true) throw new UnknownOrganisationError(`Unknown organisation ${id}`);
  return adminKey;
}
