// The QR URL HKA puts in an authorised document's XML (rFE gNoFirm/dQRCode). EstadoDocumento gives the CUFE but not
// the QR, so whoever learns an authorisation that way reads it from DescargaXML. Best effort: a malformed or
// QR-less XML gives undefined (the receipt then prints without it), never an error.
import { find, parseXml, textOf } from './xnode';

export function qrOfAuthorizedXml(xml: string): string | undefined {
  try {
    const gNoFirm = find(parseXml(xml), 'gNoFirm');
    return gNoFirm ? textOf(gNoFirm, 'dQRCode') : undefined;
  } catch {
    return undefined;
  }
}
