// The identity proof's comparisons: HKA's CUFE (decoded) and HKA's stored document (rFE) against ours.
import { describe, expect, it } from 'vitest';
import { aSale, CONTRIBUYENTE } from '../../../tests/fixtures/fiscal-documents';
import { buildCufe } from '../../shared/fiscal/cufe';
import { validateDocument } from '../../shared/fiscal/validate';
import { DEMO_ACCOUNT } from '../hka/simulator';
import { compareCufe, compareRfe, describeMismatches } from './identity-proof';

function ours(overrides: Parameters<typeof aSale>[0] = {}) {
  const checked = validateDocument(aSale({ numeroDocumentoFiscal: '7', ...overrides }));
  if (!checked.ok) throw new Error(JSON.stringify(checked.violations));
  return { doc: checked.document, totals: checked.totals };
}

const { issuer } = DEMO_ACCOUNT;
/** A CUFE as HKA would build it for number `numero` of the demo issuer, issued on `fecha` (YYYYMMDD). */
function cufeFor(
  numero: string,
  fecha = '20261128',
  parts: { tipoEmision?: string; punto?: string; sucursal?: string; tipo?: string } = {},
): string {
  return buildCufe({
    tipoDocumento: parts.tipo ?? '01',
    tipoRuc: issuer.tipoRuc,
    ruc: issuer.ruc,
    dv: issuer.dv,
    codigoSucursal: parts.sucursal ?? '0000',
    fechaEmision: fecha,
    numeroDocumentoFiscal: numero,
    puntoFacturacion: parts.punto ?? '001',
    tipoEmision: parts.tipoEmision ?? '01',
    ambiente: '2',
    codigoSeguridad: '123456789',
  });
}

/** The parts of an rFE the proof reads, as DescargaXML returns them. */
function rfe(
  f: { fecha?: string; emision?: string; numero?: string; items?: number; total?: string; receptor?: string } = {},
): string {
  const items = Array.from({ length: f.items ?? 1 }, () => '<gItem><dDescProd>x</dDescProd></gItem>').join('');
  return `<?xml version="1.0" encoding="utf-8"?><rFE xmlns="http://dgi-fep.mef.gob.pa"><dVerForm>1.00</dVerForm>
    <gDGen><iTpEmis>${f.emision ?? '01'}</iTpEmis><iDoc>01</iDoc><dNroDF>${f.numero ?? '0000000007'}</dNroDF><dPtoFacDF>001</dPtoFacDF>
    <dFechaEm>${f.fecha ?? '2026-11-28T10:15:00-05:00'}</dFechaEm>
    <gDatRec>${f.receptor ?? '<iTipoRec>02</iTipoRec><cPaisRec>PA</cPaisRec>'}</gDatRec></gDGen>
    ${items}<gTot><dVTot>${f.total ?? '4.55'}</dVTot><dNroItems>${f.items ?? 1}</dNroItems></gTot></rFE>`;
}

describe('compareCufe', () => {
  it('accepts the CUFE HKA built for our own document', () => {
    const { doc } = ours();
    expect(compareCufe(cufeFor('7'), doc, issuer.ruc)).toEqual([]);
  });

  it.each([
    ['another number', cufeFor('8'), 'numeroDocumentoFiscal'],
    ['another day', cufeFor('7', '20261127'), 'fechaEmision (date)'],
    ['another emission type', cufeFor('7', '20261128', { tipoEmision: '02' }), 'tipoEmision'],
    ['another billing point', cufeFor('7', '20261128', { punto: '002' }), 'puntoFacturacionFiscal'],
    ['another branch', cufeFor('7', '20261128', { sucursal: '0001' }), 'codigoSucursalEmisor'],
    ['another document type', cufeFor('7', '20261128', { tipo: '04' }), 'tipoDocumento'],
  ])('names the field when the CUFE is for %s', (_what, cufe, field) => {
    const { doc } = ours();
    expect(compareCufe(cufe, doc).map((m) => m.field)).toEqual([field]);
  });

  it('compares the RUC when the register knows its own', () => {
    const { doc } = ours();
    expect(compareCufe(cufeFor('7'), doc, '8-888-888')).toEqual([
      { field: 'ruc', ours: '8-888-888', theirs: issuer.ruc },
    ]);
  });

  it('never accepts a CUFE that does not decode', () => {
    const { doc } = ours();
    const broken = cufeFor('7').slice(0, 65) + (cufeFor('7').endsWith('0') ? '1' : '0');
    expect(compareCufe(broken, doc)).toEqual([expect.objectContaining({ field: 'cufe' })]);
  });
});

describe('compareRfe', () => {
  it("accepts HKA's copy of our own sale (the same instant written with another offset too)", () => {
    const { doc, totals } = ours();
    expect(compareRfe(rfe(), doc, totals)).toEqual([]);
    expect(compareRfe(rfe({ fecha: '2026-11-28T15:15:00+00:00', total: '4.550' }), doc, totals)).toEqual([]);
  });

  it.each([
    ['another emission time', { fecha: '2026-11-28T10:15:01-05:00' }, 'fechaEmision'],
    ['another total', { total: '9.10' }, 'totalFactura'],
    ['another number of items', { items: 2 }, 'items'],
    ['another emission type', { emision: '02' }, 'tipoEmision'],
    [
      'another receptor',
      { receptor: '<iTipoRec>01</iTipoRec><gRucRec><dRuc>155596713-2-2015</dRuc></gRucRec><dNombRec>OTRO</dNombRec>' },
      'receptor.tipo',
    ],
  ])('finds a different sale by %s', (_what, fields, field) => {
    const { doc, totals } = ours();
    expect(compareRfe(rfe(fields), doc, totals).map((m) => m.field)).toContain(field);
  });

  it('compares a named receptor by RUC and name', () => {
    const { doc, totals } = ours({ cliente: { ...CONTRIBUYENTE } });
    const same = `<iTipoRec>01</iTipoRec><gRucRec><dRuc>${CONTRIBUYENTE.numeroRUC}</dRuc></gRucRec><dNombRec>${CONTRIBUYENTE.razonSocial}</dNombRec>`;
    expect(compareRfe(rfe({ receptor: same }), doc, totals)).toEqual([]);
    const other = compareRfe(rfe({ receptor: same.replace('THE FACTORY', 'OTRA') }), doc, totals);
    expect(describeMismatches(other)).toBe('receptor.nombre: ours THE FACTORY HKA CORP, HKA OTRA HKA CORP');
  });

  it('treats unreadable XML as a mismatch, never as proof', () => {
    const { doc, totals } = ours();
    expect(compareRfe('<rFE><gDGen>', doc, totals)).toEqual([expect.objectContaining({ field: 'rFE' })]);
  });
});
