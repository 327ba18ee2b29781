// HKA's optional groups (REFERENCE.md §2.8 vehiculo, §2.7 #27–28 medicina and pedidoComercialItem, §2.10
// pedidoComercialGlobal, infoLogistica, infoEntrega), in wire order as the WSDL sequences them, in the wiki's notation.
// "C" rows are enforced by rules-groups.ts.
import {
  CONDICION_VEHICULO,
  MODALIDAD_OPERACION_VENTA,
  TIPO_COMBUSTIBLE,
  TIPO_CONTRIBUYENTE,
  TIPO_PINTURA,
  TIPO_VEHICULO,
  UNIDAD_PESO_TOTAL,
  USO_VEHICULO,
} from '../../../../shared/fiscal/codes';
import { PHONE_DGI, code, hka } from './field-formats';
import { leaf, type FieldSpec } from './field-spec';

/** §2.8 vehiculo → gVehicNuevo (codes as HKA's wiki lists them; the 2020 XSD knew fewer). */
export const VEHICULO: readonly FieldSpec[] = [
  leaf('modalidadOperacionVenta', 'SI', code(MODALIDAD_OPERACION_VENTA)),
  leaf('modalidadOperacionVentaNoDef', 'C', hka('AN|10..50')),
  leaf('chasis', 'SI', hka('AN|17')),
  leaf('codigoColor', 'C', hka('AN|1..4')),
  leaf('colorNombre', 'NO', hka('AN|1..40')),
  leaf('potenciaMotor', 'SI', hka('N|1..4')),
  leaf('capacidadMotor', 'C', hka('N|1..4')),
  leaf('pesoNeto', 'NO', hka('N|1..11|0.4')),
  leaf('pesoBruto', 'NO', hka('N|1..11|0.4')),
  leaf('tipoCombustible', 'SI', code(TIPO_COMBUSTIBLE)),
  leaf('tipoCombustibleNoDef', 'C', hka('AN|10..50')),
  leaf('numeroMotor', 'SI', hka('AN|1..21')),
  leaf('capacidadTraccion', 'NO', hka('N|1..11|0.4')),
  leaf('distanciaEjes', 'NO', hka('N|1..11|0.4')),
  leaf('anoModelo', 'C', hka('N|4')),
  leaf('anoFabricacion', 'NO', hka('N|4')),
  leaf('tipoPintura', 'NO', code(TIPO_PINTURA)),
  leaf('tipoPinturaNodef', 'C', hka('AN|10..50')),
  leaf('tipoVehiculo', 'SI', code(TIPO_VEHICULO)),
  leaf('usoVehiculo', 'SI', code(USO_VEHICULO)),
  leaf('condicionVehiculo', 'C', code(CONDICION_VEHICULO)),
  leaf('capacidadPasajeros', 'NO', hka('N|1..3')),
];

/** §2.7 #27 medicina → gMedicina { dNroLote 5–35, dCtLote }. */
export const MEDICINA: readonly FieldSpec[] = [
  leaf('nroLote', 'SI', hka('AN|5..35')),
  leaf('cantProductosLote', 'SI', hka('N|1..9')),
];

/** §2.7 #28 pedidoComercialItem → gPedComIr (dSecItemPed is at most 3 digits in the DGI schema). */
export const PEDIDO_COMERCIAL_ITEM: readonly FieldSpec[] = [
  leaf('nroPedidoCompraItem', 'SI', hka('N|1..9')),
  leaf('nroItem', 'SI', hka('N|1..3')),
  leaf('infoItem', 'NO', hka('AN|..5000')),
];

/** §2.10 pedidoComercialGlobal → gPedComGl, in the WSDL's order (dNroPed is an integer of up to 12 digits). */
export const PEDIDO_COMERCIAL_GLOBAL: readonly FieldSpec[] = [
  leaf('nroPedidoCompraGlobal', 'SI', hka('N|1..12')),
  leaf('nroAceptacion', 'C', hka('AN|1..12')),
  leaf('codigoReceptor', 'C', hka('AN|1..12')),
  leaf('codigoSistemaEmisor', 'C', hka('AN|1..50')),
  leaf('infoPedido', 'C', hka('AN|..5000')),
];

/** §2.10 infoLogistica → gInfoLog: the carrier is required when the group is sent. */
export const INFO_LOGISTICA: readonly FieldSpec[] = [
  leaf('nroVolumenes', 'NO', hka('N|1..3')),
  leaf('pesoCarga', 'NO', hka('N|1..4|0.6')),
  leaf('unidadPesoTotal', 'NO', code(UNIDAD_PESO_TOTAL)),
  leaf('licVehiculoCarga', 'NO', hka('AN|6')),
  leaf('razonSocialTransportista', 'SI', hka('AN|15..100')),
  leaf('tipoRucTransportista', 'SI', code(TIPO_CONTRIBUYENTE)),
  leaf('rucTransportista', 'SI', hka('AN|5..20')),
  leaf('digitoVerifRucTransportista', 'SI', hka('N|2')),
  leaf('infoLogisticaEmisor', 'NO', hka('AN|..5000')),
];

/** §2.10 infoEntrega → gLcEntr: name, address and location are mandatory in the DGI group. */
export const INFO_ENTREGA: readonly FieldSpec[] = [
  leaf('tipoRucEntrega', 'C', code(TIPO_CONTRIBUYENTE)),
  leaf('numeroRucEntrega', 'C', hka('AN|5..20')),
  leaf('digitoVerifRucEntrega', 'C', hka('N|2')),
  leaf('razonSocialEntrega', 'SI', hka('AN|2..100')),
  leaf('direccionEntrega', 'SI', hka('AN|..100')),
  leaf('codigoUbicacionEntrega', 'SI', hka('AN|..8')),
  leaf('provinciaEntrega', 'SI', hka('AN|..50')),
  leaf('distritoEntrega', 'SI', hka('AN|..50')),
  leaf('corregimientoEntrega', 'SI', hka('AN|..50')),
  leaf('telefonoEntrega', 'NO', PHONE_DGI),
  leaf('telefonoEntregaAlt', 'NO', PHONE_DGI),
];
