// Failures without a usable HKA answer, over real loopback HTTP, and whether each may have reached HKA.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_PATH } from '../contract';
import { createHkaClient, type HkaClient } from './hka-client';
import {
  closedPort,
  resultReply,
  sample,
  soapFault,
  startCannedHkaServer,
  type CannedHkaServer,
} from './fixtures/canned-hka-server';

const CREDS = { tokenEmpresa: 'tok-empresa-1234', tokenPassword: 'tok-password-5678' };
const TIMEOUTS = { connectTimeoutMs: 200, responseTimeoutMs: 200 };

let server: CannedHkaServer;
let client: HkaClient;

beforeAll(async () => {
  server = await startCannedHkaServer();
  client = await createHkaClient({ environment: 'simulador', endpoint: server.url, ...TIMEOUTS });
});
afterAll(() => server.close());

describe('before the request could reach HKA', () => {
  it('a closed port is connection_refused', async () => {
    const port = await closedPort();
    const refused = await createHkaClient({
      environment: 'simulador',
      endpoint: `http://127.0.0.1:${port}${SERVICE_PATH}`,
      ...TIMEOUTS,
    });
    expect(await refused.enviar(CREDS, { codigoSucursalEmisor: '0000' })).toMatchObject({
      kind: 'transient',
      reason: 'connection_refused',
      mayHaveReachedHka: false,
    });
  });
});

describe('after the request was sent', () => {
  it('no answer within responseTimeoutMs is response_timeout', async () => {
    server.reply({ kind: 'hang' });
    // The reason is the proof: the server never answers, so only the client's own response timeout can end the call
    // (were it missing, the test would time out). No upper time bound: a loaded machine would fail it.
    const outcome = await client.enviar(CREDS, { codigoSucursalEmisor: '0000' });
    expect(outcome).toMatchObject({ kind: 'transient', reason: 'response_timeout', mayHaveReachedHka: true });
  });

  it('a reply that starts but never finishes is also response_timeout', async () => {
    const slow = net.createServer((socket) => {
      socket.once('data', () =>
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<s:Envelope'),
      );
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const { port } = slow.address() as net.AddressInfo;
    try {
      const c = await createHkaClient({
        environment: 'simulador',
        endpoint: `http://127.0.0.1:${port}${SERVICE_PATH}`,
        ...TIMEOUTS,
      });
      expect(await c.foliosRestantes(CREDS)).toMatchObject({
        kind: 'transient',
        reason: 'response_timeout',
        mayHaveReachedHka: true,
      });
    } finally {
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('a connection dropped after the request is connection_reset', async () => {
    server.reply({ kind: 'destroy' });
    expect(await client.enviar(CREDS, { codigoSucursalEmisor: '0000' })).toMatchObject({
      kind: 'transient',
      reason: 'connection_reset',
      mayHaveReachedHka: true,
    });
  });

  it('HTTP 500 with an HTML page is http_error with the status', async () => {
    server.reply({
      kind: 'body',
      status: 500,
      contentType: 'text/html',
      body: '<html><body><h1>Server Error in Application</h1></body></html>',
    });
    const outcome = await client.enviar(CREDS, { codigoSucursalEmisor: '0000' });
    expect(outcome).toMatchObject({
      kind: 'transient',
      reason: 'http_error',
      mayHaveReachedHka: true,
      httpStatus: 500,
    });
    expect(outcome.kind === 'transient' && outcome.detail).toContain('Server Error in Application');
  });

  it('HTTP 503 with a readable HKA result is still http_error', async () => {
    server.reply(resultReply('FoliosRestantes', { codigo: '200', mensaje: 'ok' }, 503));
    expect(await client.foliosRestantes(CREDS)).toMatchObject({
      kind: 'transient',
      reason: 'http_error',
      httpStatus: 503,
    });
  });

  it('HTTP 404 with a non-SOAP body is http_error', async () => {
    server.reply({ kind: 'body', status: 404, contentType: 'text/plain', body: 'Not Found' });
    expect(await client.foliosRestantes(CREDS)).toMatchObject({
      kind: 'transient',
      reason: 'http_error',
      httpStatus: 404,
      mayHaveReachedHka: true,
    });
  });

  it('a redirect is not followed: http_error', async () => {
    server.reply({ kind: 'body', status: 302, body: '' });
    expect(await client.foliosRestantes(CREDS)).toMatchObject({
      kind: 'transient',
      reason: 'http_error',
      httpStatus: 302,
    });
  });

  it('a SOAP Fault is soap_fault with its faultstring', async () => {
    server.reply(soapFault("The message with Action 'x' cannot be processed at the receiver"));
    const outcome = await client.enviar(CREDS, { codigoSucursalEmisor: '0000' });
    expect(outcome).toMatchObject({
      kind: 'transient',
      reason: 'soap_fault',
      mayHaveReachedHka: true,
      httpStatus: 500,
    });
    expect(outcome.kind === 'transient' && outcome.detail).toBe(
      "SOAP Fault a:ActionNotSupported: The message with Action 'x' cannot be processed at the receiver",
    );
  });

  it.each([
    ['malformed XML', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><EnviarResponse>'],
    ['an empty body', ''],
    ['XML of something else', '<html><body>Portal cautivo</body></html>'],
  ])('HTTP 200 with %s is unparseable', async (_, body) => {
    server.reply({ kind: 'body', status: 200, body });
    expect(await client.enviar(CREDS, { codigoSucursalEmisor: '0000' })).toMatchObject({
      kind: 'transient',
      reason: 'unparseable',
      mayHaveReachedHka: true,
      httpStatus: 200,
    });
  });

  it('the reply of another operation is unparseable', async () => {
    server.reply(sample('13-foliosrestantes-response.xml'));
    expect(await client.enviar(CREDS, { codigoSucursalEmisor: '0000' })).toMatchObject({
      kind: 'transient',
      reason: 'unparseable',
    });
  });
});

describe('client options', () => {
  it("'simulador' needs an endpoint", async () => {
    await expect(createHkaClient({ environment: 'simulador' })).rejects.toThrow(/needs an endpoint/);
  });

  it('demo and produccion default to HKA endpoints, which an explicit endpoint overrides', async () => {
    expect((await createHkaClient({ environment: 'demo' })).endpoint).toBe(
      'https://demoemision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc',
    );
    expect((await createHkaClient({ environment: 'produccion' })).endpoint).toBe(
      'https://emision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc',
    );
    expect((await createHkaClient({ environment: 'produccion', endpoint: server.url })).endpoint).toBe(server.url);
  });

  it.each([
    [{ endpoint: 'ftp://127.0.0.1/x' }, /http\(s\)/],
    [{ endpoint: 'not a url' }, /not a URL/],
    [{ endpoint: 'http://user:pw@127.0.0.1/x' }, /credentials/],
    [{ endpoint: 'http://127.0.0.1/x', connectTimeoutMs: 0 }, /connectTimeoutMs/],
    [{ endpoint: 'http://127.0.0.1/x', responseTimeoutMs: 1.5 }, /responseTimeoutMs/],
  ])('rejects bad options %j', async (extra, message) => {
    await expect(createHkaClient({ environment: 'simulador', ...extra })).rejects.toThrow(message);
  });
});
