// What the head-office console needs beyond the other read routes (admin key or console user): each register's live
// status, net sales per store and day/hour, console users (user-routes.ts). Also serves the console itself (the
// built web app, out/console) under /console/.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400, sendError } from '../http/errors';
import { noQuery } from '../read/query-params';
import { registerStatuses } from '../read/register-status';
import { salesByPeriod, salesQuerySchema } from '../read/sales-by-period';
import { userRoutes } from './user-routes';

/** Where `npm run build:console` writes the console (vite.console.config.ts). */
export const DEFAULT_CONSOLE_DIR = resolve(import.meta.dirname, '../../../out/console');

export async function consoleRoutes(
  app: FastifyInstance,
  db: TenantDatabase,
  limiter: FailureLimiter,
  consoleDir = DEFAULT_CONSOLE_DIR,
): Promise<void> {
  const preHandler = guard(db, limiter, 'admin');

  app.get('/v1/registers/status', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await registerStatuses(db, principalOf(req, 'admin').orgId) };
  });

  app.get('/v1/sales', { preHandler }, async (req, reply) => {
    const query = parseOr400(reply, salesQuerySchema, req.query, 'query');
    if (!query) return reply;
    return { items: await salesByPeriod(db, principalOf(req, 'admin').orgId, query) };
  });

  userRoutes(app, db, limiter);
  await serveConsole(app, consoleDir);
}

async function serveConsole(app: FastifyInstance, dir: string): Promise<void> {
  // Relative asset paths (vite base './') need the trailing slash.
  app.get('/console', (_req, reply) => reply.redirect('/console/', 301));
  if (!existsSync(join(dir, 'index.html'))) {
    // A server started from a checkout where the console was never built still answers, and says what to do.
    app.get('/console/*', async (_req, reply) => {
      sendError(reply, 404, 'console_not_built', 'The console is not built: run `npm run build:console`');
      return reply;
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    // The page is small and changes with each release; assets carry a content hash in their names.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable');
    },
  });
}
