// GET /health for load balancers and monitors: 200 when the database answers, 503 otherwise (and, from Fastify,
// 503 for every request once shutdown has begun, so a balancer drains this instance).
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { errorFields } from '../db/sql-error';
import type { TenantDatabase } from '../db/tenant-db';

export function healthRoutes(app: FastifyInstance, db: TenantDatabase): void {
  app.get('/health', async (req, reply) => {
    try {
      await db.unscoped((d) => d.execute(sql`select 1`));
      return { status: 'ok', database: db.kind };
    } catch (error) {
      req.log.error(errorFields(error), 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: db.kind });
    }
  });
}
