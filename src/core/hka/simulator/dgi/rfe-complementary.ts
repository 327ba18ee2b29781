// Groups F10/F20/F25 of the rFE (REFERENCE.md §2.10, §4.8): global purchase order, logistics and delivery place.
// Optional in HKA's `documento`; our own mapping never sends them, other clients may.
import { child, textOf, type XNode } from '../../xml/xnode';
import { appendRuc, appendUbicacion } from './rfe-parties';
import { decimalText, leaf, optionalGroup, type XmlElement } from './rfe-writer';

/** HKA sends `nroAceptacion` (wiki) or a `listaNroAceptacion` list (JSON variant, item name unknown): take both. */
function numerosAceptacion(pedido: XNode | undefined): string[] {
  const single = textOf(pedido, 'nroAceptacion');
  const listed = (child(pedido, 'listaNroAceptacion')?.children ?? []).map((c) => c.text).filter((t) => t !== '');
  return [...(single === undefined ? [] : [single]), ...listed];
}

function appendPedidoGlobal(rfe: XmlElement, pedido: XNode | undefined): void {
  // codigoReceptor and codigoSistemaEmisor have no v1.00 element (rfe-2020.ts reports them).
  optionalGroup(rfe, 'gPedComGl', pedido !== undefined, (g) => {
    leaf(g, 'dNroPed', textOf(pedido, 'nroPedidoCompraGlobal'));
    for (const numero of numerosAceptacion(pedido)) leaf(g, 'dNumAcept', numero);
    leaf(g, 'dInfEmPedGl', textOf(pedido, 'infoPedido') ?? textOf(pedido, 'InfoPedido'));
  });
}

function appendLogistica(rfe: XmlElement, log: XNode | undefined): void {
  optionalGroup(rfe, 'gInfoLog', log !== undefined, (g) => {
    leaf(g, 'dNroVols', textOf(log, 'nroVolumenes'));
    leaf(g, 'dPesoTot', decimalText(textOf(log, 'pesoCarga'), 2, 6));
    leaf(g, 'dUnPesoTot', textOf(log, 'unidadPesoTotal'));
    leaf(g, 'dLicCamion', textOf(log, 'licVehiculoCarga'));
    leaf(g, 'dNomTransp', textOf(log, 'razonSocialTransportista'));
    appendRuc(g, 'gRucTransp', {
      tipoRuc: textOf(log, 'tipoRucTransportista'),
      ruc: textOf(log, 'rucTransportista'),
      dv: textOf(log, 'digitoVerifRucTransportista'),
    });
    leaf(g, 'dInfEmLog', textOf(log, 'infoLogisticaEmisor'));
  });
}

function appendEntrega(rfe: XmlElement, entrega: XNode | undefined): void {
  optionalGroup(rfe, 'gLcEntr', entrega !== undefined, (g) => {
    const text = (name: string): string | undefined => textOf(entrega, name);
    if (text('numeroRucEntrega') !== undefined) {
      appendRuc(g, 'gRucLcEntr', {
        tipoRuc: text('tipoRucEntrega'),
        ruc: text('numeroRucEntrega'),
        dv: text('digitoVerifRucEntrega'),
      });
    }
    leaf(g, 'dNombLcEntr', text('razonSocialEntrega'));
    leaf(g, 'dDirecLcEntr', text('direccionEntrega') ?? ''); // mandatory in the XSD (≤100), optional at HKA
    appendUbicacion(g, 'gUbiLcEntr', {
      codigo: text('codigoUbicacionEntrega'),
      corregimiento: text('corregimientoEntrega'),
      distrito: text('distritoEntrega'),
      provincia: text('provinciaEntrega'),
    });
    leaf(g, 'dTfnLcEntr', text('telefonoEntrega'));
    leaf(g, 'dTfnAdLcEntr', text('telefonoEntregaAlt'));
  });
}

export function appendComplementarios(rfe: XmlElement, documento: XNode): void {
  appendPedidoGlobal(rfe, child(documento, 'pedidoComercialGlobal'));
  appendLogistica(rfe, child(documento, 'infoLogistica'));
  appendEntrega(rfe, child(documento, 'infoEntrega'));
}
