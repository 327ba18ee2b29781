// Structured JSON logs (pino, through Fastify). Credentials and data never reach them: the request serializer logs
// method, path (no query string) and address only, no route takes a credential in its URL, bodies are never logged,
// failures are logged by error type and SQLSTATE only (db/sql-error.ts), and these paths are redacted in case a
// handler ever logs headers or a credential-bearing object.
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

type PinoOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export interface LogOptions {
  /** pino level; 'silent' turns logging off. Default 'info'. */
  level?: string;
  /** Where the JSON lines go (tests capture them); default stdout. */
  stream?: { write(line: string): void };
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  'token',
  '*.token',
  'adminKey',
  '*.adminKey',
  'enrolmentCode',
  '*.enrolmentCode',
];

/**
 * What a log line says about a request: method, path and client address. Not the query string (searches carry
 * customers' names and free text), not headers, not the body.
 */
export function requestSummary(req: Pick<FastifyRequest, 'method' | 'url' | 'ip'>): {
  method: string;
  path: string;
  remoteAddress: string;
} {
  return { method: req.method, path: req.url.split('?')[0] ?? '', remoteAddress: req.ip };
}

export function loggerOptions(options: LogOptions): PinoOptions {
  return {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: requestSummary },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
