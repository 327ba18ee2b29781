// gTot (D01) from HKA's `totalesSubTotales`, in XSD order (REFERENCE.md §2.9, §4.7). Every amount here is
// montoTipo01: exactly 2 decimals. HKA numbers the instalments (gPagPlazo/dSecItem) itself.
import { child, textOf, type XNode } from '../../xml/xnode';
import { amount2, leaf, listItems, type XmlElement } from './rfe-writer';

function appendPagos(gTot: XmlElement, totales: XNode | undefined): void {
  for (const desc of listItems(totales, 'listaDescBonificacion', 'descuentoBonificacion')) {
    const g = gTot.ele('gDescBonif');
    leaf(g, 'dDetalDesc', textOf(desc, 'descDescuento'));
    leaf(g, 'dValDesc', amount2(textOf(desc, 'montoDescuento')));
  }
  for (const pago of listItems(totales, 'listaFormaPago', 'formaPago')) {
    const g = gTot.ele('gFormaPago');
    leaf(g, 'iFormaPago', textOf(pago, 'formaPagoFact'));
    leaf(g, 'dFormaPagoDesc', textOf(pago, 'descFormaPago'));
    leaf(g, 'dVlrCuota', amount2(textOf(pago, 'valorCuotaPagada')));
  }
  const retencion = child(totales, 'retencion');
  if (retencion !== undefined) {
    const g = gTot.ele('gRetenc');
    leaf(g, 'cCodRetenc', textOf(retencion, 'codigoRetencion'));
    leaf(g, 'cValRetenc', amount2(textOf(retencion, 'montoRetencion')));
  }
  listItems(totales, 'listaPagoPlazo', 'pagoPlazo').forEach((plazo, index) => {
    const g = gTot.ele('gPagPlazo');
    leaf(g, 'dSecItem', String(index + 1));
    leaf(g, 'dFecItPlazo', textOf(plazo, 'fechaVenceCuota'));
    leaf(g, 'dValItPlazo', amount2(textOf(plazo, 'valorCuota')));
    leaf(g, 'dInfPagPlazo', textOf(plazo, 'infoPagoCuota'));
  });
  // The wiki and production clients spell the item `totalOti`, one SDK `totalOTI` (§2.9): accept both.
  for (const oti of listItems(totales, 'listaTotalOTI', ['totalOti', 'totalOTI'])) {
    const g = gTot.ele('gOTITotal');
    leaf(g, 'dCodOTITotal', textOf(oti, 'codigoTotalOTI'));
    leaf(g, 'dValOTITotal', amount2(textOf(oti, 'valorTotalOTI')));
  }
}

/**
 * `totalOtrosGastos` (a newer HKA field) has no v1.00 element and is left out; rfe-2020.ts reports it.
 * dNroItems is the count of items actually written, which HKA checked against `nroItems` before authorising.
 */
export function appendTotales(rfe: XmlElement, documento: XNode, itemCount: number): void {
  const totales = child(documento, 'totalesSubTotales');
  const amount = (name: string): string | undefined => amount2(textOf(totales, name));
  const gTot = rfe.ele('gTot');
  leaf(gTot, 'dTotNeto', amount('totalPrecioNeto'));
  leaf(gTot, 'dTotITBMS', amount('totalITBMS'));
  leaf(gTot, 'dTotISC', amount('totalISC'));
  leaf(gTot, 'dTotGravado', amount('totalMontoGravado'));
  leaf(gTot, 'dTotDesc', amount('totalDescuento'));
  leaf(gTot, 'dTotAcar', amount('totalAcarreoCobrado'));
  leaf(gTot, 'dTotSeg', amount('valorSeguroCobrado'));
  leaf(gTot, 'dVTot', amount('totalFactura'));
  leaf(gTot, 'dTotRec', amount('totalValorRecibido'));
  leaf(gTot, 'dVuelto', amount('vuelto'));
  leaf(gTot, 'iPzPag', textOf(totales, 'tiempoPago'));
  leaf(gTot, 'dNroItems', String(itemCount));
  leaf(gTot, 'dVTotItems', amount('totalTodosItems'));
  appendPagos(gTot, totales);
}
