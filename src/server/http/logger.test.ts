// What a request's log lines say: method, path and address; never its query string (searches carry customers'
// names), its headers (credentials) or its body.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';

describe('request logging', () => {
  it('logs the path without the query string, and no header or body', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: loggerOptions({ stream: { write: (line) => void lines.push(line) } }) });
    app.post('/v1/audit', (_req, reply) => reply.send({ ok: true }));
    await app.inject({
      method: 'POST',
      url: '/v1/audit?q=Cliente%20Secreto',
      headers: { authorization: 'Bearer sga.org.clave-secreta' },
      payload: { note: 'cuerpo-secreto' },
    });
    await app.close();
    const incoming = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry['msg'] === 'incoming request');
    expect(incoming?.['req']).toEqual({ method: 'POST', path: '/v1/audit', remoteAddress: '127.0.0.1' });
    expect(lines.join('\n')).not.toMatch(/Secreto|clave-secreta|cuerpo-secreto/);
  });
});
