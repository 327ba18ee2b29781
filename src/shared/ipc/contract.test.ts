import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from './channels';
import { ipcContract, ipcEvents } from './contract';
import { saleDraftSchema } from './schemas';

describe('IPC contract', () => {
  it('lists the same channels and events as the preload uses', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(ipcContract).sort());
    expect([...EVENTS].sort()).toEqual(Object.keys(ipcEvents).sort());
  });

  it('names every channel domain:verb', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('refuses a sale draft that tries to set what the register decides', () => {
    const draft = {
      tipoDocumento: '01',
      cliente: { tipoClienteFE: '02', pais: 'PA' },
      tiempoPago: '1',
      items: [{ descripcion: 'Arroz', cantidad: '1', precioUnitario: '1.00', tasaItbms: '00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.00' }],
    };
    expect(saleDraftSchema.safeParse(draft).success).toBe(true);
    const sneaky = saleDraftSchema.parse({ ...draft, numeroDocumentoFiscal: '999', tipoEmision: '02' });
    expect(sneaky).not.toHaveProperty('numeroDocumentoFiscal');
    expect(sneaky).not.toHaveProperty('tipoEmision');
  });
});
