import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  checkCustomerForm,
  describeReceptor,
  dvHint,
  fieldOf,
  formToReceptor,
  problemsByField,
  type CustomerForm,
} from './customer-form';

// The demo issuer of HKA's wiki: a jurídico RUC whose DV is 59 (README, simulator account).
const HKA = { ruc: '155596713-2-2015', dv: '59' };
const contribuyente = (over: Partial<CustomerForm> = {}): CustomerForm => ({
  ...EMPTY_FORM,
  kind: '01',
  tipoContribuyente: '2',
  ruc: HKA.ruc,
  dv: HKA.dv,
  razonSocial: 'THE FACTORY HKA CORP',
  direccion: 'Ave. La Paz, Ciudad de Panamá',
  ...over,
});

describe('customer form', () => {
  it('checks the DV as the cashier types and suggests the computed one', () => {
    expect(dvHint('', '', '2')).toEqual({ state: 'empty' });
    expect(dvHint(HKA.ruc, '', '2')).toEqual({ state: 'suggest', suggested: '59' });
    expect(dvHint(HKA.ruc, '59', '2')).toEqual({ state: 'valid' });
    expect(dvHint(HKA.ruc, '12', '2')).toEqual({ state: 'mismatch', suggested: '59' });
    expect(dvHint('8-NT-1-13656', '', '2')).toEqual({ state: 'suggest', suggested: '43' });
    expect(dvHint('hola', '', '2')).toMatchObject({ state: 'invalid' });
    expect(dvHint('8-2743-1253', '', '1')).toEqual({ state: 'suggest', suggested: '31' }); // DGI procedure, example 4a
    expect(dvHint('8AV-1234-12345', '', '1')).toMatchObject({ state: 'unverifiable' });
  });

  it('accepts a contribuyente with a correct DV', () => {
    expect(checkCustomerForm(contribuyente())).toMatchObject({
      ok: true,
      receptor: { tipoClienteFE: '01', numeroRUC: HKA.ruc },
    });
  });

  it('refuses a wrong DV with the core message, pointing at the DV field', () => {
    const result = checkCustomerForm(contribuyente({ dv: '12' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'digitoVerificadorRUC', message: 'El dígito verificador no corresponde al RUC (se esperaba 59)' },
    ]);
    expect(fieldOf(result.problems[0]!.path)).toBe('dv');
  });

  it('asks for everything a contribuyente needs, all at once', () => {
    const result = checkCustomerForm({ ...EMPTY_FORM, kind: '01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...new Set(result.problems.map((p) => fieldOf(p.path)))].sort()).toEqual([
      'direccion',
      'dv',
      'razonSocial',
      'ruc',
    ]);
  });

  it('builds an anonymous consumidor final and a named one with cédula', () => {
    expect(formToReceptor(EMPTY_FORM)).toEqual({ tipoClienteFE: '02', pais: 'PA' });
    const named = formToReceptor({ ...EMPTY_FORM, razonSocial: 'Ana Pérez', ruc: '8-442-445', dv: '' });
    expect(named).toEqual({
      tipoClienteFE: '02',
      razonSocial: 'Ana Pérez',
      identificacion: { tipoContribuyente: '1', numeroRUC: '8-442-445' },
      pais: 'PA',
    });
    expect(checkCustomerForm({ ...EMPTY_FORM, razonSocial: 'Ana Pérez' }).ok).toBe(true);
  });

  it('builds an extranjero with passport and no RUC', () => {
    const form: CustomerForm = {
      ...EMPTY_FORM,
      kind: '04',
      razonSocial: 'John Smith',
      nroIdentificacionExtranjero: 'X1234567',
      paisExtranjero: 'US',
    };
    expect(checkCustomerForm(form)).toMatchObject({
      ok: true,
      receptor: { tipoClienteFE: '04', tipoIdentificacion: '01', nroIdentificacionExtranjero: 'X1234567' },
    });
    expect(checkCustomerForm({ ...form, nroIdentificacionExtranjero: '' }).ok).toBe(false);
  });
});

describe('problems by field', () => {
  it('keeps the first message per field and gathers the rest after the general line', () => {
    const grouped = problemsByField(
      [
        { path: 'digitoVerificadorRUC', message: 'DV no corresponde' },
        { path: 'digitoVerificadorRUC', message: 'segundo mensaje del DV' },
        { path: 'tipoClienteFE', message: 'Tipo de cliente no válido' },
      ],
      'Corrija los errores.',
    );
    expect(grouped).toEqual({ dv: 'DV no corresponde', general: 'Corrija los errores. Tipo de cliente no válido' });
  });
});

describe('customer on screen', () => {
  it('names the customer and shows the id line', () => {
    expect(describeReceptor({ tipoClienteFE: '02', pais: 'PA' })).toEqual({ name: null, detail: null });
    const receptor = formToReceptor(contribuyente());
    expect(describeReceptor(receptor)).toEqual({ name: 'THE FACTORY HKA CORP', detail: 'RUC 155596713-2-2015 DV 59' });
  });
});
