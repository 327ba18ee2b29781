// Pure mapping from our fiscal document to HKA's `documento` object, element by element in the order of
// REFERENCE.md §2 (2.1 documento, 2.2 datosTransaccion, 2.3 cliente, 2.5 referencias, 2.7 item, 2.9 totales).
// Optional elements are omitted rather than sent empty; amounts are decimal strings with '.'.
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { Item } from '../../shared/fiscal/item';
import { money, toAmount2, toAmount6 } from '../../shared/fiscal/money';
import type { Receptor } from '../../shared/fiscal/receptor';
import type { DocumentTotals, ItemAmounts } from '../../shared/fiscal/totals';
import { element, type HkaElement } from './documento-types';
import { mapComplementarios, mapVehiculo } from './map-documento-groups';

/** HKA pads numeroDocumentoFiscal to 10 digits for dNroDF; we send it padded so every call names it the same way. */
export function padNumeroDocumento(numero: string): string {
  return numero.padStart(10, '0');
}

const a6 = (v: string | undefined): string | undefined => (v === undefined ? undefined : toAmount6(money(v)));
const a2 = (v: string | undefined): string | undefined => (v === undefined ? undefined : toAmount2(money(v)));
/** Omit zero amounts that HKA treats as "not informed" (discounts, change). */
const nonZero = (v: string | undefined): string | undefined => (v === undefined || money(v).isZero() ? undefined : v);
const list = <T>(items: readonly T[] | undefined, map: (item: T) => HkaElement): HkaElement[] | undefined =>
  items && items.length > 0 ? items.map(map) : undefined;

function mapCliente(c: Receptor): HkaElement {
  const ruc =
    c.tipoClienteFE === '01' || c.tipoClienteFE === '03' ? c : c.tipoClienteFE === '02' ? c.identificacion : undefined;
  const ubicacion = c.tipoClienteFE === '04' ? undefined : c.ubicacion;
  const foreign = c.tipoClienteFE === '04' ? c : undefined;
  return element([
    ['tipoClienteFE', c.tipoClienteFE],
    ['tipoContribuyente', ruc?.tipoContribuyente],
    ['numeroRUC', ruc?.numeroRUC],
    ['digitoVerificadorRUC', ruc?.digitoVerificadorRUC],
    ['razonSocial', c.razonSocial],
    ['direccion', c.direccion],
    ['codigoUbicacion', ubicacion?.codigo],
    ['provincia', ubicacion?.provincia],
    ['distrito', ubicacion?.distrito],
    ['corregimiento', ubicacion?.corregimiento],
    ['tipoIdentificacion', foreign?.tipoIdentificacion],
    ['nroIdentificacionExtranjero', foreign?.nroIdentificacionExtranjero],
    ['paisExtranjero', foreign?.paisExtranjero],
    ['telefono1', c.telefonos?.[0]],
    ['telefono2', c.telefonos?.[1]],
    ['telefono3', c.telefonos?.[2]],
    ['correoElectronico1', c.correos?.[0]],
    ['correoElectronico2', c.correos?.[1]],
    ['correoElectronico3', c.correos?.[2]],
    ['pais', c.pais],
    ['paisOtro', c.paisOtro],
  ]);
}

