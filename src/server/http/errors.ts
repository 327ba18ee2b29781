// One error shape for every response: `{ error: code, message }` in English, never a stack or a secret.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { errorFields } from '../db/sql-error';

export interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  issues?: ErrorBody['issues'],
): void {
  void reply.code(status).send({ error, message, ...(issues ? { issues } : {}) } satisfies ErrorBody);
}

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Parses with `schema` or answers 400 with every issue; undefined means the reply was sent. */
export function parseOr400<T>(reply: FastifyReply, schema: z.ZodType<T>, value: unknown, what: string): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(reply, 400, 'invalid_request', `Invalid ${what}`, zodIssues(parsed.error));
  return undefined;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((_req, reply) => sendError(reply, 404, 'not_found', 'No such route'));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      // Never the error itself: driver messages quote the values they refused, which come from the request.
      req.log.error({ ...errorFields(error), route: req.routeOptions.url ?? null }, 'request failed');
      sendError(reply, status, 'internal_error', 'The server could not complete the request');
      return;
    }
    // Fastify's own client errors: body too large, malformed JSON, wrong content type. A JSON parser's message
    // quotes the body, so it is replaced by a fixed one.
    const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : 'bad_request';
    sendError(
      reply,
      status,
      code,
      error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'The request body is not valid JSON'
        : error.message,
    );
  });
}
