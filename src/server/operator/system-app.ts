// The operator's routes of a running PGlite server, on a second listener bound to 127.0.0.1 only (never the public
// port, whatever HOST says) and answering only the operator secret of the control file: `create-org` and
// `add-admin-key` while the server holds the data folder. They call the same operator functions as the CLI
// (tenancy/organisations.ts). Every call is logged without the secret or the key it made.
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TenantDatabase } from '../db/tenant-db';
import { installErrorHandler, parseOr400, sendError } from '../http/errors';
import { loggerOptions, type LogOptions } from '../http/logger';
import {
  UnknownOrganisationError,
  addAdminKey,
  apiRunner,
  createOrganisation,
  keyLabelSchema,
  organisationNameSchema,
} from '../tenancy/organisations';

export const SYSTEM_ORGANISATIONS_PATH = '/v1/system/organisations';
export const SYSTEM_ADMIN_KEYS_PATH = '/v1/system/admin-keys';

const createOrgSchema = z.object({ name: organisationNameSchema, keyLabel: keyLabelSchema.optional() }).strict();
const addKeySchema = z.object({ orgId: z.uuid(), label: keyLabelSchema }).strict();

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function isOperator(req: FastifyRequest, secretDigest: Buffer): boolean {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return false;
  const match = /^Bearer (\S{1,200})$/.exec(req.headers.authorization ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), secretDigest);
}

export async function startSystemApp(
  db: TenantDatabase,
  secret: string,
  log: LogOptions,
): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify({ logger: loggerOptions(log), bodyLimit: 4 * 1024, forceCloseConnections: 'idle' });
  installErrorHandler(app);
  const secretDigest = digest(secret);
  app.addHook('onRequest', async (req, reply) => {
    if (isOperator(req, secretDigest)) return undefined;
    req.log.warn('system route: operator secret refused');
    sendError(reply, 401, 'unauthorized', 'The operator secret of the control file is required');
    return reply;
  });

  app.post(SYSTEM_ORGANISATIONS_PATH, async (req, reply) => {
    const body = parseOr400(reply, createOrgSchema, req.body, 'organisation');
    if (!body) return reply;
    const created = await createOrganisation(apiRunner(db), body.name, body.keyLabel);
    req.log.info({ orgId: created.orgId }, 'organisation created by the operator');
    return reply.code(201).send(created);
  });

  app.post(SYSTEM_ADMIN_KEYS_PATH, async (req, reply) => {
    const body = parseOr400(reply, addKeySchema, req.body, 'admin key request');
    if (!body) return reply;
    try {
      const adminKey = await addAdminKey(apiRunner(db), body.orgId, body.label);
      req.log.info({ orgId: body.orgId }, 'admin key added by the operator');
      return reply.code(201).send({ adminKey });
    } catch (error) {
      if (!(error instanceof UnknownOrganisationError)) throw error;
      sendError(reply, 404, 'organisation_not_found', 'No such organisation');
      return reply;
    }
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('System listener has no TCP port');
  return { app, port: address.port };
}
