// gItem (C01), one per HKA `item`, in XSD order (REFERENCE.md §2.7, §2.8, §4.6). HKA numbers the items itself
// (dSecItem); prices and taxes are montoTipo06 (2–6 decimals), per-item freight and insurance montoTipo02.
import { child, textOf, type XNode } from '../../xml/xnode';
import { amount2, amount6, decimalText, leaf, listItems, optionalGroup, type XmlElement } from './rfe-writer';

/** Quantities (montoTipo31) and weights: printed like the item amounts, at most 6 / 4 decimals. */
const quantity = (value: string | undefined): string | undefined => decimalText(value, 2, 6);
const weight = (value: string | undefined): string | undefined => decimalText(value, 0, 4);

/** HKA `vehiculo` field → DGI gVehicNuevo element, in XSD order (§2.8). */
const VEHICLE_FIELDS: readonly (readonly [
  dgi: string,
  hka: string,
  format?: (v: string | undefined) => string | undefined,
])[] = [
  ['iModOpVN', 'modalidadOperacionVenta'],
  ['dModOpVNDesc', 'modalidadOperacionVentaNoDef'],
  ['dChasi', 'chasis'],
  ['dColorCod', 'codigoColor'],
  ['dColorNomb', 'colorNombre'],
  ['dPotVeh', 'potenciaMotor'],
  ['dCilin', 'capacidadMotor'],
  ['dPesoNet', 'pesoNeto', weight],
  ['dPesoBruto', 'pesoBruto', weight],
  ['iCombust', 'tipoCombustible'],
  ['dCombustDesc', 'tipoCombustibleNoDef'],
  ['dNroMotor', 'numeroMotor'],
  ['dCapTracc', 'capacidadTraccion', weight],
  ['dEntreEj', 'distanciaEjes', weight],
  ['dAnoMod', 'anoModelo'],
  ['dAnoFab', 'anoFabricacion'],
  ['iTipoPintura', 'tipoPintura'],
  ['dTipoPinturaDesc', 'tipoPinturaNodef'],
  ['cTipoVehic', 'tipoVehiculo'],
  ['cUsoVehic', 'usoVehiculo'],
  ['iCondVehic', 'condicionVehiculo'],
  ['dLotac', 'capacidadPasajeros'],
];

function appendCodigos(gItem: XmlElement, item: XNode): void {
  const text = (name: string): string | undefined => textOf(item, name);
  const gtin = text('codigoGTIN');
  const gtinInv = text('codigoGTINInv');
  // The DGI group needs all four values; '0' is the DGI's "no GTIN" and the quantities default to the item's.
  optionalGroup(gItem, 'gCodItem', gtin !== undefined || gtinInv !== undefined, (g) => {
    leaf(g, 'dGTINCom', gtin ?? '0');
    leaf(g, 'dCantGTINCom', quantity(text('cantGTINCom') ?? text('cantidad')));
    leaf(g, 'dGTINInv', gtinInv ?? '0');
    leaf(g, 'dCantComInvent', quantity(text('cantGTINComInv') ?? text('cantidad')));
  });
}

function appendImpuestos(gItem: XmlElement, item: XNode): void {
  const text = (name: string): string | undefined => textOf(item, name);
  const itbms = gItem.ele('gITBMSItem');
  leaf(itbms, 'dTasaITBMS', text('tasaITBMS'));
  leaf(itbms, 'dValITBMS', amount6(text('valorITBMS')));
  const tasaIsc = text('tasaISC');
  const valorIsc = text('valorISC');
  optionalGroup(gItem, 'gISCItem', tasaIsc !== undefined || valorIsc !== undefined, (g) => {
    leaf(g, 'dTasaISC', tasaIsc);
    leaf(g, 'dValISC', amount6(valorIsc ?? '0'));
  });
  for (const oti of listItems(item, 'listaItemOTI', 'oti')) {
    const g = gItem.ele('gOTIItem');
    leaf(g, 'dCodOTI', textOf(oti, 'tasaOTI'));
    leaf(g, 'dValOTI', amount6(textOf(oti, 'valorTasa')));
  }
}

function appendComplementos(gItem: XmlElement, item: XNode): void {
  const vehiculo = child(item, 'vehiculo');
  optionalGroup(gItem, 'gVehicNuevo', vehiculo !== undefined, (g) => {
    for (const [dgi, hka, format] of VEHICLE_FIELDS) {
      const value = textOf(vehiculo, hka);
      leaf(g, dgi, format ? format(value) : value);
    }
  });
  const medicina = child(item, 'medicina');
  optionalGroup(gItem, 'gMedicina', medicina !== undefined, (g) => {
    leaf(g, 'dNroLote', textOf(medicina, 'nroLote'));
    leaf(g, 'dCtLote', textOf(medicina, 'cantProductosLote'));
  });
  const pedido = child(item, 'pedidoComercialItem');
  optionalGroup(gItem, 'gPedComIr', pedido !== undefined, (g) => {
    leaf(g, 'dNroPed', textOf(pedido, 'nroPedidoCompraItem'));
    leaf(g, 'dSecItemPed', textOf(pedido, 'nroItem'));
    leaf(g, 'dInfEmPedIt', textOf(pedido, 'infoItem') ?? ''); // mandatory in the XSD, may be empty
  });
}

export function appendItem(rfe: XmlElement, item: XNode, index: number): void {
  const text = (name: string): string | undefined => textOf(item, name);
  const gItem = rfe.ele('gItem');
  leaf(gItem, 'dSecItem', String(index + 1).padStart(3, '0')); // [D] writes 001, 002…
  leaf(gItem, 'dDescProd', text('descripcion'));
  leaf(gItem, 'dCodProd', text('codigo'));
  leaf(gItem, 'cUnidad', text('unidadMedida'));
  leaf(gItem, 'dCantCodInt', quantity(text('cantidad')));
  leaf(gItem, 'dFechaFab', text('fechaFabricacion'));
  leaf(gItem, 'dFechaCad', text('fechaCaducidad'));
  leaf(gItem, 'dCodCPBSabr', text('codigoCPBSAbrev'));
  leaf(gItem, 'dCodCPBScmp', text('codigoCPBS'));
  leaf(gItem, 'cUnidadCPBS', text('unidadMedidaCPBS'));
  leaf(gItem, 'dInfEmFE', text('infoItem'));
  const precios = gItem.ele('gPrecios');
  leaf(precios, 'dPrUnit', amount6(text('precioUnitario')));
  leaf(precios, 'dPrUnitDesc', amount6(text('precioUnitarioDescuento')));
  leaf(precios, 'dPrItem', amount6(text('precioItem')));
  leaf(precios, 'dPrAcarItem', amount2(text('precioAcarreo')));
  leaf(precios, 'dPrSegItem', amount2(text('precioSeguro')));
  leaf(precios, 'dValTotItem', amount6(text('valorTotal')));
  appendCodigos(gItem, item);
  appendImpuestos(gItem, item);
  appendComplementos(gItem, item);
}

/** The `item` elements of a received documento. */
export function itemsOf(documento: XNode): XNode[] {
  return listItems(documento, 'listaItems', 'item');
}
