// PostgreSQL schema of the central sync API (drizzle). Every table is tenant-owned: it carries the organisation and
// has a row-level security policy keyed on `app.org_id`, which each request sets for its own transaction
// (tenant-db.ts). RLS is also FORCEd (drizzle/pg custom migration), so even the tables' owner is filtered; the
// API's role has neither SUPERUSER nor BYPASSRLS (provision-role.ts), so a query that forgets the organisation
// filter still sees one tenant only. References between tenant tables include org_id, so a row can never point
// at another tenant's row either; the three event tables (audit entries, document events, documents) check their
// device reference once per statement instead of per row, by triggers (pg migration 0008, decision 0035).
// Migrations: `npx drizzle-kit generate --config drizzle.pg.config.ts`.
import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantPolicy, tz } from './tenant-policy';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  () => [tenantPolicy(sql`id`)],
).enableRLS();

/** Head-office keys (read API, stores, enrolment codes). Only a SHA-256 of the key is kept. */
export const adminKeys = pgTable(
  'admin_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    keyHash: text('key_hash').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    revokedAt: tz('revoked_at'),
  },
  (t) => [uniqueIndex('admin_keys_hash').on(t.keyHash), tenantPolicy(sql`org_id`)],
).enableRLS();

/** Sucursales. `code` is the DGI branch code the registers use (codigoSucursalEmisor). */
export const stores = pgTable(
  'stores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('stores_org_code').on(t.orgId, t.code),
    unique('stores_org_id').on(t.orgId, t.id),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** Registers (devices). The device token is shown once at enrolment; only its SHA-256 is kept. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: tz('revoked_at'),
    lastSeenAt: tz('last_seen_at'),
  },
  (t) => [
    uniqueIndex('devices_token_hash').on(t.tokenHash),
    unique('devices_org_id').on(t.orgId, t.id),
    foreignKey({ name: 'devices_store_fk', columns: [t.orgId, t.storeId], foreignColumns: [stores.orgId, stores.id] }),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** One-time enrolment codes: an admin creates one for a store; a register exchanges it for a device token. */
export const enrolmentCodes = pgTable(
  'enrolment_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    registerName: text('register_name').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: tz('expires_at').notNull(),
    usedAt: tz('used_at'),
    deviceId: uuid('device_id'),
  },
  (t) => [
    uniqueIndex('enrolment_codes_hash').on(t.codeHash),
    foreignKey({
      name: 'enrolment_codes_store_fk',
      columns: [t.orgId, t.storeId],
      foreignColumns: [stores.orgId, stores.id],
    }),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/**
 * The registers' audit trails, append-only (the API role may not UPDATE or DELETE here). Each register's entries
 * form a hash chain (src/shared/audit/audit-chain.ts): `chain_seq` is the register's audit row id, `hash` covers the
 * entry and `prev_hash`; ingest checks both and records what does not hold in audit_chain_breaks.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    storeId: uuid('store_id').notNull(),
    /** The register's sync outbox id: the order in which the register recorded it. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: tz('at').notNull(),
    actor: text('actor').notNull(),
    actorName: text('actor_name'),
    approvedBy: text('approved_by'),
    approvedByName: text('approved_by_name'),
    action: text('action').notNull(),
    documentId: text('document_id'),
    details: jsonb('details').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    receivedAt: tz('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_entries_pk', columns: [t.orgId, t.eventId] }),
    index('audit_entries_chain').on(t.orgId, t.deviceId, t.chainSeq),
    index('audit_entries_at').on(t.orgId, t.at.desc(), t.eventId.desc()),
    index('audit_entries_device_seq').on(t.orgId, t.deviceId, t.seq),
    index('audit_entries_document').on(t.orgId, t.documentId),
    // The latest folios figure per register (alerts/alert-rules.ts), without scanning the trail.
    index('audit_entries_folios')
      .on(t.orgId, t.deviceId, t.chainSeq)
      .where(sql`action = 'hka.folios_checked'`),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/**
 * What did not hold in a register's audit chain when it arrived: an entry whose hash does not match its content
 * (edited), or whose prev_hash is not the hash of the register's previous entry (edited, removed or reordered).
 */
export const auditChainBreaks = pgTable(
  'audit_chain_breaks',
  {
    orgId: uuid('org_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(), // hash_mismatch | link_mismatch
    detectedAt: tz('detected_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_chain_breaks_pk', columns: [t.orgId, t.deviceId, t.chainSeq, t.reason] }),
    foreignKey({
      name: 'audit_chain_breaks_device_fk',
      columns: [t.orgId, t.deviceId],
      foreignColumns: [devices.orgId, devices.id],
    }),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** Every document status snapshot received (history), append-only. */
export const documentEvents = pgTable(
  'document_events',
  {
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    storeId: uuid('store_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    documentId: text('document_id').notNull(),
    status: text('status').notNull(),
    fromStatus: text('from_status'),
    at: tz('at').notNull(),
    tipoDocumento: text('tipo_documento'),
    numero: integer('numero'),
    tipoEmision: text('tipo_emision'),
    /** Exact decimal (money is never a float). */
    total: numeric('total'),
    receivedAt: tz('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'document_events_pk', columns: [t.orgId, t.eventId] }),
    index('document_events_document').on(t.orgId, t.documentId, t.seq),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** Each document's latest known status (projection of document_events, newest register seq wins). */
export const documents = pgTable(
  'documents',
  {
    orgId: uuid('org_id').notNull(),
    documentId: text('document_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    storeId: uuid('store_id').notNull(),
    status: text('status').notNull(),
    statusAt: tz('status_at').notNull(),
    statusSeq: bigint('status_seq', { mode: 'number' }).notNull(),
    tipoDocumento: text('tipo_documento'),
    numero: integer('numero'),
    tipoEmision: text('tipo_emision'),
    total: numeric('total'),
    issuedAt: tz('issued_at').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'documents_pk', columns: [t.orgId, t.documentId] }),
    index('documents_issued').on(t.orgId, t.issuedAt.desc(), t.documentId.desc()),
    index('documents_store_status').on(t.orgId, t.storeId, t.status),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/**
 * Which register issues from which billing point (branch code + punto de facturación). At most one live claim per
 * point in an organisation and per register; a release (head office) keeps the row, with when and by which key.
 */
export const devicePointClaims = pgTable(
  'device_point_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    codigoSucursal: text('codigo_sucursal').notNull(),
    puntoFacturacion: text('punto_facturacion').notNull(),
    deviceId: uuid('device_id').notNull(),
    claimedAt: tz('claimed_at').notNull().defaultNow(),
    releasedAt: tz('released_at'),
    releasedBy: uuid('released_by'),
  },
  (t) => [
    uniqueIndex('device_point_claims_point')
      .on(t.orgId, t.codigoSucursal, t.puntoFacturacion)
      .where(sql`released_at is null`),
    uniqueIndex('device_point_claims_device')
      .on(t.orgId, t.deviceId)
      .where(sql`released_at is null`),
    foreignKey({
      name: 'device_point_claims_device_fk',
      columns: [t.orgId, t.deviceId],
      foreignColumns: [devices.orgId, devices.id],
    }),
    foreignKey({
      name: 'device_point_claims_store_fk',
      columns: [t.orgId, t.storeId],
      foreignColumns: [stores.orgId, stores.id],
    }),
    tenantPolicy(sql`org_id`),
  ],
).enableRLS();

/** Tables the API role may touch, with what it may do (provision-role.ts grants exactly this). */
export const API_GRANTS: Record<string, readonly ('SELECT' | 'INSERT' | 'UPDATE')[]> = {
  organisations: ['SELECT'],
  admin_keys: ['SELECT'],
  stores: ['SELECT', 'INSERT', 'UPDATE'],
  devices: ['SELECT', 'INSERT', 'UPDATE'],
  enrolment_codes: ['SELECT', 'INSERT', 'UPDATE'],
  audit_entries: ['SELECT', 'INSERT'],
  audit_chain_breaks: ['SELECT', 'INSERT'],
  document_events: ['SELECT', 'INSERT'],
  documents: ['SELECT', 'INSERT', 'UPDATE'],
  device_point_claims: ['SELECT', 'INSERT', 'UPDATE'],
  // alert-schema.ts
  alert_schedule: ['SELECT', 'INSERT', 'UPDATE'],
  alert_settings: ['SELECT', 'INSERT', 'UPDATE'],
  alerts: ['SELECT', 'INSERT', 'UPDATE'],
  webhook_deliveries: ['SELECT', 'INSERT', 'UPDATE'],
  console_users: ['SELECT', 'INSERT', 'UPDATE'],
  console_sessions: ['SELECT', 'INSERT', 'UPDATE'],
  catalog_versions: ['SELECT', 'INSERT', 'UPDATE'],
  catalog_products: ['SELECT', 'INSERT', 'UPDATE'],
};
