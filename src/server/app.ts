// The central sync API as a Fastify instance (no listening socket: server.ts does that, tests may inject).
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_AUTH_LIMITS, failureLimiter, type AuthLimits } from './auth/guard';
import type { TenantDatabase } from './db/tenant-db';
import { installErrorHandler } from './http/errors';
import { loggerOptions, type LogOptions } from './http/logger';
import { adminRoutes } from './routes/admin-routes';
import { alertRoutes } from './routes/alert-routes';
import { consoleRoutes } from './routes/console-routes';
import { catalogRoutes } from './routes/catalog-routes';
import { enrolRoutes } from './routes/enrol-routes';
import { healthRoutes } from './routes/health-routes';
import { ingestRoutes } from './routes/ingest-routes';
import { pointClaimRoutes } from './routes/point-claim-routes';
import { readRoutes } from './routes/read-routes';

export interface AppOptions {
  db: TenantDatabase;
  log?: LogOptions;
  authLimits?: AuthLimits;
  /** Behind a load balancer: take the client address from X-Forwarded-For (rate limits are per address). */
  trustProxy?: boolean;
  /** The built head-office console (default out/console). */
  consoleDir?: string;
}

/** Every route but ingest; small on purpose. */
const DEFAULT_BODY_LIMIT = 64 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.log ?? {}),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Idle keep-alive sockets are closed on shutdown; requests in flight finish first.
    forceCloseConnections: 'idle',
  });
  app.decorateRequest('principal', null);
  installErrorHandler(app);
  await app.register(rateLimit, { global: false });
  const limiter = failureLimiter(app, options.authLimits ?? DEFAULT_AUTH_LIMITS);
  healthRoutes(app, options.db);
  enrolRoutes(app, options.db, limiter);
  ingestRoutes(app, options.db, limiter);
  adminRoutes(app, options.db, limiter);
  readRoutes(app, options.db, limiter);
  pointClaimRoutes(app, options.db, limiter);
  alertRoutes(app, options.db, limiter);
  await consoleRoutes(app, options.db, limiter, options.consoleDir);
  catalogRoutes(app, options.db, limiter);
  return app;
}
