// buildRfeXml on the main document shapes: every one validates against the DGI 2020 schema (adapted only in regex
// syntax, see rfe-xsd.fixture.ts), and the values HKA adds or moves (§3) land where the DGI format wants them.
import { describe, expect, it } from 'vitest';
import { REAL_CUFE, aSale, anItem } from '../../../../../tests/fixtures/fiscal-documents';
import { child, children, parseXml, textOf } from '../../xml/xnode';
import { SIM_BRANCH, SIM_ISSUER, authorize, hkaDocumentoOf } from './dgi-documents.fixture';
import { rfe2020Gaps } from './rfe-2020';
import { SIGNATURE_ALGORITHMS } from './rfe-signature';
import { buildRfeXml } from './rfe-xml';
import { rfe2020Errors } from './rfe-xsd.fixture';

import { SHAPES, names, path, rfeOf } from '../../../../../tests/fixtures/rfe-shapes';

describe('buildRfeXml: schema validity', () => {
  it.each(Object.entries(SHAPES))('%s validates against FE_v1.00.xsd', async (_, input) => {
    const { doc, xml } = rfeOf(input);
    // Only fields the 2020 format has no element for may be missing; nothing outside its value lists.
    expect(rfe2020Gaps(doc).filter((g) => g.effect === 'invalid')).toEqual([]);
    expect(await rfe2020Errors(xml)).toEqual([]);
  });

  it('also validates with the optional groups other clients may send (vehicle, medicine, orders, logistics, delivery)', async () => {
    const documento = hkaDocumentoOf(
      aSale({
        items: [anItem(), anItem({ descripcion: 'Analgésico 500 mg', precioUnitario: '1.00', tasaItbms: '00' })],
        pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }],
      }),
    );
    const items = (documento['listaItems'] as { item: Record<string, unknown>[] }).item;
    Object.assign(items[0] ?? {}, {
      vehiculo: {
        modalidadOperacionVenta: '02',
        chasis: '1HGCM82633A004352',
        codigoColor: 'BL',
        colorNombre: 'Blanco',
        potenciaMotor: '150',
        capacidadMotor: '1800',
        pesoNeto: '1.2',
        tipoCombustible: '01',
        numeroMotor: 'R18A12345',
        anoModelo: '2026',
        tipoVehiculo: '4',
        usoVehiculo: '2',
      },
      pedidoComercialItem: { nroPedidoCompraItem: '4500012', nroItem: '1' },
    });
    Object.assign(items[1] ?? {}, { medicina: { nroLote: 'L2026-11', cantProductosLote: '20' } });
    Object.assign(documento, {
      pedidoComercialGlobal: {
        nroPedidoCompraGlobal: '4500012',
        nroAceptacion: 'AC-77',
        codigoReceptor: 'CLI-9',
        infoPedido: 'Urgente',
      },
      infoLogistica: {
        nroVolumenes: '2',
        pesoCarga: '15.5',
        unidadPesoTotal: '2',
        razonSocialTransportista: 'Transportes del Istmo S.A.',
        tipoRucTransportista: '2',
        rucTransportista: '155646463-2-2017',
        digitoVerifRucTransportista: '86',
      },
      infoEntrega: {
        razonSocialEntrega: 'Bodega Central',
        direccionEntrega: 'Vía España',
        codigoUbicacionEntrega: '8-8-7',
        provinciaEntrega: 'PANAMA',
        distritoEntrega: 'PANAMA',
        corregimientoEntrega: 'BELLA VISTA',
        telefonoEntrega: '300-9200',
      },
    });
    const doc = authorize(documento);
    const rfe = parseXml(buildRfeXml(doc));
    expect(names(rfe).slice(-5)).toEqual(['gPedComGl', 'gInfoLog', 'gLcEntr', 'Signature', 'gNoFirm']);
    expect(textOf(path(children(rfe, 'gItem')[0], 'gVehicNuevo'), 'dChasi')).toBe('1HGCM82633A004352');
    expect(textOf(path(children(rfe, 'gItem')[1], 'gMedicina'), 'dCtLote')).toBe('20');
    expect(rfe2020Gaps(doc)).toEqual([
      expect.objectContaining({ path: 'pedidoComercialGlobal/codigoReceptor', effect: 'omitted' }),
    ]);
    expect(await rfe2020Errors(buildRfeXml(doc))).toEqual([]);
  });
});

