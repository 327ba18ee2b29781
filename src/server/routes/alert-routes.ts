// Alerts for head office (admin key): the list, and the settings (silence threshold, webhook). Shapes in README.md.
import type { FastifyInstance } from 'fastify';
import { guard, principalOf, type FailureLimiter } from '../auth/guard';
import type { TenantDatabase } from '../db/tenant-db';
import { parseOr400 } from '../http/errors';
import { alertSettingsUpdateSchema, readAlertSettings, updateAlertSettings } from '../alerts/alert-settings';
import { alertsQuerySchema, queryAlerts } from '../alerts/alerts-query';
import { noQuery } from '../read/query-params';

export function alertRoutes(app: FastifyInstance, db: TenantDatabase, limiter: FailureLimiter): void {
  const preHandler = guard(db, limiter, 'admin');

  app.get('/v1/alerts', { preHandler }, async (req, reply) => {
    const query = parseOr400(reply, alertsQuerySchema, req.query, 'query');
    if (!query) return reply;
    return queryAlerts(db, principalOf(req, 'admin').orgId, query);
  });

  app.get('/v1/admin/alert-settings', { preHandler }, async (req, reply) => {
    if (!parseOr400(reply, noQuery, req.query, 'query')) return reply;
    return readAlertSettings(db, principalOf(req, 'admin').orgId);
  });

  app.post('/v1/admin/alert-settings', { preHandler }, async (req, reply) => {
    const body = parseOr400(reply, alertSettingsUpdateSchema, req.body, 'alert settings');
    if (!body) return reply;
    const admin = principalOf(req, 'admin');
    const settings = await updateAlertSettings(db, admin.orgId, body);
    // Which key changed what, never the URL or secret.
    req.log.info(
      {
        adminKeyId: admin.keyId,
        webhookChanged: body.webhook !== undefined,
        silentChanged: body.silentAfterMinutes !== undefined,
      },
      'alert settings changed',
    );
    return settings;
  });
}
