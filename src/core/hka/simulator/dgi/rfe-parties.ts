// The parties of the rFE: issuer (gEmis, B30) from the simulator's account and branch configuration, since the
// HKA request has no issuer fields (REFERENCE.md §3), and receptor (gDatRec, B40) from `cliente` (§2.3, §4.4).
import { textOf, type XNode } from '../../xml/xnode';
import type { SimBranch, SimIssuer } from '../types';
import { leaf, optionalGroup, presentTexts, type XmlElement } from './rfe-writer';

export interface RucValues {
  tipoRuc: string | undefined;
  ruc: string | undefined;
  dv: string | undefined;
}

/** RucType: dTipoRuc, dRuc, dDV (issuer, referenced issuer, authorised downloaders, carrier, delivery place). */
export function appendRuc(parent: XmlElement, name: string, ruc: RucValues): void {
  const group = parent.ele(name);
  leaf(group, 'dTipoRuc', ruc.tipoRuc);
  leaf(group, 'dRuc', ruc.ruc);
  leaf(group, 'dDV', ruc.dv);
}

export interface UbicacionValues {
  codigo: string | undefined;
  corregimiento: string | undefined;
  distrito: string | undefined;
  provincia: string | undefined;
}

/** cCodUbicType: code, then corregimiento, distrito, provincia (note: the reverse of HKA's order). */
export function appendUbicacion(parent: XmlElement, name: string, u: UbicacionValues): void {
  const group = parent.ele(name);
  leaf(group, 'dCodUbi', u.codigo);
  leaf(group, 'dCorreg', u.corregimiento);
  leaf(group, 'dDistr', u.distrito);
  leaf(group, 'dProv', u.provincia);
}

export function appendEmisor(parent: XmlElement, issuer: SimIssuer, branch: SimBranch): void {
  const gEmis = parent.ele('gEmis');
  appendRuc(gEmis, 'gRucEmi', { tipoRuc: issuer.tipoRuc, ruc: issuer.ruc, dv: issuer.dv });
  leaf(gEmis, 'dNombEm', issuer.razonSocial);
  leaf(gEmis, 'dSucEm', branch.codigo);
  leaf(gEmis, 'dCoordEm', branch.coordenadas);
  leaf(gEmis, 'dDirecEm', branch.direccion);
  appendUbicacion(gEmis, 'gUbiEm', {
    codigo: branch.codigoUbicacion,
    corregimiento: branch.corregimiento,
    distrito: branch.distrito,
    provincia: branch.provincia,
  });
  leaf(gEmis, 'dTfnEm', branch.telefono);
  leaf(gEmis, 'dCorElectEmi', branch.correo);
}

export const CLIENTE_PHONES = ['telefono1', 'telefono2', 'telefono3'] as const;
export const CLIENTE_EMAILS = ['correoElectronico1', 'correoElectronico2', 'correoElectronico3'] as const;

/**
 * gDatRec from `cliente`. tipoIdentificacion (foreign ID type) has no element in the v1.00 format and is left out
 * (rfe-2020.ts reports it); a RUC without its tipoContribuyente cannot form gRucRec, whose dTipoRuc is mandatory.
 */
export function appendReceptor(parent: XmlElement, cliente: XNode | undefined): void {
  const gDatRec = parent.ele('gDatRec');
  const text = (name: string): string | undefined => textOf(cliente, name);
  leaf(gDatRec, 'iTipoRec', text('tipoClienteFE'));
  const tipoRuc = text('tipoContribuyente');
  const ruc = text('numeroRUC');
  if (tipoRuc !== undefined && ruc !== undefined) {
    appendRuc(gDatRec, 'gRucRec', { tipoRuc, ruc, dv: text('digitoVerificadorRUC') });
  }
  leaf(gDatRec, 'dNombRec', text('razonSocial'));
  leaf(gDatRec, 'dDirecRec', text('direccion'));
  if (text('codigoUbicacion') !== undefined) {
    appendUbicacion(gDatRec, 'gUbiRec', {
      codigo: text('codigoUbicacion'),
      corregimiento: text('corregimiento'),
      distrito: text('distrito'),
      provincia: text('provincia'),
    });
  }
  optionalGroup(gDatRec, 'gIdExt', text('nroIdentificacionExtranjero') !== undefined, (g) => {
    leaf(g, 'dIdExt', text('nroIdentificacionExtranjero'));
    leaf(g, 'dPaisExt', text('paisExtranjero'));
  });
  for (const phone of presentTexts(cliente, CLIENTE_PHONES)) leaf(gDatRec, 'dTfnRec', phone);
  for (const email of presentTexts(cliente, CLIENTE_EMAILS)) leaf(gDatRec, 'dCorElectRec', email);
  leaf(gDatRec, 'cPaisRec', text('pais'));
  leaf(gDatRec, 'dPaisRecDesc', text('paisOtro'));
}
