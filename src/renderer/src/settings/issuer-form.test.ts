import { describe, expect, it } from 'vitest';
import { checkIssuerForm, formatAutorizados, issuerDvHint, parseAutorizados, type IssuerForm } from './issuer-form';

// HKA's demo issuer: a jurídico RUC whose DV is 59.
const GOOD: IssuerForm = {
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'THE FACTORY HKA CORP',
  codigoSucursalEmisor: '0000',
  tipoSucursal: '1',
  puntoFacturacionFiscal: '001',
  naturalezaOperacion: '01',
  autorizadosDescarga: [],
};

describe('issuerDvHint', () => {
  it('follows the DV as it is typed: suggestion, match, mismatch with the computed DV', () => {
    expect(issuerDvHint('', '')).toEqual({ state: 'empty' });
    expect(issuerDvHint(GOOD.ruc, '')).toEqual({ state: 'suggest', expected: '59' });
    expect(issuerDvHint(GOOD.ruc, '59')).toEqual({ state: 'valid' });
    expect(issuerDvHint(GOOD.ruc, '12')).toEqual({ state: 'mismatch', expected: '59' });
  });

  it('says why when the RUC cannot be checked', () => {
    expect(issuerDvHint('no-es-un-ruc', '12')).toMatchObject({
      state: 'unknown',
      reason: 'El RUC no tiene un formato válido',
    });
  });
});

describe('checkIssuerForm', () => {
  it('accepts a complete issuer with the right DV', () => {
    expect(checkIssuerForm(GOOD)).toEqual({ ok: true, input: GOOD });
  });

  it('refuses a wrong DV with the DV the algorithm expects', () => {
    expect(checkIssuerForm({ ...GOOD, dv: '12' })).toEqual({
      ok: false,
      problems: { dv: 'El DV no corresponde a este RUC; el calculado es 59' },
    });
  });

  it("reports each bad field with the contract's Spanish message", () => {
    const result = checkIssuerForm({
      ...GOOD,
      puntoFacturacionFiscal: '000',
      codigoSucursalEmisor: '12',
      razonSocial: '',
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        puntoFacturacionFiscal: 'El punto de facturación va de 001 a 999',
        codigoSucursalEmisor: 'El código de sucursal tiene 4 letras o dígitos (0000 = casa matriz)',
        razonSocial: 'Escriba la razón social',
      },
    });
  });
});

describe('authorised downloaders as the manager types them', () => {
  it('reads one "RUC DV" per line, infers the type from the DV, and names a malformed line', () => {
    expect(parseAutorizados('155646463-2-2017 86\n\n 8-2743-1253  DV 31 ')).toEqual({
      ok: true,
      list: [
        { tipoContribuyente: '2', rucReceptor: '155646463-2-2017', digitoVerifRucReceptor: '86' },
        { tipoContribuyente: '1', rucReceptor: '8-2743-1253', digitoVerifRucReceptor: '31' },
      ],
    });
    expect(parseAutorizados('155646463-2-2017\n')).toEqual({ ok: false, line: 1 });
    expect(
      formatAutorizados([{ tipoContribuyente: '2', rucReceptor: '155646463-2-2017', digitoVerifRucReceptor: '86' }]),
    ).toBe('155646463-2-2017 86');
  });

  it('names the line of a DV that does not match', () => {
    const list = parseAutorizados('155596713-2-2015 59\n155646463-2-2017 68');
    if (!list.ok) throw new Error('parsed');
    const checked = checkIssuerForm({ ...GOOD, autorizadosDescarga: list.list });
    expect(checked).toMatchObject({
      ok: false,
      problems: {
        autorizadosDescarga: expect.stringMatching(/^Línea 2: el DV del autorizado no corresponde al RUC/) as unknown,
      },
    });
  });
});
