import { describe, expect, it } from 'vitest';
import { qrOfAuthorizedXml } from './authorized-qr';

describe('qrOfAuthorizedXml', () => {
  it('reads gNoFirm/dQRCode, and answers undefined for an XML without it or one that does not parse', () => {
    const qr = 'https://dgi-fep.mef.gob.pa/Consultas/FacturasPorQR?chFE=FE01&iAmb=2';
    expect(qrOfAuthorizedXml(`<rFE><gNoFirm><dQRCode><![CDATA[${qr}]]></dQRCode></gNoFirm></rFE>`)).toBe(qr);
    expect(qrOfAuthorizedXml('<rFE><gDGen/></rFE>')).toBeUndefined();
    expect(qrOfAuthorizedXml('<rFE><gNoFirm>')).toBeUndefined();
  });
});
