// Head-office administration (admin key): stores, enrolment codes, registers and their revocation. Every lookup by
// id runs in the caller's RLS scope, so another organisation's ids answer 404 exactly like ids that do not exist.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400, sendError } from '../http/errors';
import { noQuery } from '../read/query-params';
import { listDevices, revokeDevice } from '../tenancy/devices';
import { createEnrolmentCode, createEnrolmentCodeSchema } from '../tenancy/enrolment';
import { StoreCodeTakenError, createStore, createStoreSchema, listStores } from '../tenancy/stores';

const deviceParams = z.object({ deviceId: z.uuid() });

export function adminRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  const preHandler = guard(db, limiter, 'admin');

  app.get('/v1/admin/stores', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await listStores(db, principalOf(req, 'admin').orgId) };
  });

  app.post('/v1/admin/stores', { preHandler }, async (req, reply) => {
    const body = parseOr400(reply, createStoreSchema, req.body, 'store');
    if (!body) return reply;
    try {
      return reply.code(201).send(await createStore(db, principalOf(req, 'admin').orgId, body));
    } catch (error) {
      if (!(error instanceof StoreCodeTakenError)) throw error;
      sendError(reply, 409, 'store_code_taken', error.message);
      return reply;
    }
  });

  app.post('/v1/admin/enrolment-codes', { preHandler }, async (req, reply) => {
    const body = parseOr400(reply, createEnrolmentCodeSchema, req.body, 'enrolment code request');
    if (!body) return reply;
    const created = await createEnrolmentCode(db, principalOf(req, 'admin').orgId, body);
    if (!created) {
      sendError(reply, 404, 'store_not_found', 'No such store');
      return reply;
    }
    return reply.code(201).send(created);
  });

  app.get('/v1/admin/devices', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await listDevices(db, principalOf(req, 'admin').orgId) };
  });

  app.post('/v1/admin/devices/:deviceId/revoke', { preHandler }, async (req, reply) => {
    const params = deviceParams.safeParse(req.params);
    const revoked = params.success
      ? await revokeDevice(db, principalOf(req, 'admin').orgId, params.data.deviceId)
      : undefined;
    if (!revoked) {
      sendError(reply, 404, 'device_not_found', 'No such register');
      return reply;
    }
    req.log.info({ deviceId: revoked.id }, 'register revoked');
    return revoked;
  });
}
