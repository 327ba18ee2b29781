// The replyDelay fault: HKA has processed and committed the request, the reply is held back. This is the window a
// crashing client must survive without resending blindly (tests/crash uses it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aSale } from '../../../../tests/fixtures/fiscal-documents';
import { FaultController } from './faults';
import { documentoXml, enviarXml, postSoap, resultFields } from './sim-kit.fixture';
import { startHkaSimulator, type HkaSimulator } from './simulator';

function controller(random = (): number => 0.5): FaultController {
  return new FaultController(
    { stopListening: vi.fn(() => Promise.resolve()), resumeListening: vi.fn(() => Promise.resolve()) },
    random,
  );
}

describe('FaultController replyDelay', () => {
  it('adds up the reply delays of firing rules, apart from latency, and leaves the outcome alone', () => {
    const faults = controller(() => 0.5);
    faults.inject({ kind: 'replyDelay', ms: 40, operation: 'Enviar' });
    faults.inject({ kind: 'replyDelay', ms: [10, 20], when: { next: 1 } });
    faults.inject({ kind: 'latency', ms: 7 });
    faults.inject({ kind: 'commitThenDrop', operation: 'Enviar', when: { calls: [2] } });
    expect(faults.decide('Enviar')).toEqual({ delayMs: 7, outcome: 'none', replyDelayMs: 40 + 15 });
    expect(faults.decide('Enviar')).toEqual({ delayMs: 7, outcome: 'commitThenDrop', replyDelayMs: 40 });
    expect(faults.decide('FoliosRestantes')).toEqual({ delayMs: 7, outcome: 'none' }); // no replyDelayMs key at all
  });

  it('needs ms, like latency', () => {
    const faults = controller();
    expect(() => faults.inject({ kind: 'replyDelay' })).toThrow(/replyDelay fault needs ms/);
    expect(() => faults.inject({ kind: 'replyDelay', ms: [5, 1] })).toThrow(/replyDelay fault needs ms/);
    expect(() => faults.inject({ kind: 'hang', ms: 5 })).toThrow(/Only latency faults take ms/);
  });
});

describe('replyDelay over HTTP', () => {
  let sim: HkaSimulator;
  beforeEach(async () => {
    sim = await startHkaSimulator({});
  });
  afterEach(() => sim.close());

  const enviar = (numero: string) =>
    postSoap(sim.endpoint, 'Enviar', enviarXml(documentoXml(aSale({ numeroDocumentoFiscal: numero }))));

  // No deadline of its own (the test's timeout bounds it): a loaded machine may take longer than the reply delay to
  // deliver the request. Polling on a 5 ms timer still sees the commit before the held reply: both are timers in
  // this process, and the poll's fires first.
  async function ledgerHas(count: number): Promise<void> {
    while (sim.ledger().length < count) await new Promise((r) => setTimeout(r, 5));
  }

  it('commits first (ledger has it while the reply is still held), then answers with that authorisation', async () => {
    sim.faults.inject({ kind: 'replyDelay', ms: 600, operation: 'Enviar', when: { next: 1 } });
    let answered = false;
    const reply = enviar('1').finally(() => {
      answered = true;
    });
    await ledgerHas(1);
    expect(answered).toBe(false);
    const fields = resultFields('Enviar', (await reply).text);
    expect(fields).toMatchObject({ codigo: '200', cufe: sim.ledger()[0]?.cufe });
  });

  it('a client that gives up during the delay leaves it authorised once; its resend gets 102 with that CUFE', async () => {
    sim.faults.inject({ kind: 'replyDelay', ms: 400, operation: 'Enviar', when: { next: 1 } });
    const giveUp = new AbortController();
    const first = fetch(sim.endpoint, {
      method: 'POST',
      headers: { SOAPAction: '"http://tempuri.org/IService/Enviar"' },
      body: enviarXml(documentoXml(aSale({ numeroDocumentoFiscal: '7' }))),
      signal: giveUp.signal,
    }).then(
      () => 'answered',
      () => 'failed',
    );
    await ledgerHas(1);
    giveUp.abort();
    expect(await first).toBe('failed');
    const resend = resultFields('Enviar', (await enviar('7')).text);
    expect(resend).toMatchObject({ codigo: '102', cufe: sim.ledger()[0]?.cufe });
    expect(sim.ledger()).toHaveLength(1);
  });

  it('close() drops held replies instead of waiting them out', async () => {
    sim.faults.inject({ kind: 'replyDelay', ms: 60_000, operation: 'Enviar' });
    const held = enviar('1').then(
      () => 'answered',
      () => 'failed',
    );
    await ledgerHas(1);
    await sim.close(); // would take a minute if the held reply were awaited
    expect(await held).toBe('failed');
  });
});
