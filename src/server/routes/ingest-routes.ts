// POST /v1/sync/events: a register pushes a batch (device token). 200 with the per-event verdicts even when some
// events were rejected; 400 only when the envelope itself is unusable (not an object, no events, more than 500).
import type { FastifyInstance } from 'fastify';
import { SYNC_BODY_LIMIT_BYTES, SYNC_INGEST_PATH, syncBatchRequestSchema } from '../../shared/sync/batch';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400 } from '../http/errors';
import { ingestBatch } from '../ingest/ingest-batch';

export function ingestRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  app.post(
    SYNC_INGEST_PATH,
    { bodyLimit: SYNC_BODY_LIMIT_BYTES, preHandler: guard(db, limiter, 'device') },
    async (req, reply) => {
      const device = principalOf(req, 'device');
      const body = parseOr400(reply, syncBatchRequestSchema, req.body, 'batch');
      if (!body) return reply;
      const result = await ingestBatch(db, device, body.events);
      req.log.info(
        {
          deviceId: device.deviceId,
          received: result.received,
          stored: result.stored,
          duplicates: result.duplicates,
          rejected: result.rejected.length,
        },
        'batch ingested',
      );
      return result;
    },
  );
}
