import { describe, expect, it, vi } from 'vitest';
import { FaultController, type ListenerSwitch } from './faults';

function controller(random = (): number => 0.5) {
  const stopListening = vi.fn(() => Promise.resolve());
  const resumeListening = vi.fn(() => Promise.resolve());
  const listener: ListenerSwitch = { stopListening, resumeListening };
  return { faults: new FaultController(listener, random), stopListening, resumeListening };
}

describe('FaultController schedules', () => {
  it('hits the 2nd and 3rd matching call only, counted from injection, then expires', () => {
    const { faults } = controller();
    faults.inject({ kind: 'reset', operation: 'Enviar', when: { calls: [2, 3] } });
    const outcomes = ['Enviar', 'FoliosRestantes', 'Enviar', 'Enviar', 'Enviar'].map(
      (op) => faults.decide(op as 'Enviar').outcome,
    );
    expect(outcomes).toEqual(['none', 'none', 'reset', 'reset', 'none']);
    expect(faults.active()).toEqual([]);
  });

  it('hits the next N calls of any operation with "*", including undispatchable requests', () => {
    const { faults } = controller();
    faults.inject({ kind: 'http500', when: { next: 2 } });
    expect(
      [faults.decide('EnvioCorreo'), faults.decide(undefined), faults.decide('Enviar')].map((d) => d.outcome),
    ).toEqual(['http500', 'http500', 'none']);
  });

  it('keeps an "always" fault until cleared, and clear() on its handle removes only that one', () => {
    const { faults } = controller();
    const hang = faults.inject({ kind: 'hang', operation: 'Enviar' });
    faults.inject({ kind: 'soapFault', operation: 'DescargaPDF' });
    expect(faults.decide('Enviar').outcome).toBe('hang');
    expect(faults.decide('Enviar').outcome).toBe('hang');
    hang.clear();
    expect(faults.decide('Enviar').outcome).toBe('none');
    expect(faults.decide('DescargaPDF').outcome).toBe('soapFault');
  });

  it('lets the earliest injected outcome win while every matching rule counts the call', () => {
    const { faults } = controller();
    faults.inject({ kind: 'malformed', when: { next: 1 } });
    faults.inject({ kind: 'commitThenDrop', when: { calls: [1, 2] } });
    expect(faults.decide('Enviar').outcome).toBe('malformed');
    expect(faults.decide('Enviar').outcome).toBe('commitThenDrop');
    expect(faults.decide('Enviar').outcome).toBe('none');
  });

  it('adds up latency of firing rules, drawing ranges from the random source', () => {
    const { faults } = controller(() => 0.5);
    faults.inject({ kind: 'latency', ms: 100 });
    faults.inject({ kind: 'latency', ms: [10, 20], operation: 'Enviar' });
    expect(faults.decide('Enviar')).toEqual({ delayMs: 100 + 15, outcome: 'none' });
    expect(faults.decide('FoliosRestantes')).toEqual({ delayMs: 100, outcome: 'none' });
  });

  it('rejects nonsense specs', () => {
    const { faults } = controller();
    expect(() => faults.inject({ kind: 'latency' })).toThrow(/latency fault needs ms/);
    expect(() => faults.inject({ kind: 'latency', ms: [20, 10] })).toThrow(/latency fault needs ms/);
    expect(() => faults.inject({ kind: 'reset', ms: 5 })).toThrow(/Only latency faults take ms/);
    expect(() => faults.inject({ kind: 'reset', when: { next: 0 } })).toThrow(/positive integer/);
    expect(() => faults.inject({ kind: 'reset', when: { calls: [] } })).toThrow(/positive integers/);
  });
});

describe('FaultController connection refusal', () => {
  it('stops listening once, and clear() removes faults and listens again', async () => {
    const { faults, stopListening, resumeListening } = controller();
    faults.inject({ kind: 'hang' });
    await faults.refuseConnections();
    await faults.refuseConnections();
    expect(faults.refusingConnections).toBe(true);
    expect(stopListening).toHaveBeenCalledTimes(1);
    await faults.clear();
    expect(resumeListening).toHaveBeenCalledTimes(1);
    expect(faults.refusingConnections).toBe(false);
    expect(faults.decide('Enviar').outcome).toBe('none');
  });
});
