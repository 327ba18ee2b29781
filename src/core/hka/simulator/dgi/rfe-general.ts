// gDGen (B01): the general data of the rFE, in XSD order (REFERENCE.md §4.2), from HKA's `datosTransaccion`
// (§2.2) plus what HKA adds itself (§3): environment, security code, padded number, issuer data.
import { child, textOf, type XNode } from '../../xml/xnode';
import type { AuthorizedDocument } from '../types';
import { appendEmisor, appendReceptor, appendRuc } from './rfe-parties';
import { decimalText, leaf, listItems, optionalGroup, type XmlElement } from './rfe-writer';

/** dNroDF has 10 digits and dPtoFacDF 3; HKA accepts them padded or not (§2.2 #5, #6) and pads them itself. */
const padded = (value: string | undefined, width: number): string | undefined =>
  value !== undefined && /^\d+$/.test(value) ? value.padStart(width, '0') : value;

function appendExportacion(gDGen: XmlElement, exp: XNode | undefined): void {
  optionalGroup(gDGen, 'gFExp', exp !== undefined, (g) => {
    leaf(g, 'cCondEntr', textOf(exp, 'condicionesEntrega'));
    leaf(g, 'cMoneda', textOf(exp, 'monedaOperExportacion'));
    leaf(g, 'cMonedaDesc', textOf(exp, 'monedaOperExportacionNonDef'));
    leaf(g, 'dCambio', decimalText(textOf(exp, 'tipoDeCambio'), 2, 4));
    leaf(g, 'dVTotEst', decimalText(textOf(exp, 'montoMonedaExtranjera'), 0, 4));
    leaf(g, 'dPuertoEmbarq', textOf(exp, 'puertoEmbarque'));
  });
}

/**
 * gDFRef. HKA's request has no field for the referenced document's issuer (§2.5): notes 04/05 can only reference
 * the issuer's own invoices, so gRucEmDFRef/dNombEmRef are the issuer, as HKA presumably fills them (§2.5, INFERRED).
 */
function appendReferencias(gDGen: XmlElement, datos: XNode | undefined, doc: AuthorizedDocument): void {
  for (const ref of listItems(datos, 'listaDocsFiscalReferenciados', 'docFiscalReferenciado')) {
    const g = gDGen.ele('gDFRef');
    appendRuc(g, 'gRucEmDFRef', { tipoRuc: doc.issuer.tipoRuc, ruc: doc.issuer.ruc, dv: doc.issuer.dv });
    leaf(g, 'dNombEmRef', doc.issuer.razonSocial);
    leaf(g, 'dFechaDFRef', textOf(ref, 'fechaEmisionDocFiscalReferenciado'));
    const num = g.ele('gDFRefNum');
    const cufe = textOf(ref, 'cufeFEReferenciada');
    const papel = textOf(ref, 'nroFacturaPapel');
    const impFiscal = textOf(ref, 'nroFacturaImpFiscal') ?? textOf(ref, 'nroFacturaIF');
    // DGI choice: exactly one of the three (HKA rejects references with none or several).
    if (cufe !== undefined) leaf(num.ele('gDFRefFE'), 'dCUFERef', cufe);
    else if (papel !== undefined) leaf(num.ele('gDFRefFacPap'), 'dNroFacPap', papel);
    else if (impFiscal !== undefined) leaf(num.ele('gDFRefFacIE'), 'dNroFacIE', impFiscal);
  }
}

function appendAutorizados(gDGen: XmlElement, datos: XNode | undefined): void {
  for (const aut of listItems(datos, 'listaAutorizadosDescargaFEyEventos', 'autorizadoDescargaFEyEventos')) {
    appendRuc(gDGen.ele('gAutXML'), 'gRucAutXML', {
      tipoRuc: textOf(aut, 'tipoContribuyente'),
      ruc: textOf(aut, 'rucReceptor'),
      dv: textOf(aut, 'digitoVerifRucReceptor'),
    });
  }
}

export function appendDatosGenerales(rfe: XmlElement, doc: AuthorizedDocument): void {
  const datos = child(doc.documento, 'datosTransaccion');
  const text = (name: string): string | undefined => textOf(datos, name);
  const gDGen = rfe.ele('gDGen');
  leaf(gDGen, 'iAmb', doc.ambiente);
  leaf(gDGen, 'iTpEmis', text('tipoEmision'));
  leaf(gDGen, 'dFechaCont', text('fechaInicioContingencia'));
  leaf(gDGen, 'dMotCont', text('motivoContingencia'));
  leaf(gDGen, 'iDoc', text('tipoDocumento'));
  leaf(gDGen, 'dNroDF', padded(text('numeroDocumentoFiscal'), 10));
  leaf(gDGen, 'dPtoFacDF', padded(text('puntoFacturacionFiscal'), 3));
  leaf(gDGen, 'dSeg', doc.codigoSeguridad);
  leaf(gDGen, 'dFechaEm', text('fechaEmision'));
  leaf(gDGen, 'dFechaSalida', text('fechaSalida'));
  leaf(gDGen, 'iNatOp', text('naturalezaOperacion'));
  leaf(gDGen, 'iTipoOp', text('tipoOperacion'));
  leaf(gDGen, 'iDest', text('destinoOperacion'));
  leaf(gDGen, 'iFormCAFE', text('formatoCAFE'));
  leaf(gDGen, 'iEntCAFE', text('entregaCAFE'));
  leaf(gDGen, 'dEnvFE', text('envioContenedor'));
  leaf(gDGen, 'iProGen', text('procesoGeneracion'));
  leaf(gDGen, 'iTipoTranVenta', text('tipoVenta'));
  // SOAP samples put tipoSucursal in `documento`; a REST-style fixture puts it in datosTransaccion (§7.7).
  leaf(gDGen, 'iTipoSuc', textOf(doc.documento, 'tipoSucursal') ?? text('tipoSucursal'));
  leaf(gDGen, 'dInfEmFE', text('informacionInteres'));
  appendEmisor(gDGen, doc.issuer, doc.branch);
  appendReceptor(gDGen, child(datos, 'cliente'));
  appendExportacion(gDGen, child(datos, 'datosFacturaExportacion'));
  appendReferencias(gDGen, datos, doc);
  appendAutorizados(gDGen, datos);
}
