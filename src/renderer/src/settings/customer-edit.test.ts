import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formToReceptor, type CustomerForm } from '../customers/customer-form';
import { receptorToForm } from './customer-edit';

describe('receptorToForm', () => {
  const forms: CustomerForm[] = [
    {
      ...EMPTY_FORM,
      kind: '01',
      tipoContribuyente: '2',
      ruc: '155596713-2-2015',
      dv: '59',
      razonSocial: 'THE FACTORY HKA CORP',
      direccion: 'Ave. La Paz',
      correo: 'f@hka.com',
    },
    { ...EMPTY_FORM, kind: '02', razonSocial: 'Juan Pérez', ruc: '8-123-456', dv: '12' },
    {
      ...EMPTY_FORM,
      kind: '04',
      razonSocial: 'John Smith',
      tipoIdentificacion: '01',
      nroIdentificacionExtranjero: 'X1234567',
      paisExtranjero: 'US',
    },
    {
      ...EMPTY_FORM,
      kind: '03',
      tipoContribuyente: '2',
      ruc: '8-NT-1-13656',
      dv: '43',
      razonSocial: 'MINISTERIO DE EDUCACION',
      direccion: 'Ciudad de Panamá',
    },
  ];

  it.each(forms)('gives back the form a saved $kind customer came from', (form) => {
    expect(receptorToForm(formToReceptor(form))).toEqual(form);
  });
});
