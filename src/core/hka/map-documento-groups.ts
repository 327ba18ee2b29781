// The optional groups of HKA's `documento` (REFERENCE.md §2.8, §2.10) for map-documento.ts, each in the WSDL's order.
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { Item } from '../../shared/fiscal/item';
import { element, type HkaElement } from './documento-types';

/** §2.8, in the WSDL's order. */
export function mapVehiculo(v: NonNullable<Item['vehiculo']>): HkaElement {
  return element([
    ['modalidadOperacionVenta', v.modalidadOperacionVenta],
    ['modalidadOperacionVentaNoDef', v.modalidadOperacionVentaNoDef],
    ['chasis', v.chasis],
    ['codigoColor', v.codigoColor],
    ['colorNombre', v.colorNombre],
    ['potenciaMotor', v.potenciaMotor],
    ['capacidadMotor', v.capacidadMotor],
    ['pesoNeto', v.pesoNeto],
    ['pesoBruto', v.pesoBruto],
    ['tipoCombustible', v.tipoCombustible],
    ['tipoCombustibleNoDef', v.tipoCombustibleNoDef],
    ['numeroMotor', v.numeroMotor],
    ['capacidadTraccion', v.capacidadTraccion],
    ['distanciaEjes', v.distanciaEjes],
    ['anoModelo', v.anoModelo],
    ['anoFabricacion', v.anoFabricacion],
    ['tipoPintura', v.tipoPintura],
    ['tipoPinturaNodef', v.tipoPinturaNodef],
    ['tipoVehiculo', v.tipoVehiculo],
    ['usoVehiculo', v.usoVehiculo],
    ['condicionVehiculo', v.condicionVehiculo],
    ['capacidadPasajeros', v.capacidadPasajeros],
  ]);
}

/** §2.10 groups after totalesSubTotales, in the WSDL's order. */
export function mapComplementarios(doc: FiscalDocument): [string, HkaElement | undefined][] {
  const pedido = doc.pedidoComercialGlobal;
  const log = doc.infoLogistica;
  const entrega = doc.infoEntrega;
  return [
    [
      'pedidoComercialGlobal',
      pedido &&
        element([
          ['nroPedidoCompraGlobal', pedido.nroPedidoCompraGlobal],
          ['nroAceptacion', pedido.nroAceptacion],
          ['codigoReceptor', pedido.codigoReceptor],
          ['codigoSistemaEmisor', pedido.codigoSistemaEmisor],
          ['infoPedido', pedido.infoPedido],
        ]),
    ],
    [
      'infoLogistica',
      log &&
        element([
          ['nroVolumenes', log.nroVolumenes],
          ['pesoCarga', log.pesoCarga],
          ['unidadPesoTotal', log.unidadPesoTotal],
          ['licVehiculoCarga', log.licVehiculoCarga],
          ['razonSocialTransportista', log.razonSocialTransportista],
          ['tipoRucTransportista', log.tipoRucTransportista],
          ['rucTransportista', log.rucTransportista],
          ['digitoVerifRucTransportista', log.digitoVerifRucTransportista],
          ['infoLogisticaEmisor', log.infoLogisticaEmisor],
        ]),
    ],
    [
      'infoEntrega',
      entrega &&
        element([
          ['tipoRucEntrega', entrega.tipoRucEntrega],
          ['numeroRucEntrega', entrega.numeroRucEntrega],
          ['digitoVerifRucEntrega', entrega.digitoVerifRucEntrega],
          ['razonSocialEntrega', entrega.razonSocialEntrega],
          ['direccionEntrega', entrega.direccionEntrega],
          ['codigoUbicacionEntrega', entrega.ubicacion.codigo],
          ['provinciaEntrega', entrega.ubicacion.provincia],
          ['distritoEntrega', entrega.ubicacion.distrito],
          ['corregimientoEntrega', entrega.ubicacion.corregimiento],
          ['telefonoEntrega', entrega.telefonoEntrega],
          ['telefonoEntregaAlt', entrega.telefonoEntregaAlt],
        ]),
    ],
  ];
}
