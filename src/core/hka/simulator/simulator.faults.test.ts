// Every injected fault, observed the way a client sees it: with plain fetch and node:net.
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aSale } from '../../../../tests/fixtures/fiscal-documents';
import { parseXml } from '../xml/xnode';
import { call, documentoXml, enviarXml, operationXml, postSoap, resultFields } from './sim-kit.fixture';
import { startHkaSimulator, type HkaSimulator } from './simulator';

const NOW = new Date('2026-11-28T15:20:00Z');
let sim: HkaSimulator;
beforeEach(async () => {
  sim = await startHkaSimulator({ clock: () => NOW });
});
afterEach(() => sim.close());

const folios = (signal?: AbortSignal) =>
  fetch(sim.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://tempuri.org/IService/FoliosRestantes"' },
    body: operationXml('FoliosRestantes'),
    ...(signal ? { signal } : {}),
  });
const enviar = (numero: string) =>
  postSoap(sim.endpoint, 'Enviar', enviarXml(documentoXml(aSale({ numeroDocumentoFiscal: numero }))));

/** The network error code behind a rejected fetch (undici wraps it in `cause`). */
async function failure(request: Promise<unknown>): Promise<string> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name;
}

/** Polls until `check` holds, bounded by the test's timeout: a positive signal instead of a sleep. */
async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function tcpConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('refusing connections', () => {
  it('gives ECONNREFUSED (fetch and net) until cleared, then serves on the same port', async () => {
    expect((await folios()).status).toBe(200); // leaves a keep-alive connection behind
    await sim.faults.refuseConnections();
    expect(await failure(folios())).toBe('ECONNREFUSED');
    expect(await tcpConnect(sim.port)).toBe('ECONNREFUSED');
    await sim.faults.clear();
    expect((await folios()).status).toBe(200);
  });
});

describe('per-request faults', () => {
  it('hang: the request is never answered, until the client aborts; nothing is committed', async () => {
    sim.faults.inject({ kind: 'hang', operation: 'Enviar', when: { next: 1 } });
    let settled = false;
    const request = postSoap(sim.endpoint, 'Enviar', enviarXml(documentoXml(aSale()))).finally(() => {
      settled = true;
    });
    const aborted = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { SOAPAction: 'http://tempuri.org/IService/Enviar' },
      body: enviarXml(documentoXml(aSale({ numeroDocumentoFiscal: '2' }))),
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (e: unknown) => (e as Error).name,
    );
    expect(aborted).toBe('answered'); // the fault hit only the first Enviar
    // The hung request reached HKA before the second one (only it was hit) and is still unanswered after it was.
    expect(settled).toBe(false);
    expect(sim.ledger().map((e) => e.numeroDocumentoFiscal)).toEqual(['0000000002']);
    request.catch(() => undefined); // ended by close() in afterEach
  });

  it('hang: the client’s own abort ends it, and close() ends the ones still hanging', async () => {
    sim.faults.inject({ kind: 'hang' });
    expect(await failure(folios(AbortSignal.timeout(200)))).toBe('TimeoutError');
    const stillHanging = folios();
    await waitUntil(() => sim.calls('FoliosRestantes') === 2); // it reached HKA and hangs there
    await sim.close(); // returns at once: were it waiting for the hanging request, the test would time out here
    expect(await failure(stillHanging)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
  });

  it('reset: the socket is destroyed without an answer and nothing is committed', async () => {
    sim.faults.inject({ kind: 'reset', operation: 'Enviar' });
    expect(await failure(enviar('1'))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(sim.ledger()).toEqual([]);
    expect(sim.calls('Enviar')).toBe(1);
  });

  it('http500: HTML error page, nothing committed', async () => {
    sim.faults.inject({ kind: 'http500', operation: 'Enviar', when: { next: 1 } });
    const answer = await enviar('1');
    expect(answer.status).toBe(500);
    expect(answer.contentType).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('500 - Internal server error.');
    expect(sim.ledger()).toEqual([]);
    expect((await enviar('1')).status).toBe(200);
  });

  it('soapFault: HTTP 500 with an InternalServiceFault', async () => {
    sim.faults.inject({ kind: 'soapFault' });
    const answer = await enviar('1');
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('a:InternalServiceFault</faultcode>');
    expect(sim.ledger()).toEqual([]);
  });

  it('malformed: HTTP 200 with a body that is not XML', async () => {
    sim.faults.inject({ kind: 'malformed', operation: 'FoliosRestantes' });
    const res = await folios();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^<s:Envelope/);
    expect(() => parseXml(text)).toThrow();
  });

  it('commitThenDrop: authorised and in the ledger, no answer; the resend gets 102 with the same CUFE', async () => {
    sim.faults.inject({ kind: 'commitThenDrop', operation: 'Enviar', when: { next: 1 } });
    expect(await failure(enviar('1'))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    const [entry] = sim.ledger();
    expect(entry?.numeroDocumentoFiscal).toBe('0000000001');
    const resend = resultFields('Enviar', (await enviar('1')).text);
    expect(resend).toMatchObject({ codigo: '102', cufe: entry?.cufe });
    expect(sim.ledger()).toHaveLength(1);
  });

  it('latency: answers after the delay; "the 2nd and 3rd Enviar" schedule hits exactly those', async () => {
    sim.faults.inject({ kind: 'latency', ms: 150, operation: 'Enviar', when: { calls: [2, 3] } });
    const timed = async (n: string): Promise<number> => {
      const t = Date.now();
      expect(resultFields('Enviar', (await enviar(n)).text).codigo).toBe('200');
      return Date.now() - t;
    };
    const [, t2, t3] = [await timed('1'), await timed('2'), await timed('3'), await timed('4')];
    // Delayed calls take at least the latency (timers never fire early). That the 1st and 4th are not delayed is the
    // fault schedule's (faults.test.ts), not held to an upper time bound here: a loaded machine would fail it.
    expect(t2).toBeGreaterThanOrEqual(145);
    expect(t3).toBeGreaterThanOrEqual(145);
    expect(sim.faults.active()).toEqual([]);
  });

  it('latency: a client that gives up still gets its document authorised (the server kept working)', async () => {
    sim.faults.inject({ kind: 'latency', ms: 200, operation: 'Enviar' });
    const aborted = fetch(sim.endpoint, {
      method: 'POST',
      headers: { SOAPAction: '"http://tempuri.org/IService/Enviar"' },
      body: enviarXml(documentoXml(aSale())),
      signal: AbortSignal.timeout(50),
    });
    expect(await failure(aborted)).toBe('TimeoutError');
    await waitUntil(() => sim.ledger().length === 1); // the server finishes the work its client gave up on
    expect(sim.ledger()).toHaveLength(1);
    expect((await call(sim.endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'))).foliosUtilizadosCiclo).toBe(
      '1',
    );
  });
});
