// Head office's own tables in the central database (drizzle): the console's users and their sessions, and the
// catalogue head office publishes to its registers. Tenant-owned like every table (schema.ts explains the policy).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './schema';
import { createdAt, tenantPolicy, tz } from './tenant-policy';

/**
 * Head-office people who sign in to the console with a login and password (besides admin keys). `role`: owner (all
 * that an admin key may do) or accountant (reads only: the guard refuses anything but GET). Only a scrypt hash of
 * the password is kept; a disabled user can no longer sign in and their sessions stop working at once.
 */
export const consoleUsers = pgTable(
  'console_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(), // owner | accountant
    createdAt: createdAt(),
    disabledAt: tz('disabled_at'),
  },
  (t) => [
    unique('console_users_org_login').on(t.orgId, t.login),
    unique('console_users_org_id').on(t.orgId, t.id),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** A signed-in console user's session token (`sgu.<org>.<secret>`, only its SHA-256 kept), valid until `expires_at`. */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: tz('expires_at').notNull(),
    endedAt: tz('ended_at'),
  },
  (t) => [
    uniqueIndex('console_sessions_token_hash').on(t.tokenHash),
    foreignKey({
      name: 'console_sessions_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [consoleUsers.orgId, consoleUsers.id],
    }),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** Each organisation's catalogue version: the last one given to a change (rows are locked while a write takes the next). */
export const catalogVersions = pgTable(
  'catalog_versions',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organisations.id),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  () => [tenantPolicy(sql`org_id`)],
).enableRLS();

/**
 * Head office's catalogue (products, prices, ITBMS rate codes), keyed by product code. `version` is the catalogue
 * version of the row's last change: registers pull rows after the (version, code) they last applied.
 */
export const catalogProducts = pgTable(
  'catalog_products',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    codigo: text('codigo').notNull(),
    barcode: text('barcode'),
    descripcion: text('descripcion').notNull(),
    unidad: text('unidad').notNull(),
    /** Exact decimal, unit price before ITBMS; unconstrained numeric keeps the scale it was given ("1.50"). */
    precio: numeric('precio').notNull(),
    tasaItbms: text('tasa_itbms').notNull(),
    codigoCPBS: text('codigo_cpbs'),
    unidadMedidaCPBS: text('unidad_medida_cpbs'),
    requiereLote: boolean('requiere_lote').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: bigint('version', { mode: 'number' }).notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    /** The admin key that made the last change. */
    updatedBy: uuid('updated_by').notNull(),
  },
  (t) => [
    primaryKey({ name: 'catalog_products_pk', columns: [t.orgId, t.codigo] }),
    index('catalog_products_version').on(t.orgId, t.version, t.codigo),
    uniqueIndex('catalog_products_barcode')
      .on(t.orgId, t.barcode)
      .where(sql`barcode is not null`),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();
