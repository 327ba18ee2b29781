// HKA's fields for items (REFERENCE.md §2.7) and totals (§2.9), in wire order, as the wiki tables give them.
// Where the wiki's "Req" column disagrees with HKA's own accepted samples, the samples win and the row says why.
import { CODIGO_OTI, CODIGO_RETENCION, FORMA_PAGO, TASA_ITBMS, TIEMPO_PAGO } from '../../../../shared/fiscal/codes';
import { DATE, DATE_TIME, code, hka } from './field-formats';
import { group, leaf, list, type FieldSpec } from './field-spec';
import { MEDICINA, PEDIDO_COMERCIAL_ITEM, VEHICULO } from './tables-groups';

/** The DGI schema bounds every other list; OTI lists are unbounded (gOTIItem, gOTITotal 0..n). */
const NO_LIMIT = Number.POSITIVE_INFINITY;

/** §2.7 #25 listaItemOTI/oti. */
export const OTI: readonly FieldSpec[] = [
  leaf('tasaOTI', 'SI', code(CODIGO_OTI)),
  leaf('valorTasa', 'SI', hka('N|1..9|2.6')),
];

/** §2.7 item. The DGI allows up to 1000 items (gItem 1..1000). */
export const ITEM: readonly FieldSpec[] = [
  leaf('descripcion', 'SI', hka('AN|2..500')),
  leaf('codigo', 'NO', hka('AN|1..20')),
  leaf('unidadMedida', 'NO', hka('AN|1..20')),
  leaf('cantidad', 'SI', hka('N|1..9|2.6')),
  leaf('fechaFabricacion', 'C', DATE),
  leaf('fechaCaducidad', 'C', DATE),
  leaf('codigoCPBSAbrev', 'C', hka('AN|2')), // required for tipoClienteFE 03 (rule in rules-items.ts)
  leaf('codigoCPBS', 'C', hka('AN|4')), // idem
  leaf('unidadMedidaCPBS', 'C', hka('AN|1..30')),
  leaf('infoItem', 'NO', hka('AN|..5000')),
  leaf('precioUnitario', 'SI', hka('N|1..11|2.6')), // wiki "N|0..11": at least the 0 of "0.00"
  // Wiki says SI, but every HKA sample omits it when there is no discount; absent means 0.
  leaf('precioUnitarioDescuento', 'C', hka('N|1..9|2.6')),
  leaf('precioItem', 'SI', hka('N|1..9|2.6')),
  leaf('precioAcarreo', 'NO', hka('N|1..9|2')),
  leaf('precioSeguro', 'NO', hka('N|1..9|2')),
  leaf('valorTotal', 'SI', hka('N|1..9|2.6')),
  leaf('codigoGTIN', 'NO', hka('N|..14')),
  leaf('cantGTINCom', 'NO', hka('N|1..9|0.6')),
  leaf('codigoGTINInv', 'NO', hka('N|..14')),
  leaf('cantGTINComInv', 'NO', hka('N|1..9|0.6')),
  leaf('tasaITBMS', 'SI', code(TASA_ITBMS)),
  leaf('valorITBMS', 'SI', hka('N|1..9|2.6')),
  leaf('tasaISC', 'C', hka('N|1..11|2.4')),
  leaf('valorISC', 'C', hka('N|1..9|2.6')),
  list('listaItemOTI', 'C', { names: ['oti'], max: NO_LIMIT, fields: OTI }),
  group('vehiculo', 'C', VEHICULO),
  group('medicina', 'C', MEDICINA),
  group('pedidoComercialItem', 'NO', PEDIDO_COMERCIAL_ITEM),
];

export const DESCUENTO_BONIFICACION: readonly FieldSpec[] = [
  leaf('descDescuento', 'SI', hka('AN|..500')),
  leaf('montoDescuento', 'SI', hka('N|1..11|2')),
];

export const FORMA_PAGO_FIELDS: readonly FieldSpec[] = [
  leaf('formaPagoFact', 'SI', code(FORMA_PAGO)),
  leaf('descFormaPago', 'C', hka('AN|10..100')), // required when formaPagoFact is 99 (rules-pagos.ts)
  leaf('valorCuotaPagada', 'SI', hka('N|1..11|2')),
];

export const RETENCION: readonly FieldSpec[] = [
  leaf('codigoRetencion', 'SI', code(CODIGO_RETENCION)),
  leaf('montoRetencion', 'SI', hka('N|1..11|2')),
];

export const PAGO_PLAZO: readonly FieldSpec[] = [
  leaf('fechaVenceCuota', 'SI', DATE_TIME),
  leaf('valorCuota', 'SI', hka('N|1..11|2')),
  leaf('infoPagoCuota', 'NO', hka('AN|15..1000')),
];

export const TOTAL_OTI: readonly FieldSpec[] = [
  leaf('codigoTotalOTI', 'SI', code(CODIGO_OTI)),
  leaf('valorTotalOTI', 'SI', hka('N|1..11|2')),
];

/** §2.9 totalesSubTotales; all document amounts have exactly 2 decimals (DGI montoTipo01). */
export const TOTALES: readonly FieldSpec[] = [
  leaf('totalPrecioNeto', 'SI', hka('N|1..11|2')),
  leaf('totalITBMS', 'SI', hka('N|1..11|2')),
  // Wiki says SI, but most HKA samples omit it; required only when an item carries ISC (rules in arithmetic).
  leaf('totalISC', 'C', hka('N|1..11|2')),
  leaf('totalMontoGravado', 'SI', hka('N|1..11|2')),
  leaf('totalDescuento', 'NO', hka('N|1..11|2')),
  leaf('totalAcarreoCobrado', 'NO', hka('N|1..11|2')),
  leaf('valorSeguroCobrado', 'NO', hka('N|1..11|2')),
  leaf('totalOtrosGastos', 'NO', hka('N|1..11|2')), // position as in the wiki's Enviar sample (§2.9 7b)
  leaf('totalFactura', 'SI', hka('N|1..11|2')),
  leaf('totalValorRecibido', 'SI', hka('N|1..11|2')),
  leaf('vuelto', 'C', hka('N|1..11|2')),
  leaf('tiempoPago', 'SI', code(TIEMPO_PAGO)),
  leaf('nroItems', 'SI', hka('N|1..11')),
  leaf('totalTodosItems', 'SI', hka('N|1..11|2')),
  list('listaDescBonificacion', 'NO', { names: ['descuentoBonificacion'], max: 5, fields: DESCUENTO_BONIFICACION }),
  list('listaFormaPago', 'SI', { names: ['formaPago'], max: 10, fields: FORMA_PAGO_FIELDS }),
  group('retencion', 'C', RETENCION),
  list('listaPagoPlazo', 'C', { names: ['pagoPlazo'], max: 99, fields: PAGO_PLAZO }),
  list('listaTotalOTI', 'C', { names: ['totalOti', 'totalOTI'], max: NO_LIMIT, fields: TOTAL_OTI }),
];
