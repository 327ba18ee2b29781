// Tables of the documents search by customer (issue 17): kept by triggers of migrations 0009 and 0014, read by
// src/core/app/customer-search.ts. Only the triggers write them, so every writer (capture, renumbering, restores,
// seeding) keeps them right.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * What the documents search matches by customer: the receptor's name and RUC/cédula of each document that has one
 * (migration 0009), the distinct customer it belongs to and the document's created_at (migration 0014), so the
 * documents of a customer are read newest first from an index. key_id and created_at are set by a trigger on every
 * insert (nullable only because SQLite adds columns that way).
 */
export const documentSearch = sqliteTable(
  'document_search',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    documentId: text('document_id').notNull(),
    nombre: text('nombre'),
    ruc: text('ruc'),
    keyId: integer('key_id'),
    createdAt: text('created_at'),
  },
  (t) => [
    uniqueIndex('document_search_document').on(t.documentId),
    // One customer's documents newest first (a full name, a RUC: few customers, many documents each).
    index('document_search_key_created').on(t.keyId, t.createdAt, t.documentId),
    // Every named document newest first, testing the customer (a common word: many customers).
    index('document_search_created').on(t.createdAt, t.documentId, t.keyId),
  ],
);

/**
 * The distinct customers (name, RUC/cédula) documents were issued to, with how many documents each has (n). A shop has
 * a few thousand customers whatever its history's length, so the FTS5 trigram index over this table
 * (document_search_keys_fts, migration 0014's SQL: drizzle has no virtual tables) costs the same after a year as after
 * a week, unlike one over every document (decision 0034).
 */
export const documentSearchKeys = sqliteTable(
  'document_search_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nombre: text('nombre'),
    ruc: text('ruc'),
    n: integer('n').notNull().default(0),
  },
  (t) => [index('document_search_keys_value').on(t.nombre, t.ruc)],
);
