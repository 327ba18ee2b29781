// The central catalogue (src/shared/sync/catalog.ts): head office writes and lists it with an admin key; a register
// pulls the changes after its position with its device token. Every malformed body or query is a 400 naming it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ADMIN_CATALOG_IMPORT_PATH,
  ADMIN_CATALOG_PATH,
  CATALOG_BATCH_MAX,
  CATALOG_CHANGES_PATH,
  catalogWriteSchema,
  type CatalogWriteResponse,
} from '../../shared/sync/catalog';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400, sendError } from '../http/errors';
import { limitParam, textParam } from '../read/query-params';
import { readCatalogCsv } from '../tenancy/catalog-csv';
import { BarcodeTakenError, CatalogBatchError, catalogChanges, listCatalog, writeCatalog } from '../tenancy/catalog';

const changesQuery = z
  .object({
    since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    after: z.union([z.literal(''), textParam(20)]).default(''),
    limit: z.coerce.number().int().min(1).max(CATALOG_BATCH_MAX).default(CATALOG_BATCH_MAX),
  })
  .strict();

const importBody = z
  .object({
    csv: z
      .string()
      .min(1)
      .max(4 * 1024 * 1024),
  })
  .strict();

const listQuery = z.object({ after: textParam(20).optional(), limit: limitParam }).strict();

/** Runs a catalogue write and answers it: the new version, or why nothing was written. */
async function written(
  req: FastifyRequest,
  reply: FastifyReply,
  key: { orgId: string; keyId: string },
  write: () => Promise<CatalogWriteResponse>,
): Promise<CatalogWriteResponse | FastifyReply> {
  try {
    const result = await write();
    req.log.info(
      { orgId: key.orgId, adminKeyId: key.keyId, version: result.version, changed: result.changed },
      'catalogue written',
    );
    return result;
  } catch (error) {
    if (error instanceof CatalogBatchError) {
      sendError(reply, 400, 'invalid_request', 'Invalid catalogue write', [
        { path: error.path, message: error.message },
      ]);
      return reply;
    }
    if (error instanceof BarcodeTakenError) {
      sendError(reply, 409, 'barcode_taken', error.message);
      return reply;
    }
    throw error;
  }
}

export function catalogRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  const admin = guard(db, limiter, 'admin');

  // 500 products are about 150 KiB of JSON: more than the 64 KiB every other admin route allows.
  app.post(ADMIN_CATALOG_PATH, { preHandler: admin, bodyLimit: 1024 * 1024 }, async (req, reply) => {
    const key = principalOf(req, 'admin');
    const body = parseOr400(reply, catalogWriteSchema, req.body, 'catalogue write');
    if (!body) return reply;
    return written(req, reply, key, () => writeCatalog(db, key.orgId, key.keyId, body.products));
  });

  // A price list in the register's CSV format, as JSON `{ csv }`: all rows or none.
  app.post(ADMIN_CATALOG_IMPORT_PATH, { preHandler: admin, bodyLimit: 5 * 1024 * 1024 }, async (req, reply) => {
    const key = principalOf(req, 'admin');
    const body = parseOr400(reply, importBody, req.body, 'catalogue import');
    if (!body) return reply;
    const file = readCatalogCsv(body.csv);
    if (!file.ok) {
      sendError(
        reply,
        400,
        'invalid_csv',
        'The price list has rows that cannot be imported; nothing was imported',
        file.issues,
      );
      return reply;
    }
    return written(req, reply, key, () => writeCatalog(db, key.orgId, key.keyId, file.products, file.keep));
  });

  app.get(ADMIN_CATALOG_PATH, { preHandler: admin }, async (req, reply) => {
    const query = parseOr400(reply, listQuery, req.query, 'query');
    if (!query) return reply;
    return listCatalog(db, principalOf(req, 'admin').orgId, query.after, query.limit);
  });

  app.get(CATALOG_CHANGES_PATH, { preHandler: guard(db, limiter, 'device') }, async (req, reply) => {
    const query = parseOr400(reply, changesQuery, req.query, 'query');
    if (!query) return reply;
    return catalogChanges(
      db,
      principalOf(req, 'device').orgId,
      { since: query.since, after: query.after },
      query.limit,
    );
  });
}
