// rfe2020Gaps against the schema itself: every value it calls 'invalid' really makes the rFE fail FE_v1.00.xsd,
// 'omitted' fields leave the rFE valid, and a document without gaps validates. No silent passes.
import { describe, expect, it } from 'vitest';
import type { FiscalDocumentInput } from '../../../../shared/fiscal/document';
import { aSale, anItem } from '../../../../../tests/fixtures/fiscal-documents';
import type { AuthorizedDocument } from '../types';
import { find } from '../../xml/xnode';
import { SIM_BRANCH, SIM_ISSUER, authorize, authorizeDocument, hkaDocumentoOf } from './dgi-documents.fixture';
import { isRfe2020Representable, rfe2020Gaps } from './rfe-2020';
import { buildRfeXml } from './rfe-xml';
import { rfe2020Errors, rfe2020ErrorsEach } from './rfe-xsd.fixture';

const CASH = { pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: '20.00' }] };
const withCorreo = (doc: AuthorizedDocument, email: string): AuthorizedDocument => {
  const documento = structuredClone(doc.documento);
  const correo = find(documento, 'correoElectronico1');
  if (!correo) throw new Error('fixture has no correoElectronico1');
  correo.text = email;
  return { ...doc, documento };
};
const sale = (overrides: Partial<FiscalDocumentInput>): AuthorizedDocument =>
  authorizeDocument(aSale({ ...CASH, ...overrides }));

const NOT_IN_2020: [string, AuthorizedDocument, string, string][] = [
  [
    'payment form 09 (cheque)',
    sale({ pagos: [{ formaPagoFact: '09', valorCuotaPagada: '4.55' }] }),
    'totalesSubTotales/listaFormaPago/formaPago[1]/formaPagoFact',
    'iFormaPago',
  ],
  [
    'document type 10 (operación extranjera)',
    sale({
      tipoDocumento: '10',
      naturalezaOperacion: '04',
      destinoOperacion: '2',
      cliente: {
        tipoClienteFE: '04',
        tipoIdentificacion: '01',
        nroIdentificacionExtranjero: 'X1234567',
        paisExtranjero: 'Chile',
        pais: 'CL',
      },
      datosFacturaExportacion: { condicionesEntrega: 'EXW', monedaOperExportacion: 'USD' },
    }),
    'datosTransaccion/tipoDocumento',
    'iDoc',
  ],
  [
    'nature of operation 03 (re-exportación)',
    sale({
      tipoDocumento: '03',
      naturalezaOperacion: '03',
      destinoOperacion: '2',
      cliente: {
        tipoClienteFE: '04',
        tipoIdentificacion: '01',
        nroIdentificacionExtranjero: 'X1234567',
        paisExtranjero: 'Chile',
        pais: 'CL',
      },
      datosFacturaExportacion: { condicionesEntrega: 'FOB', monedaOperExportacion: 'USD' },
    }),
    'datosTransaccion/naturalezaOperacion',
    'iNatOp',
  ],
  [
    'OTI code 03 (insurance tax)',
    sale({ items: [anItem({ otis: [{ codigo: '03', valor: '0.21' }] })] }),
    'listaItems/item[1]/listaItemOTI/oti[1]/tasaOTI',
    'dCodOTI',
  ],
  [
    'a receptor name of 150 characters',
    sale({ cliente: { tipoClienteFE: '02', razonSocial: 'Comercial '.repeat(15), pais: 'PA' } }),
    'datosTransaccion/cliente/razonSocial',
    'dNombRec',
  ],
  [
    'a long phone format',
    sale({ cliente: { tipoClienteFE: '02', telefonos: ['507123-4567-8901'], pais: 'PA' } }),
    'datosTransaccion/cliente/telefono1',
    'dTfnRec',
  ],
  [
    'an ISC rate not in the 2020 list',
    sale({ items: [anItem({ isc: { tasa: '0.07' } })] }),
    'listaItems/item[1]/tasaISC',
    'dTasaISC',
  ],
  [
    'a unit not in the 2020 catalogue',
    sale({ items: [anItem({ unidadMedida: 'Pallet' })] }),
    'listaItems/item[1]/unidadMedida',
    'cUnidad',
  ],
  [
    'an issuer RUC in the 8AV-… form',
    { ...sale({}), issuer: { ...SIM_ISSUER, ruc: '8AV-1-196' } },
    'emisor/ruc',
    'dRuc',
  ],
  [
    'a branch phone with 3 final digits',
    { ...sale({}), branch: { ...SIM_BRANCH, telefono: '2223-456' } },
    'emisor/sucursal/telefono',
    'dTfnEm',
  ],
];