function mapDatosTransaccion(doc: FiscalDocument): HkaElement {
  const exp = doc.datosFacturaExportacion;
  const autorizados = list(doc.autorizadosDescarga, (a) =>
    element([
      ['tipoContribuyente', a.tipoContribuyente],
      ['rucReceptor', a.rucReceptor],
      ['digitoVerifRucReceptor', a.digitoVerifRucReceptor],
    ]),
  );
  const refs = list(doc.referencias, (r) =>
    element([
      ['fechaEmisionDocFiscalReferenciado', r.fechaEmision],
      ['cufeFEReferenciada', r.cufe],
      ['nroFacturaPapel', r.nroFacturaPapel],
      ['nroFacturaImpFiscal', r.nroFacturaImpFiscal],
    ]),
  );
  return element([
    ['tipoEmision', doc.tipoEmision],
    ['fechaInicioContingencia', doc.contingencia?.fechaInicio],
    ['motivoContingencia', doc.contingencia?.motivo],
    ['tipoDocumento', doc.tipoDocumento],
    ['numeroDocumentoFiscal', padNumeroDocumento(doc.numeroDocumentoFiscal)],
    ['puntoFacturacionFiscal', doc.puntoFacturacionFiscal],
    ['fechaEmision', doc.fechaEmision],
    ['fechaSalida', doc.fechaSalida],
    ['naturalezaOperacion', doc.naturalezaOperacion],
    ['tipoOperacion', doc.tipoOperacion],
    ['destinoOperacion', doc.destinoOperacion],
    ['formatoCAFE', doc.formatoCAFE],
    ['entregaCAFE', doc.entregaCAFE],
    ['envioContenedor', doc.envioContenedor],
    ['procesoGeneracion', doc.procesoGeneracion],
    ['tipoVenta', doc.tipoVenta],
    ['informacionInteres', doc.informacionInteres],
    ['cliente', mapCliente(doc.cliente)],
    [
      'datosFacturaExportacion',
      exp &&
        element([
          ['condicionesEntrega', exp.condicionesEntrega],
          ['monedaOperExportacion', exp.monedaOperExportacion],
          ['monedaOperExportacionNonDef', exp.monedaOperExportacionNonDef],
          ['tipoDeCambio', exp.tipoDeCambio],
          ['montoMonedaExtranjera', exp.montoMonedaExtranjera],
          ['puertoEmbarque', exp.puertoEmbarque],
        ]),
    ],
    ['listaDocsFiscalReferenciados', refs && { docFiscalReferenciado: refs }],
    ['listaAutorizadosDescargaFEyEventos', autorizados && { autorizadoDescargaFEyEventos: autorizados }],
  ]);
}

function mapItem(item: Item, amounts: ItemAmounts): HkaElement {
  // Rounded to cents like every line amount (decision 0008), so valorTotal is their exact sum on the wire.
  const otis = list(item.otis, (o) =>
    element([
      ['tasaOTI', o.codigo],
      ['valorTasa', toAmount2(money(o.valor))],
    ]),
  );
  return element([
    ['descripcion', item.descripcion],
    ['codigo', item.codigo],
    ['unidadMedida', item.unidadMedida],
    ['cantidad', toAmount6(money(item.cantidad))],
    ['fechaFabricacion', item.fechaFabricacion],
    ['fechaCaducidad', item.fechaCaducidad],
    ['codigoCPBSAbrev', item.codigoCPBSAbrev],
    ['codigoCPBS', item.codigoCPBS],
    ['unidadMedidaCPBS', item.unidadMedidaCPBS],
    ['infoItem', item.infoItem],
    ['precioUnitario', toAmount6(money(item.precioUnitario))],
    ['precioUnitarioDescuento', a6(nonZero(item.precioUnitarioDescuento))],
    ['precioItem', amounts.precioItem],
    ['precioAcarreo', a2(item.precioAcarreo)],
    ['precioSeguro', a2(item.precioSeguro)],
    ['valorTotal', amounts.valorTotal],
    ['codigoGTIN', item.codigoGTIN],
    ['cantGTINCom', item.cantGTINCom],
    ['codigoGTINInv', item.codigoGTINInv],
    ['cantGTINComInv', item.cantGTINComInv],
    ['tasaITBMS', item.tasaItbms],
    ['valorITBMS', amounts.valorITBMS],
    ['tasaISC', item.isc?.tasa],
    ['valorISC', amounts.valorISC],
    ['listaItemOTI', otis && { oti: otis }],
    ['vehiculo', item.vehiculo && mapVehiculo(item.vehiculo)],
    [
      'medicina',
      item.medicina &&
        element([
          ['nroLote', item.medicina.nroLote],
          ['cantProductosLote', item.medicina.cantProductosLote],
        ]),
    ],
    [
      'pedidoComercialItem',
      item.pedidoComercialItem &&
        element([
          ['nroPedidoCompraItem', item.pedidoComercialItem.nroPedidoCompraItem],
          ['nroItem', item.pedidoComercialItem.nroItem],
          ['infoItem', item.pedidoComercialItem.infoItem],
        ]),
    ],
  ]);
}

