// Receptor rules of §2.3 (split from validate-documento.rules.test.ts); each case states the complete list of messages.
// Conditional rules of §2.2, §2.3, §2.5 and §2.12: contingency, notes, dates, receptor types, countries, references,
// government CPBS, payment rules. Each case states the exact, complete list of messages.
import { describe, expect, it } from 'vitest';
import type { XNode } from '../../xml/xnode';
import { validateDocumento } from './validate-documento';
import { BASE, CTX, append, edit, el, group, insertAfter, setTexts } from './validation-kit.fixture';

const validate = (doc: XNode) => validateDocumento(doc, CTX);
const DT = 'datosTransaccion';
const CLIENTE = `${DT}/cliente`;

const withCliente = (doc: XNode, fields: Record<string, string>) => edit(doc, CLIENTE, () => group('cliente', fields));
const CONTRIBUYENTE = {
  tipoClienteFE: '01',
  tipoContribuyente: '2',
  numeroRUC: '155596713-2-2015',
  digitoVerificadorRUC: '59',
  razonSocial: 'THE FACTORY HKA CORP',
  direccion: 'Ave. La Paz',
  pais: 'PA',
};

describe('simulator validation: receptor rules (§2.3)', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['a contribuyente with RUC, DV, name and address', CONTRIBUYENTE, []],
    [
      'a contribuyente without its identification',
      { tipoClienteFE: '01', pais: 'PA' },
      [
        'El campo tipoContribuyente es requerido',
        'El campo numeroRUC es requerido',
        'El campo digitoVerificadorRUC es requerido',
        'El campo razonSocial es requerido',
        'El campo direccion es requerido',
      ],
    ],
    [
      'a government receptor without address',
      { ...CONTRIBUYENTE, tipoClienteFE: '03', direccion: '' },
      [
        'El campo direccion es requerido',
        'En la ocurrencia 1 de Item, El campo codigoCPBSAbrev es requerido',
        'En la ocurrencia 1 de Item, El campo codigoCPBS es requerido',
        'En la ocurrencia 1 de Item, El campo unidadMedidaCPBS es requerido',
        'En la ocurrencia 2 de Item, El campo codigoCPBSAbrev es requerido',
        'En la ocurrencia 2 de Item, El campo codigoCPBS es requerido',
        'En la ocurrencia 2 de Item, El campo unidadMedidaCPBS es requerido',
      ],
    ],
    [
      'a DV that does not match the RUC',
      { ...CONTRIBUYENTE, digitoVerificadorRUC: '58' },
      ['El campo digitoVerificadorRUC es inválido (declarado 58, calculado 59)'],
    ],
    ['a RUC in no known form', { ...CONTRIBUYENTE, numeroRUC: 'ABC-123' }, ['El campo numeroRUC es inválido']],
    [
      'a RUC whose DV cannot be computed locally (AV with a 4-digit tomo): accepted',
      { ...CONTRIBUYENTE, tipoContribuyente: '1', numeroRUC: '2AV-1234-12345', digitoVerificadorRUC: '26' },
      [],
    ],
    [
      'a 4-digit tomo cédula of the DGI procedure (example 4a) with a wrong DV',
      { ...CONTRIBUYENTE, tipoContribuyente: '1', numeroRUC: '8-2743-1253', digitoVerificadorRUC: '13' },
      ['El campo digitoVerificadorRUC es inválido (declarado 13, calculado 31)'],
    ],
    [
      'a jurídico RUC declared as consumidor final',
      { tipoClienteFE: '02', tipoContribuyente: '2', numeroRUC: '155596713-2-2015', pais: 'PA' },
      ['El campo tipoClienteFE es inválido (un RUC jurídico debe declararse como contribuyente (01))'],
    ],
    [
      'a consumidor final identified by cédula with a wrong DV',
      { tipoClienteFE: '02', tipoContribuyente: '1', numeroRUC: '8-442-445', digitoVerificadorRUC: '00', pais: 'PA' },
      ['El campo digitoVerificadorRUC es inválido (declarado 00, calculado 08)'],
    ],
    [
      'a foreigner without identification',
      { tipoClienteFE: '04', pais: 'PA' },
      ['El campo tipoIdentificacion es requerido', 'El campo nroIdentificacionExtranjero es requerido'],
    ],
    [
      'a foreigner with RUC and location',
      {
        tipoClienteFE: '04',
        tipoContribuyente: '1',
        numeroRUC: '8-442-445',
        digitoVerificadorRUC: '88',
        codigoUbicacion: '8-8-7',
        provincia: 'PANAMÁ',
        distrito: 'PANAMÁ',
        corregimiento: 'BELLA VISTA',
        tipoIdentificacion: '01',
        nroIdentificacionExtranjero: 'AB123',
        pais: 'PA',
      },
      [
        'El campo tipoContribuyente no debe ser informado',
        'El campo numeroRUC no debe ser informado',
        'El campo digitoVerificadorRUC no debe ser informado',
        'El campo codigoUbicacion no debe ser informado',
        'El campo provincia no debe ser informado',
        'El campo distrito no debe ser informado',
        'El campo corregimiento no debe ser informado',
      ],
    ],
    [
      'a foreigner with passport in a domestic sale',
      {
        tipoClienteFE: '04',
        tipoIdentificacion: '01',
        nroIdentificacionExtranjero: 'AB123',
        paisExtranjero: 'Colombia',
        pais: 'PA',
      },
      [],
    ],
    [
      'another country in a domestic sale',
      { tipoClienteFE: '02', pais: 'CO' },
      ['El campo pais es inválido (debe ser PA cuando destinoOperacion es 1)'],
    ],
  ])('%s', (_case, cliente, expected) => {
    expect(validate(withCliente(BASE, cliente))).toEqual(expected);
  });

  const exportDoc = (cliente: Record<string, string>, exportacion?: Record<string, string>) => {
    const doc = withCliente(
      setTexts(BASE, {
        [`${DT}/destinoOperacion`]: '2',
        [`${DT}/tipoDocumento`]: '03',
        [`${DT}/naturalezaOperacion`]: '02',
      }),
      cliente,
    );
    return exportacion ? insertAfter(doc, CLIENTE, group('datosFacturaExportacion', exportacion)) : doc;
  };
  const FOREIGN = { tipoClienteFE: '04', tipoIdentificacion: '02', nroIdentificacionExtranjero: '900123456' };

  it.each<[string, XNode, string[]]>([
    [
      'an export in USD',
      exportDoc({ ...FOREIGN, pais: 'CO' }, { condicionesEntrega: 'FOB', monedaOperExportacion: 'USD' }),
      [],
    ],
    [
      'an export without export data, to PA',
      exportDoc({ ...FOREIGN, pais: 'PA' }),
      [
        'El campo datosFacturaExportacion es requerido',
        'El campo pais es inválido (no puede ser PA cuando destinoOperacion es 2)',
      ],
    ],
    [
      'country ZZ without its name',
      exportDoc({ ...FOREIGN, pais: 'ZZ' }, { condicionesEntrega: 'FOB', monedaOperExportacion: 'USD' }),
      ['El campo paisOtro es requerido'],
    ],
    [
      'an unknown INCOTERM and currency',
      exportDoc({ ...FOREIGN, pais: 'CO' }, { condicionesEntrega: 'XYZ', monedaOperExportacion: 'ABC' }),
      ['El campo condicionesEntrega es inválido', 'El campo monedaOperExportacion es inválido'],
    ],
    [
      'an export in EUR without exchange data',
      exportDoc({ ...FOREIGN, pais: 'ES' }, { condicionesEntrega: 'CIF', monedaOperExportacion: 'EUR' }),
      ['El campo tipoDeCambio es requerido', 'El campo montoMonedaExtranjera es requerido'],
    ],
    [
      'a foreign amount that is not tipoDeCambio × totalFactura',
      exportDoc(
        { ...FOREIGN, pais: 'ES' },
        {
          condicionesEntrega: 'CIF',
          monedaOperExportacion: 'EUR',
          tipoDeCambio: '0.92',
          montoMonedaExtranjera: '26.90',
        },
      ),
      ['El campo montoMonedaExtranjera es inválido (declarado 26.90, calculado 24.748)'],
    ],
    [
      'an export in EUR whose foreign amount is tipoDeCambio × totalFactura',
      exportDoc(
        { ...FOREIGN, pais: 'ES' },
        {
          condicionesEntrega: 'CIF',
          monedaOperExportacion: 'EUR',
          tipoDeCambio: '0.92',
          montoMonedaExtranjera: '24.748',
        },
      ),
      [],
    ],
    [
      'a currency outside the list without its name',
      exportDoc(
        { ...FOREIGN, pais: 'ES' },
        {
          condicionesEntrega: 'CIF',
          monedaOperExportacion: 'ZZZ',
          tipoDeCambio: '2.00',
          montoMonedaExtranjera: '53.80',
        },
      ),
      ['El campo monedaOperExportacionNonDef es requerido'],
    ],
  ])('%s', (_case, doc, expected) => {
    expect(validate(doc)).toEqual(expected);
  });

  it('checks that the abbreviated CPBS code is the family of the full code', () => {
    const item = 'listaItems/item[1]';
    const classified = (abrev: string) =>
      insertAfter(
        insertAfter(BASE, `${item}/cantidad`, el('codigoCPBSAbrev', abrev)),
        `${item}/codigoCPBSAbrev`,
        el('codigoCPBS', '1410'),
      );
    expect(validate(classified('14'))).toEqual([]);
    expect(validate(classified('50'))).toEqual([
      'En la ocurrencia 1 de Item, El campo codigoCPBSAbrev es inválido (no es la familia de codigoCPBS 1410)',
    ]);
  });

  it('checks the DV of third parties authorised to download', () => {
    const autorizado = (dv: string) =>
      el('listaAutorizadosDescargaFEyEventos', [
        group('autorizadoDescargaFEyEventos', {
          tipoContribuyente: '2',
          rucReceptor: '155596713-2-2015',
          digitoVerifRucReceptor: dv,
        }),
      ]);
    expect(validate(append(BASE, DT, autorizado('59')))).toEqual([]);
    expect(validate(append(BASE, DT, autorizado('58')))).toEqual([
      'En la ocurrencia 1 de AutorizadoDescargaFEyEventos, El campo digitoVerifRucReceptor es inválido (declarado 58, calculado 59)',
    ]);
  });
});
