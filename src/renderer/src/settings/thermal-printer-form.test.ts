import { describe, expect, it } from 'vitest';
import { DEFAULT_THERMAL_PRINTER } from '../../../shared/ipc/areas/printer/contract';
import { checkThermalForm, thermalToForm } from './thermal-printer-form';

const network = { kind: 'network' as const, host: '192.168.1.50', port: '9100', devicePath: '', drawer: true };

describe('thermal printer form', () => {
  it('round-trips the saved settings', () => {
    expect(checkThermalForm(thermalToForm(DEFAULT_THERMAL_PRINTER))).toEqual({
      ok: true,
      settings: DEFAULT_THERMAL_PRINTER,
    });
    expect(checkThermalForm(network)).toEqual({ ok: true, settings: { ...network, port: 9100 } });
  });

  it('explains in Spanish what is wrong with each field', () => {
    expect(checkThermalForm({ ...network, port: '91OO' })).toEqual({
      ok: false,
      problems: { port: 'El puerto debe ser un número entre 1 y 65535' },
    });
    expect(checkThermalForm({ ...network, host: 'http://192.168.1.50' })).toEqual({
      ok: false,
      problems: { host: 'Escriba la dirección de la impresora (p. ej. 192.168.1.50), sin http:// ni puerto' },
    });
    expect(checkThermalForm({ ...network, host: '192.168.1.50:9100' })).toMatchObject({
      ok: false,
      problems: { host: expect.any(String) as string },
    });
    expect(checkThermalForm({ ...network, port: '70000' })).toMatchObject({
      ok: false,
      problems: { port: 'El puerto debe ser un número entre 1 y 65535' },
    });
    expect(checkThermalForm({ ...network, kind: 'usb', devicePath: '  ' })).toMatchObject({
      ok: false,
      problems: { devicePath: expect.stringContaining('/dev/usb/lp0') as string },
    });
  });

  it('switches the drawer off with the system printer instead of refusing the form', () => {
    expect(checkThermalForm({ ...network, kind: 'system' })).toMatchObject({
      ok: true,
      settings: { kind: 'system', drawer: false },
    });
  });
});
