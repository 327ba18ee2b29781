import { describe, expect, it } from 'vitest';
import { internalErrorMessage } from '../queue/apply-outcome';
import { rejectionHint } from './rejection-hints';

describe('rejectionHint', () => {
  it('reads DGI codes passed through in HKA messages', () => {
    expect(rejectionHint('REJECTED', '103', ['2152-Item 1: Monto del ITBMS del ítem inválido'])).toContain('ITBMS');
    expect(rejectionHint('REJECTED', '103', ['otra cosa', '1602-RUC no existe'])).toContain('no existe en la DGI');
  });

  it('falls back to the field HKA names, then to a generic hint', () => {
    expect(rejectionHint('REJECTED', '103', ['El campo numeroRUC es inválido'])).toContain('RUC');
    expect(
      rejectionHint('REJECTED', '103', ['En la ocurrencia [1] de Item, El campo precioUnitario es inválido']),
    ).toContain('ítems');
    expect(rejectionHint('REJECTED', '999', ['Algo inesperado'])).toContain('HKA rechazó el documento');
    expect(rejectionHint('REJECTED', null, [])).toContain('HKA rechazó el documento');
  });

  it('points credential problems to the manager and explains a FAILED sending', () => {
    expect(rejectionHint('REJECTED', '100', ['Token del emisor inválido'])).toContain('credenciales');
    expect(rejectionHint('FAILED', null, [])).toContain('descartarlo');
  });

  it("says a FAILED document after an internal error was not HKA's doing", () => {
    expect(rejectionHint('FAILED', null, [internalErrorMessage('TypeError: x is undefined')])).toMatch(
      /^Un error interno del registro .*HKA no lo rechazó/,
    );
  });

  it('has nothing to say about documents that need no fixing', () => {
    for (const status of ['QUEUED', 'PROCESSING', 'AUTHORIZED', 'ANNULLED', 'CANCELLED'])
      expect(rejectionHint(status, '200', [])).toBeNull();
  });
});