describe('buildRfeXml: content', () => {
  it('is UTF-8 XML with root rFE in the DGI namespace, groups in schema order, QR last', () => {
    const { xml, rfe } = rfeOf(SHAPES['consumidor final, cash with change'] ?? aSale());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rFE xmlns="http://dgi-fep.mef.gob.pa">')).toBe(true);
    expect(names(rfe)).toEqual(['dVerForm', 'dId', 'gDGen', 'gItem', 'gTot', 'Signature', 'gNoFirm']);
    expect(textOf(rfe, 'dVerForm')).toBe('1.00');
  });

  it('adds what HKA adds: CUFE as dId, environment, dSeg, padded number, issuer and branch from the account', () => {
    const { doc, rfe } = rfeOf(SHAPES['consumidor final, cash with change'] ?? aSale());
    const gDGen = child(rfe, 'gDGen');
    expect(textOf(rfe, 'dId')).toBe(doc.cufe);
    expect([textOf(gDGen, 'iAmb'), textOf(gDGen, 'dNroDF'), textOf(gDGen, 'dPtoFacDF'), textOf(gDGen, 'dSeg')]).toEqual(
      ['2', '0000000001', '001', doc.codigoSeguridad],
    );
    expect([textOf(gDGen, 'iTipoSuc'), textOf(gDGen, 'iTipoTranVenta'), textOf(gDGen, 'iProGen')]).toEqual([
      '1',
      '1',
      '1',
    ]);
    const gEmis = child(gDGen, 'gEmis');
    expect(names(gEmis)).toEqual(['gRucEmi', 'dNombEm', 'dSucEm', 'dCoordEm', 'dDirecEm', 'gUbiEm', 'dTfnEm']);
    expect(names(child(gEmis, 'gRucEmi')).map((n) => textOf(child(gEmis, 'gRucEmi'), n))).toEqual([
      '2',
      SIM_ISSUER.ruc,
      '59',
    ]);
    expect([
      textOf(gEmis, 'dNombEm'),
      textOf(gEmis, 'dSucEm'),
      textOf(gEmis, 'dCoordEm'),
      textOf(gEmis, 'dTfnEm'),
    ]).toEqual(['THE FACTORY HKA CORP', '0000', '+8.9892,-79.5201', '222-3456']);
    expect(names(child(gEmis, 'gUbiEm')).map((n) => textOf(child(gEmis, 'gUbiEm'), n))).toEqual([
      SIM_BRANCH.codigoUbicacion,
      'BELLA VISTA',
      'PANAMA',
      'PANAMA',
    ]);
    expect(names(child(gDGen, 'gDatRec'))).toEqual(['iTipoRec', 'cPaisRec']);
  });

  it('maps a contribuyente with RUC, location (corregimiento first), phone and e-mail', () => {
    const { rfe } = rfeOf(SHAPES['contribuyente with location, ISC, OTI, GTIN, discounts'] ?? aSale());
    const rec = path(rfe, 'gDGen', 'gDatRec');
    expect(names(rec)).toEqual([
      'iTipoRec',
      'gRucRec',
      'dNombRec',
      'dDirecRec',
      'gUbiRec',
      'dTfnRec',
      'dCorElectRec',
      'cPaisRec',
    ]);
    expect(['dTipoRuc', 'dRuc', 'dDV'].map((n) => textOf(child(rec, 'gRucRec'), n))).toEqual([
      '2',
      '155596713-2-2015',
      '59',
    ]);
    expect(['dCodUbi', 'dCorreg', 'dDistr', 'dProv'].map((n) => textOf(child(rec, 'gUbiRec'), n))).toEqual([
      '8-8-7',
      'BELLA VISTA',
      'PANAMA',
      'PANAMA',
    ]);
    expect(textOf(path(rfe, 'gDGen'), 'dInfEmFE')).toBe('Entrega en bodega, horario de 8:00 a 17:00');
  });

  it('numbers items, prints prices with 2–6 decimals, line amounts (rounded to cents) and totals with exactly 2', () => {
    const { rfe } = rfeOf(SHAPES['contribuyente with location, ISC, OTI, GTIN, discounts'] ?? aSale());
    const items = children(rfe, 'gItem');
    expect(items.map((i) => textOf(i, 'dSecItem'))).toEqual(['001', '002', '003']);
    const first = items[0];
    expect(
      ['dPrUnit', 'dPrUnitDesc', 'dPrItem', 'dValTotItem'].map((n) => textOf(child(first, 'gPrecios'), n)),
    ).toEqual(['12.345678', '0.50', '35.54', '38.03']);
    expect(textOf(first, 'dCantCodInt')).toBe('3.00');
    expect(
      ['dGTINCom', 'dCantGTINCom', 'dGTINInv', 'dCantComInvent'].map((n) => textOf(child(first, 'gCodItem'), n)),
    ).toEqual(['7501031311309', '3.00', '0', '3.00']);
    expect(names(items[2])).toEqual([
      'dSecItem',
      'dDescProd',
      'dCodProd',
      'cUnidad',
      'dCantCodInt',
      'gPrecios',
      'gITBMSItem',
      'gISCItem',
      'gOTIItem',
    ]);
    expect(['dTasaISC', 'dValISC'].map((n) => textOf(child(items[2], 'gISCItem'), n))).toEqual(['0.05', '0.11']);
    const gTot = child(rfe, 'gTot');
    expect(names(gTot)).toEqual([
      'dTotNeto',
      'dTotITBMS',
      'dTotISC',
      'dTotGravado',
      'dTotDesc',
      'dVTot',
      'dTotRec',
      'iPzPag',
      'dNroItems',
      'dVTotItems',
      'gDescBonif',
      'gFormaPago',
      'gOTITotal',
    ]);
    for (const amount of [
      'dTotNeto',
      'dTotITBMS',
      'dTotISC',
      'dTotGravado',
      'dTotDesc',
      'dVTot',
      'dTotRec',
      'dVTotItems',
    ]) {
      expect(textOf(gTot, amount)).toMatch(/^\d+\.\d{2}$/);
    }
    expect([textOf(gTot, 'dVTot'), textOf(gTot, 'dNroItems'), textOf(path(gTot, 'gFormaPago'), 'iFormaPago')]).toEqual([
      '99.64',
      '3',
      '03',
    ]);
  });

  it('fills gDFRef with the issuer as the referenced issuer and the CUFE in gDFRefFE', () => {
    const { rfe } = rfeOf(SHAPES['credit note (04) referencing a CUFE'] ?? aSale());
    const ref = path(rfe, 'gDGen', 'gDFRef');
    expect(names(ref)).toEqual(['gRucEmDFRef', 'dNombEmRef', 'dFechaDFRef', 'gDFRefNum']);
    expect(textOf(child(ref, 'gRucEmDFRef'), 'dRuc')).toBe(SIM_ISSUER.ruc);
    expect(textOf(ref, 'dNombEmRef')).toBe(SIM_ISSUER.razonSocial);
    expect(textOf(path(ref, 'gDFRefNum', 'gDFRefFE'), 'dCUFERef')).toBe(REAL_CUFE);
    expect(textOf(path(rfe, 'gDGen'), 'iTipoTranVenta')).toBeUndefined();
    const paper = rfeOf(SHAPES['generic debit note (07) referencing a paper invoice'] ?? aSale()).rfe;
    expect(textOf(path(paper, 'gDGen', 'gDFRef', 'gDFRefNum', 'gDFRefFacPap'), 'dNroFacPap')).toBe('A-000123');
  });

  it('writes the foreign ID in gIdExt, numbers instalments, and leaves out tipoIdentificacion', () => {
    const { xml, rfe } = rfeOf(SHAPES['foreign customer on term, two instalments'] ?? aSale());
    const rec = path(rfe, 'gDGen', 'gDatRec');
    expect(names(rec)).toEqual(['iTipoRec', 'dNombRec', 'gIdExt', 'cPaisRec']);
    expect(['dIdExt', 'dPaisExt'].map((n) => textOf(child(rec, 'gIdExt'), n))).toEqual(['AB123456', 'Colombia']);
    expect(xml).not.toContain('tipoIdentificacion');
    const plazos = children(child(rfe, 'gTot'), 'gPagPlazo');
    expect(plazos.map((p) => [textOf(p, 'dSecItem'), textOf(p, 'dValItPlazo')])).toEqual([
      ['1', '53.50'],
      ['2', '53.50'],
    ]);
  });

  it('puts contingency data right after iTpEmis and the withholding after the payments', () => {
    const { rfe } = rfeOf(SHAPES['contingency (02) with withholding'] ?? aSale());
    expect(names(child(rfe, 'gDGen')).slice(0, 5)).toEqual(['iAmb', 'iTpEmis', 'dFechaCont', 'dMotCont', 'iDoc']);
    expect(textOf(child(rfe, 'gDGen'), 'dMotCont')).toBe('Falla del enlace de internet del local');
    expect(['cCodRetenc', 'cValRetenc'].map((n) => textOf(path(rfe, 'gTot', 'gRetenc'), n))).toEqual(['2', '0.15']);
  });

  it('signs like the real PAC document, with clearly simulated Base64 placeholders, and puts the QR in CDATA', () => {
    const { doc, xml, rfe } = rfeOf(SHAPES['consumidor final, cash with change'] ?? aSale());
    expect(xml).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    const signature = child(rfe, 'Signature');
    expect(names(signature)).toEqual(['SignedInfo', 'SignatureValue', 'KeyInfo']);
    const signedInfo = child(signature, 'SignedInfo');
    expect(child(signedInfo, 'CanonicalizationMethod')?.attrs['Algorithm']).toBe(SIGNATURE_ALGORITHMS.canonicalization);
    expect(child(signedInfo, 'SignatureMethod')?.attrs['Algorithm']).toBe(SIGNATURE_ALGORITHMS.signature);
    const reference = child(signedInfo, 'Reference');
    expect(reference?.attrs['URI']).toBe('');
    expect(children(child(reference, 'Transforms'), 'Transform').map((t) => t.attrs['Algorithm'])).toEqual([
      ...SIGNATURE_ALGORITHMS.transforms,
    ]);
    expect(child(reference, 'DigestMethod')?.attrs['Algorithm']).toBe(SIGNATURE_ALGORITHMS.digest);
    expect(textOf(reference, 'DigestValue')).toBe(doc.digestValue);
    const decoded = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');
    expect(decoded(textOf(signature, 'SignatureValue'))).toContain('SIMULATED SIGNATURE');
    expect(decoded(textOf(path(signature, 'KeyInfo', 'X509Data'), 'X509Certificate'))).toContain(
      'SIMULATED CERTIFICATE',
    );
    expect(xml).toMatch(/<Signature [^>]*><!-- HKA simulator: simulated signature/);
    expect(xml).toContain(`<dQRCode><![CDATA[${doc.qr}]]></dQRCode>`);
    expect(textOf(child(rfe, 'gNoFirm'), 'dQRCode')).toBe(doc.qr);
  });
});