describe('rfe2020Gaps', () => {
  it('finds no gap in a plain sale, and its rFE validates', async () => {
    const doc = sale({});
    expect(rfe2020Gaps(doc)).toEqual([]);
    expect(isRfe2020Representable(doc)).toBe(true);
    expect(await rfe2020Errors(buildRfeXml(doc))).toEqual([]);
  });

  it.each(NOT_IN_2020)('detects %s, which the 2020 schema indeed rejects', async (_, doc, gapPath, element) => {
    expect(rfe2020Gaps(doc)).toContainEqual(expect.objectContaining({ path: gapPath, effect: 'invalid' }));
    expect(isRfe2020Representable(doc)).toBe(false);
    const errors = await rfe2020Errors(buildRfeXml(doc));
    expect(errors.join('\n')).toContain(`}${element}'`);
  });

  it('reports fields without a v1.00 element as omitted; the rFE leaves them out and stays valid', async () => {
    const documento = hkaDocumentoOf(
      aSale({
        ...CASH,
        cliente: {
          tipoClienteFE: '04',
          tipoIdentificacion: '99',
          nroIdentificacionExtranjero: 'ID-778899',
          pais: 'PA',
        },
      }),
    );
    Object.assign(documento['totalesSubTotales'] as object, { totalOtrosGastos: '0.00' });
    const doc = authorize(documento);
    expect(rfe2020Gaps(doc)).toEqual([
      {
        path: 'datosTransaccion/cliente/tipoIdentificacion',
        value: '99',
        effect: 'omitted',
        reason: expect.any(String) as string,
      },
      {
        path: 'totalesSubTotales/totalOtrosGastos',
        value: '0.00',
        effect: 'omitted',
        reason: expect.any(String) as string,
      },
    ]);
    expect(isRfe2020Representable(doc)).toBe(false);
    const xml = buildRfeXml(doc);
    expect(xml).not.toMatch(/tipoIdentificacion|OtrosGastos/);
    expect(await rfe2020Errors(xml)).toEqual([]);
  });

  it('agrees with the schema on which e-mail addresses its 2020 pattern accepts', async () => {
    // XSD's \w includes symbols ('+') and non-ASCII letters but not '_'; domain labels need 2+ characters.
    const emails = [
      'compras@cliente.com.pa',
      'john_doe@mail.com',
      'josé.núñez@correo.pa',
      'x.@ab.pa',
      'a+b@xy.com',
      'ventas@a.pa',
      'ñandu@xy.pa',
      '-x@ab.pa',
      'a@bc-.pa',
      'x@dominio.technology',
      'a_@xy.pa',
      'a_b_@xy.pa',
    ];
    // Our own validation already refuses the addresses the DGI pattern rejects, so the address is put into the
    // received documento after mapping, as another HKA client could send it.
    const docs = emails.map((email) =>
      withCorreo(sale({ cliente: { tipoClienteFE: '02', correos: ['compras@cliente.com.pa'], pais: 'PA' } }), email),
    );
    const errors = await rfe2020ErrorsEach(docs.map(buildRfeXml));
    const verdicts = docs.map((doc, i) => ({
      email: emails[i],
      schemaAccepts: errors[i]?.length === 0,
      helperAccepts: isRfe2020Representable(doc),
    }));
    for (const v of verdicts) expect(v.helperAccepts, v.email).toBe(v.schemaAccepts);
    expect(verdicts.filter((v) => v.schemaAccepts).length).toBeGreaterThanOrEqual(3);
    expect(verdicts.filter((v) => !v.schemaAccepts).length).toBeGreaterThanOrEqual(3);
  });

  it('accepts the RUC forms of the 2020 pattern (cédula, E-, PE-, N-, 8-AV-, 8-NT-)', () => {
    for (const ruc of [
      '8-442-445',
      'E-8-127702',
      'PE-10-442',
      'N-45-832',
      '8-AV-1-196',
      '8-NT-1-13656',
      '155596713-2-2015',
    ]) {
      expect(rfe2020Gaps({ ...sale({}), issuer: { ...SIM_ISSUER, ruc } }), ruc).toEqual([]);
    }
  });
});
