// Route guards. Failed authentications are counted per client address with @fastify/rate-limit; once a client has
// failed `maxFailures` times in the window it is refused (429) before its credential is even looked at, so a
// correct guess after the limit gets it nowhere either. Successful requests are never counted.
// The type-only import brings in @fastify/rate-limit's declaration of app.createRateLimit.
import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { TenantDatabase } from '../db/tenant-db';
import { sendError } from '../http/errors';
import { bearerToken, resolvePrincipal, type Principal } from './principal';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthLimits {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = { maxFailures: 20, windowMs: 60_000 };

export type FailureLimiter = {
  /** True (and the reply sent) when the client is over its failure budget. */
  refuseIfBlocked(req: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  recordFailure(req: FastifyRequest): Promise<void>;
};

/** Needs @fastify/rate-limit registered with `global: false`. */
export function failureLimiter(app: FastifyInstance, limits: AuthLimits): FailureLimiter {
  const limit = app.createRateLimit({
    max: limits.maxFailures,
    timeWindow: limits.windowMs,
    keyGenerator: (req) => req.ip,
  });
  return {
    async refuseIfBlocked(req, reply) {
      const seen = await limit(req, { increment: false });
      if (seen.isAllowed || seen.remaining > 0) return false;
      void reply.header('retry-after', String(seen.ttlInSeconds));
      sendError(reply, 429, 'too_many_failures', 'Too many failed authentications from this address; retry later');
      return true;
    },
    async recordFailure(req) {
      await limit(req);
    },
  };
}

/** Methods a read-only (accountant) console user may call; anything else is refused here, for every route at once. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/** `readOnlyMay`: a route that also serves read-only users although it is not a read (their own sign-out). */
export function guard(
  db: TenantDatabase,
  limiter: FailureLimiter,
  kind: Principal['kind'],
  options: { readOnlyMay?: boolean } = {},
): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    if (await limiter.refuseIfBlocked(req, reply)) return reply;
    const raw = bearerToken(req.headers.authorization);
    const principal = raw ? await resolvePrincipal(db, raw, kind) : undefined;
    if (!principal) {
      await limiter.recordFailure(req);
      req.log.warn({ kind }, 'authentication failed');
      sendError(reply, 401, 'unauthorized', `A valid ${kind === 'device' ? 'device token' : 'admin key'} is required`);
      return reply;
    }
    if (
      principal.kind === 'admin' &&
      principal.role === 'accountant' &&
      !READ_METHODS.has(req.method) &&
      !options.readOnlyMay
    ) {
      sendError(reply, 403, 'read_only', 'This account may only read');
      return reply;
    }
    req.principal = principal;
    return undefined;
  };
}

/** The authenticated caller of a guarded route (the guard ran, so it is set). */
export function principalOf<K extends Principal['kind']>(
  req: FastifyRequest,
  kind: K,
): Extract<Principal, { kind: K }> {
  const principal = req.principal;
  if (principal?.kind !== kind) throw new Error(`Route expected a ${kind} principal`);
  return principal as Extract<Principal, { kind: K }>;
}
