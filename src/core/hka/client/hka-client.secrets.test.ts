// Tokens never leave the client: not in logs, not in outcomes, not in errors, even when a server echoes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_PATH } from '../contract';
import { createHkaClient, type DatosDocumento, type HkaClient, type HkaLogger } from './hka-client';
import {
  closedPort,
  resultReply,
  sample,
  soapFault,
  startCannedHkaServer,
  type CannedHkaServer,
  type CannedReply,
} from './fixtures/canned-hka-server';
import { REDACTED } from './scrub-secrets';

const CREDS = { tokenEmpresa: 'EMPRESA-SECRET-7f3a9c', tokenPassword: 'PASSWORD-SECRET-b41d2e' };
const TOKENS = [CREDS.tokenEmpresa, CREDS.tokenPassword];
const DATOS: DatosDocumento = {
  codigoSucursalEmisor: '0000',
  numeroDocumentoFiscal: '1',
  puntoFacturacionFiscal: '001',
  tipoDocumento: '01',
  tipoEmision: '01',
};
const ALLOWED_LOG_KEYS = new Set([
  'operation',
  'endpoint',
  'durationMs',
  'outcome',
  'codigo',
  'reason',
  'mayHaveReachedHka',
  'httpStatus',
]);

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  meta: Record<string, unknown> | undefined;
}

function capturingLogger(): HkaLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const log = (level: LogEntry['level']) => (msg: string, meta?: Record<string, unknown>) =>
    entries.push({ level, msg, meta });
  return { entries, info: log('info'), warn: log('warn'), error: log('error') };
}

const echo = TOKENS.join(' / ');
const REPLIES: [string, CannedReply][] = [
  ['success', sample('13-foliosrestantes-response.xml')],
  [
    'rejection echoing the tokens',
    resultReply('FoliosRestantes', { codigo: '100', mensaje: `Token ${echo} inválido|otro` }),
  ],
  ['fault echoing the tokens', soapFault(`Cannot deserialize ${echo}`)],
  [
    'HTML error page echoing the tokens',
    { kind: 'body', status: 500, contentType: 'text/html', body: `<html><body>${echo}</body></html>` },
  ],
  ['garbage echoing the tokens', { kind: 'body', status: 200, body: `<<${echo}` }],
  ['reset', { kind: 'destroy' }],
  ['no answer', { kind: 'hang' }],
];

let server: CannedHkaServer;
let client: HkaClient;
const logger = capturingLogger();

beforeAll(async () => {
  server = await startCannedHkaServer();
  client = await createHkaClient({
    environment: 'simulador',
    endpoint: server.url,
    connectTimeoutMs: 200,
    responseTimeoutMs: 200,
    logger,
  });
});
afterAll(() => server.close());

function everyOperation(c: HkaClient): Promise<unknown>[] {
  return [
    c.enviar(CREDS, { codigoSucursalEmisor: '0000' }),
    c.estadoDocumento(CREDS, DATOS),
    c.anulacionDocumento(CREDS, DATOS, 'motivo'),
    c.descargaXml(CREDS, DATOS),
    c.descargaPdf(CREDS, DATOS),
    c.foliosRestantes(CREDS),
    c.envioCorreo(CREDS, DATOS, 'a@b.pa'),
    c.rastreoCorreo(CREDS, 'FE01'),
    c.consultarRucDv(CREDS, '2', '155596713-2-2015'),
    c.testConnection(CREDS),
  ];
}

describe('no token in outcomes or logs', () => {
  it.each(REPLIES)('%s', async (_, reply) => {
    logger.entries.length = 0;
    server.reply(reply);
    const outcomes = await Promise.all(everyOperation(client));
    const text = JSON.stringify(outcomes) + JSON.stringify(logger.entries);
    for (const token of TOKENS) expect(text).not.toContain(token);
    expect(logger.entries).toHaveLength(outcomes.length);
    for (const entry of logger.entries) {
      expect(Object.keys(entry.meta ?? {}).filter((k) => !ALLOWED_LOG_KEYS.has(k))).toEqual([]);
      expect(entry.meta).toMatchObject({
        endpoint: server.url,
        outcome: expect.any(String) as string,
        durationMs: expect.any(Number) as number,
      });
    }
  });

  it('echoed tokens are replaced, not just dropped (the echo did reach the outcome)', async () => {
    server.reply(soapFault(`Cannot deserialize ${echo}`));
    const outcome = await client.foliosRestantes(CREDS);
    expect(outcome).toMatchObject({
      kind: 'transient',
      reason: 'soap_fault',
      detail: `SOAP Fault a:ActionNotSupported: Cannot deserialize ${REDACTED} / ${REDACTED}`,
    });
    server.reply(resultReply('FoliosRestantes', { codigo: '100', mensaje: `Token ${echo} inválido|otro` }));
    expect(await client.foliosRestantes(CREDS)).toMatchObject({
      kind: 'rejected',
      messages: [`Token ${REDACTED} / ${REDACTED} inválido`, 'otro'],
    });
  });

  it('a refused connection: no token either', async () => {
    const port = await closedPort();
    const refusedLogger = capturingLogger();
    const refused = await createHkaClient({
      environment: 'simulador',
      endpoint: `http://127.0.0.1:${port}${SERVICE_PATH}`,
      logger: refusedLogger,
    });
    const outcomes = await Promise.all(everyOperation(refused));
    expect(outcomes.every((o) => (o as { reason?: string }).reason === 'connection_refused')).toBe(true);
    const text = JSON.stringify(outcomes) + JSON.stringify(refusedLogger.entries);
    for (const token of TOKENS) expect(text).not.toContain(token);
  });

  it('logs successes as info with the codigo, failures as warn', async () => {
    logger.entries.length = 0;
    server.reply(sample('13-foliosrestantes-response.xml'));
    await client.foliosRestantes(CREDS);
    server.reply(resultReply('FoliosRestantes', { codigo: '100', mensaje: 'x' }));
    await client.foliosRestantes(CREDS);
    server.reply({ kind: 'destroy' });
    await client.foliosRestantes(CREDS);
    expect(
      logger.entries.map((e) => [e.level, e.meta?.['outcome'], e.meta?.['codigo'], e.meta?.['operation']]),
    ).toEqual([
      ['info', 'ok', '200', 'FoliosRestantes'],
      ['warn', 'rejected', '100', 'FoliosRestantes'],
      ['warn', 'transient', undefined, 'FoliosRestantes'],
    ]);
  });
});
