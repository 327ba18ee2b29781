// The DGI `rFE` (Factura Electrónica, format v1.00, REFERENCE.md §4) of a document the simulator authorised,
// built from the received HKA `documento` plus what HKA adds (§3): CUFE, dSeg, issuer data, numbering, the
// signature and the QR. Element order is the XSD's. Values are written as received (amounts re-printed in the
// DGI formats): documents using codes newer than the 2020 XSD give XML that schema rejects (see rfe-2020.ts).
import { create } from 'xmlbuilder2';
import type { AuthorizedDocument } from '../types';
import { appendComplementarios } from './rfe-complementary';
import { appendDatosGenerales } from './rfe-general';
import { appendItem, itemsOf } from './rfe-items';
import { appendSignature } from './rfe-signature';
import { appendTotales } from './rfe-totals';
import { leaf } from './rfe-writer';

export const DGI_NAMESPACE = 'http://dgi-fep.mef.gob.pa';
export const RFE_FORMAT_VERSION = '1.00';

/** The DGI `rFE` XML (FE v1.00) of an authorised document, as DescargaXML returns it (before Base64). */
export function buildRfeXml(doc: AuthorizedDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' });
  const rfe = root.ele(DGI_NAMESPACE, 'rFE');
  leaf(rfe, 'dVerForm', RFE_FORMAT_VERSION);
  leaf(rfe, 'dId', doc.cufe);
  appendDatosGenerales(rfe, doc);
  const items = itemsOf(doc.documento);
  items.forEach((item, index) => appendItem(rfe, item, index));
  appendTotales(rfe, doc.documento, items.length);
  appendComplementarios(rfe, doc.documento);
  appendSignature(rfe, doc);
  // Outside the signed content: the QR carries the signature's digest (§4.1). CDATA as in the real document.
  rfe.ele('gNoFirm').ele('dQRCode').dat(doc.qr);
  return root.end({ prettyPrint: false });
}