function mapTotales(doc: FiscalDocument, t: DocumentTotals): HkaElement {
  const hasIsc = doc.items.some((i) => i.isc !== undefined);
  const descuentos = list(doc.descuentosGlobales, (d) =>
    element([
      ['descDescuento', d.descDescuento],
      ['montoDescuento', toAmount2(money(d.montoDescuento))],
    ]),
  );
  const plazos = list(doc.pagosPlazo, (p) =>
    element([
      ['fechaVenceCuota', p.fechaVenceCuota],
      ['valorCuota', toAmount2(money(p.valorCuota))],
      ['infoPagoCuota', p.infoPagoCuota],
    ]),
  );
  const otis = t.totalesOti.map((o) =>
    element([
      ['codigoTotalOTI', o.codigo],
      ['valorTotalOTI', o.valor],
    ]),
  );
  return element([
    ['totalPrecioNeto', t.totalPrecioNeto],
    ['totalITBMS', t.totalITBMS],
    ['totalISC', hasIsc ? t.totalISC : undefined],
    ['totalMontoGravado', t.totalMontoGravado],
    ['totalDescuento', descuentos ? t.totalDescuento : undefined],
    ['totalAcarreoCobrado', doc.totalAcarreoCobrado === undefined ? undefined : t.totalAcarreoCobrado],
    ['valorSeguroCobrado', doc.valorSeguroCobrado === undefined ? undefined : t.valorSeguroCobrado],
    ['totalFactura', t.totalFactura],
    ['totalValorRecibido', t.totalValorRecibido],
    ['vuelto', nonZero(t.vuelto)],
    ['tiempoPago', doc.tiempoPago],
    ['nroItems', String(t.nroItems)],
    ['totalTodosItems', t.totalTodosItems],
    ['listaDescBonificacion', descuentos && { descuentoBonificacion: descuentos }],
    [
      'listaFormaPago',
      {
        formaPago: doc.pagos.map((p) =>
          element([
            ['formaPagoFact', p.formaPagoFact],
            ['descFormaPago', p.descFormaPago],
            ['valorCuotaPagada', toAmount2(money(p.valorCuotaPagada))],
          ]),
        ),
      },
    ],
    [
      'retencion',
      doc.retencion &&
        element([
          ['codigoRetencion', doc.retencion.codigoRetencion],
          ['montoRetencion', toAmount2(money(doc.retencion.montoRetencion))],
        ]),
    ],
    ['listaPagoPlazo', plazos && { pagoPlazo: plazos }],
    ['listaTotalOTI', otis.length > 0 ? { totalOti: otis } : undefined],
  ]);
}

/** Our validated document plus its totals → HKA's `documento`, deterministic and side-effect free. */
export function toHkaDocumento(doc: FiscalDocument, totals: DocumentTotals): HkaElement {
  return element([
    ['codigoSucursalEmisor', doc.codigoSucursalEmisor],
    ['tipoSucursal', doc.tipoSucursal],
    ['datosTransaccion', mapDatosTransaccion(doc)],
    ['listaItems', { item: doc.items.map((item, i) => mapItem(item, totals.items[i] ?? missingAmounts(i))) }],
    ['totalesSubTotales', mapTotales(doc, totals)],
    ...mapComplementarios(doc),
  ]);
}

function missingAmounts(index: number): never {
  throw new Error(`Totals do not match the document: no amounts for item ${index + 1}`);
}