describe('buildRfeXml: the optional groups of issue 12 §3', () => {
  it('writes the medicine lot, the vehicle, the GTIN quantities, gAutXML, the purchase order, logistics and delivery', () => {
    const { rfe } = rfeOf(
      SHAPES['every optional group (medicine, vehicle, GTIN quantities, gAutXML, gPedComGl, gInfoLog, gLcEntr)'] ??
        aSale(),
    );
    const [medicine, vehicle] = children(rfe, 'gItem');
    expect([textOf(child(medicine, 'gMedicina'), 'dNroLote'), textOf(child(medicine, 'gMedicina'), 'dCtLote')]).toEqual(
      ['L2026-0457', '21'],
    );
    expect([textOf(medicine, 'dFechaFab'), textOf(medicine, 'dFechaCad')]).toEqual(['2026-01-15', '2028-01-14']);
    expect(
      ['dChasi', 'dNroMotor', 'cTipoVehic', 'cUsoVehic'].map((n) => textOf(child(vehicle, 'gVehicNuevo'), n)),
    ).toEqual(['3N1AB7AP5KY123456', 'HR16-778899', '4', '2']);
    expect(
      ['dGTINCom', 'dCantGTINCom', 'dGTINInv', 'dCantComInvent'].map((n) => textOf(child(vehicle, 'gCodItem'), n)),
    ).toEqual(['7501031311309', '1.00', '7501031311309', '1.00']);
    expect(['dNroPed', 'dSecItemPed'].map((n) => textOf(child(vehicle, 'gPedComIr'), n))).toEqual(['4500123', '1']);
    expect(['dTipoRuc', 'dRuc', 'dDV'].map((n) => textOf(path(rfe, 'gDGen', 'gAutXML', 'gRucAutXML'), n))).toEqual([
      '2',
      '155646463-2-2017',
      '86',
    ]);
    expect(names(rfe).slice(-6)).toEqual(['gTot', 'gPedComGl', 'gInfoLog', 'gLcEntr', 'Signature', 'gNoFirm']);
    expect(textOf(child(rfe, 'gInfoLog'), 'dNomTransp')).toBe('Transportes Istmeños, S.A.');
    expect(textOf(path(rfe, 'gLcEntr', 'gUbiLcEntr'), 'dCodUbi')).toBe('8-8-7');
  });
});
