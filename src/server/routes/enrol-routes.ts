// POST /v1/enrol: the only unauthenticated route; its failures count against the same per-address budget as bad
// tokens, so enrolment codes cannot be guessed at speed (they are 160 random bits anyway).
import type { FastifyInstance } from 'fastify';
import { SYNC_ENROL_PATH, enrolRequestSchema } from '../../shared/sync/enrolment';
import type { FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400, sendError } from '../http/errors';
import { POINT_CLAIMED_ERROR, POINT_CLAIMED_MESSAGE } from '../../shared/sync/point-claim';
import { PointClaimedError, enrolDevice } from '../tenancy/enrolment';

export function enrolRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  app.post(SYNC_ENROL_PATH, async (req, reply) => {
    if (await limiter.refuseIfBlocked(req, reply)) return reply;
    const body = parseOr400(reply, enrolRequestSchema, req.body, 'enrolment request');
    if (!body) return reply;
    const point =
      body.codigoSucursal && body.puntoFacturacion
        ? { codigoSucursal: body.codigoSucursal, puntoFacturacion: body.puntoFacturacion }
        : undefined;
    let enrolled;
    try {
      enrolled = await enrolDevice(db, body.code, body.registerName, point);
    } catch (error) {
      if (!(error instanceof PointClaimedError)) throw error;
      req.log.warn({ ...point }, 'enrolment refused: billing point claimed');
      sendError(reply, 409, POINT_CLAIMED_ERROR, POINT_CLAIMED_MESSAGE);
      return reply;
    }
    if (!enrolled) {
      await limiter.recordFailure(req);
      req.log.warn('enrolment refused');
      sendError(reply, 401, 'invalid_code', 'The enrolment code is unknown, used or expired');
      return reply;
    }
    req.log.info({ deviceId: enrolled.deviceId, storeId: enrolled.storeId }, 'register enrolled');
    return reply.code(201).send(enrolled);
  });
}
