// Billing-point claims: a register claims its point (device token); head office lists and releases claims (admin
// key). The contract is src/shared/sync/point-claim.ts; the register side is built against exactly it.
import type { FastifyInstance } from 'fastify';
import {
  POINT_CLAIM_PATH,
  POINT_CLAIMED_ERROR,
  POINT_CLAIMED_MESSAGE,
  billingPointSchema,
} from '../../shared/sync/point-claim';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400, sendError } from '../http/errors';
import { noQuery } from '../read/query-params';
import { claimPoint, listPointClaims, releasePointClaim } from '../tenancy/point-claims';

export function pointClaimRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  app.post(POINT_CLAIM_PATH, { preHandler: guard(db, limiter, 'device') }, async (req, reply) => {
    const device = principalOf(req, 'device');
    const point = parseOr400(reply, billingPointSchema, req.body, 'billing point');
    if (!point) return reply;
    const outcome = await claimPoint(db, device, point);
    if (outcome === 'taken') {
      req.log.warn({ deviceId: device.deviceId, ...point }, 'billing point claim refused');
      sendError(reply, 409, POINT_CLAIMED_ERROR, POINT_CLAIMED_MESSAGE);
      return reply;
    }
    if (outcome === 'claimed') req.log.info({ deviceId: device.deviceId, ...point }, 'billing point claimed');
    return { claimed: true };
  });

  const admin = guard(db, limiter, 'admin');

  app.get('/v1/admin/point-claims', { preHandler: admin }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await listPointClaims(db, principalOf(req, 'admin').orgId) };
  });

  app.post('/v1/admin/point-claims/release', { preHandler: admin }, async (req, reply) => {
    const key = principalOf(req, 'admin');
    const point = parseOr400(reply, billingPointSchema, req.body, 'billing point');
    if (!point) return reply;
    const released = await releasePointClaim(db, key.orgId, point, key.keyId);
    if (!released) {
      sendError(reply, 404, 'claim_not_found', 'No register holds this billing point');
      return reply;
    }
    // The operator's record of who freed which point from which register (the row keeps it too).
    req.log.info(
      { orgId: key.orgId, adminKeyId: key.keyId, deviceId: released.deviceId, ...point },
      'billing point released',
    );
    return { released: true, deviceId: released.deviceId };
  });
}
