// Console users: sign-in (login + password → session token), sign-out, and the owners' management of users
// (list, create, disable). Creating and disabling are writes, so the guard already refuses them to accountants.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bearerToken } from '../auth/principal';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400, sendError } from '../http/errors';
import { noQuery } from '../read/query-params';
import {
  LoginTakenError,
  createConsoleUser,
  createUserSchema,
  disableConsoleUser,
  endSession,
  listConsoleUsers,
  signIn,
  signInSchema,
} from '../tenancy/console-users';

const userParams = z.object({ userId: z.uuid() });

export function userRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  const preHandler = guard(db, limiter, 'admin');

  app.post('/v1/auth/sign-in', async (req, reply) => {
    if (await limiter.refuseIfBlocked(req, reply)) return reply;
    const body = parseOr400(reply, signInSchema, req.body, 'sign-in');
    if (!body) return reply;
    const session = await signIn(db, body);
    if (!session) {
      await limiter.recordFailure(req);
      req.log.warn('console sign-in failed');
      sendError(reply, 401, 'invalid_login', 'Unknown login or wrong password');
      return reply;
    }
    return reply.code(201).send(session);
  });

  app.post('/v1/auth/sign-out', { preHandler: guard(db, limiter, 'admin', { readOnlyMay: true }) }, async (req) => {
    const token = bearerToken(req.headers.authorization);
    if (token?.startsWith('sgu.')) await endSession(db, principalOf(req, 'admin').orgId, token);
    return { signedOut: true };
  });

  app.get('/v1/auth/me', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    const principal = principalOf(req, 'admin');
    return { orgId: principal.orgId, role: principal.role };
  });

  app.get('/v1/admin/users', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await listConsoleUsers(db, principalOf(req, 'admin').orgId) };
  });

  app.post('/v1/admin/users', { preHandler }, async (req, reply) => {
    const body = parseOr400(reply, createUserSchema, req.body, 'user');
    if (!body) return reply;
    try {
      const created = await createConsoleUser(db, principalOf(req, 'admin').orgId, body);
      req.log.info(
        { userId: created.id, role: created.role, by: principalOf(req, 'admin').keyId },
        'console user created',
      );
      return reply.code(201).send(created);
    } catch (error) {
      if (!(error instanceof LoginTakenError)) throw error;
      sendError(reply, 409, 'login_taken', error.message);
      return reply;
    }
  });

  app.post('/v1/admin/users/:userId/disable', { preHandler }, async (req, reply) => {
    const params = userParams.safeParse(req.params);
    const disabled = params.success
      ? await disableConsoleUser(db, principalOf(req, 'admin').orgId, params.data.userId)
      : undefined;
    if (!disabled) {
      sendError(reply, 404, 'user_not_found', 'No such user');
      return reply;
    }
    req.log.info({ userId: disabled.id, by: principalOf(req, 'admin').keyId }, 'console user disabled');
    return disabled;
  });
}
