// Report rollup tables of the register (issue 17, decision 0023), kept by migration 0011's triggers.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Report rollups (issue 17, migration 0011): per hour of created_at ('hour', what X/Z reports add up) and per day of
 * fecha_emision ('day', the sales report), the documents' totals by status, type and emission: count and Σ total
 * ('doc'), change given ('vuelto'), Σ ITBMS ('itbms'), base and ITBMS per rate ('base' / 'rate_itbms', key = rate) and
 * payments per tender ('pay', key = forma de pago, n = documents paying with it). Amounts in integer cents. Only the
 * triggers of migration 0011 write it, so every writer (capture, queue, annulment, restore, seeding) keeps it right.
 */
export const documentRollups = sqliteTable(
  'document_rollups',
  {
    kind: text('kind').notNull(),
    bucket: text('bucket').notNull(),
    status: text('status').notNull(),
    tipoDocumento: text('tipo_documento').notNull(),
    tipoEmision: text('tipo_emision').notNull(),
    metric: text('metric').notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.bucket, t.status, t.tipoDocumento, t.tipoEmision, t.metric, t.key] })],
);

/**
 * Sales by product per day of fecha_emision, status and document type (issue 17, migration 0011): the sales report's
 * product lines without reading a month of items. key is the product code, or NUL + description for lines without
 * one (as the report groups them); descripcion is the first one seen. Quantities in millionths, amounts in cents.
 */
export const productRollups = sqliteTable(
  'product_rollups',
  {
    day: text('day').notNull(),
    status: text('status').notNull(),
    tipoDocumento: text('tipo_documento').notNull(),
    key: text('key').notNull(),
    codigo: text('codigo'),
    descripcion: text('descripcion').notNull(),
    n: integer('n').notNull(),
    cantidad: integer('cantidad').notNull(),
    base: integer('base').notNull(),
    itbms: integer('itbms').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.status, t.tipoDocumento, t.key] })],
);

/**
 * product_rollups added up per month of fecha_emision ('YYYY-MM'; migration 0012, decision 0031): a month's sales
 * report reads one row per product and status instead of one per product, status and day. Kept by triggers on
 * product_rollups itself (every change there adds its difference here), so it never disagrees with the days.
 */
export const productMonthRollups = sqliteTable(
  'product_month_rollups',
  {
    month: text('month').notNull(),
    status: text('status').notNull(),
    tipoDocumento: text('tipo_documento').notNull(),
    key: text('key').notNull(),
    codigo: text('codigo'),
    descripcion: text('descripcion').notNull(),
    n: integer('n').notNull(),
    cantidad: integer('cantidad').notNull(),
    base: integer('base').notNull(),
    itbms: integer('itbms').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.status, t.tipoDocumento, t.key] })],
);

/**
 * product_rollups added up per dekad of fecha_emision (days 1–10, 11–20, 21–end; `dekad` is its first day,
 * 'YYYY-MM-01' / '-11' / '-21'; migration 0013, decision 0033): a window that is not whole months (30 days across
 * two months, a week, a quarter) reads whole dekads and at most ~5 days at each end instead of up to half a month of
 * days. Kept by triggers on product_rollups like the months, so it always equals its days added up.
 */
export const productDekadRollups = sqliteTable(
  'product_dekad_rollups',
  {
    dekad: text('dekad').notNull(),
    status: text('status').notNull(),
    tipoDocumento: text('tipo_documento').notNull(),
    key: text('key').notNull(),
    codigo: text('codigo'),
    descripcion: text('descripcion').notNull(),
    n: integer('n').notNull(),
    cantidad: integer('cantidad').notNull(),
    base: integer('base').notNull(),
    itbms: integer('itbms').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dekad, t.status, t.tipoDocumento, t.key] })],
);
