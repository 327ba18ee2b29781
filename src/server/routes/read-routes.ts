// Head-office reads (admin key): documents, audit search, per-store counts. All tenant-scoped by RLS.
import type { FastifyInstance } from 'fastify';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400 } from '../http/errors';
import { auditChainStatus } from '../read/audit-chain-status';
import { auditQuerySchema, queryAudit } from '../read/audit-query';
import { documentsQuerySchema, queryDocuments } from '../read/documents-query';
import { noQuery } from '../read/query-params';
import { storeSummaries } from '../read/store-summary';

export function readRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  const preHandler = guard(db, limiter, 'admin');

  app.get('/v1/documents', { preHandler }, async (req, reply) => {
    const query = parseOr400(reply, documentsQuerySchema, req.query, 'query');
    if (!query) return reply;
    return queryDocuments(db, principalOf(req, 'admin').orgId, query);
  });

  app.get('/v1/audit', { preHandler }, async (req, reply) => {
    const query = parseOr400(reply, auditQuerySchema, req.query, 'query');
    if (!query) return reply;
    return queryAudit(db, principalOf(req, 'admin').orgId, query);
  });

  app.get('/v1/audit/chain', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await auditChainStatus(db, principalOf(req, 'admin').orgId) };
  });

  app.get('/v1/stores/summary', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return { items: await storeSummaries(db, principalOf(req, 'admin').orgId) };
  });
}
