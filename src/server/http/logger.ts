// Structured JSON logs (pino, through Fastify). Credentials never reach them: the request serializer logs method,
// URL and address only, no route takes a credential in its URL, bodies are not logged, and these paths are
// redacted in case a handler ever logs headers or a credential-bearing object.
import type { FastifyServerOptions } from 'fastify';

type PinoOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export interface LogOptions {
  /** pino level; 'silent' turns logging off. Default 'info'. */
  level?: string;
  /** Where the JSON lines go (tests capture them); default stdout. */
  stream?: { write(line: string): void };
}

export const REDACTED_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
  '*.headers.authorization', 'token', '*.token', 'adminKey', '*.adminKey', 'enrolmentCode', '*.enrolmentCode',
];

export function loggerOptions(options: LogOptions): PinoOptions {
  return {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
