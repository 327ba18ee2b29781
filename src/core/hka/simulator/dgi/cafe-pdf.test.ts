// buildCafePdf: a real PDF whose (uncompressed) content streams carry the CAFE text, and whose image is the QR of
// the document's `qr` URL. Text is read back the way a PDF reader would: the hex glyph strings of every TJ
// operator, decoded with the fonts' WinAnsi encoding.
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { CONTRIBUYENTE, REAL_CUFE, aCreditNote, aSale } from '../../../../../tests/fixtures/fiscal-documents';
import { authorizeDocument } from './dgi-documents.fixture';
import { buildCafePdf, winAnsiSafe } from './cafe-pdf';

const winAnsi = new TextDecoder('windows-1252');

/** The text of every TJ operator (pdfkit writes one per line, split into hex strings around kerning numbers). */
function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[((?:<[0-9a-f]*>|\s|-?\d+(?:\.\d+)?)*)\] TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => winAnsi.decode(Buffer.from(h[1] ?? '', 'hex'))).join(''),
  );
}

interface PdfImage {
  width: number;
  height: number;
  pixels: Buffer;
}

/** The colour image XObject (pdfkit keeps the PNG's alpha in a separate /SMask image). */
function colourImage(pdf: Buffer): PdfImage {
  const raw = pdf.toString('latin1');
  const dict = /<<\n\/Type \/XObject\n\/Subtype \/Image\n([^>]*\/SMask[^>]*)>>\nstream\n/.exec(raw);
  if (!dict) throw new Error('no colour image XObject');
  const field = (name: string): number => Number(new RegExp(`/${name} (\\d+)`).exec(dict[1] ?? '')?.[1]);
  const start = dict.index + dict[0].length;
  expect(dict[1]).toContain('/ColorSpace /DeviceRGB');
  expect(dict[1]).toContain('/Filter /FlateDecode');
  return {
    width: field('Width'),
    height: field('Height'),
    pixels: inflateSync(pdf.subarray(start, start + field('Length'))),
  };
}

describe('buildCafePdf', () => {
  const sale = authorizeDocument(aSale({ pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }] }));

  it('is a complete PDF document with an uncompressed text stream and an image drawn on the page', async () => {
    const pdf = await buildCafePdf(sale);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Type \/XObject\n\/Subtype \/Image/);
    expect(raw).toMatch(/\/I\d+ Do/);
    expect(raw).toContain('/BaseFont /Helvetica\n');
    expect(raw).toMatch(/\/MediaBox \[0 0 226\.77 \d+/); // 80 mm roll for formatoCAFE 2
  });

  it('shows the CAFE data in Spanish, accents included', async () => {
    const text = pdfTextLines(await buildCafePdf(sale)).join('\n');
    for (const expected of [
      'Comprobante Auxiliar de Factura Electrónica',
      'Factura de operación interna',
      'THE FACTORY HKA CORP',
      'RUC 155596713-2-2015 DV 59',
      'Sucursal 0000 Casa Matriz',
      'Calle 50, Edificio Plaza Bella Vista, Piso 3',
      'No. 0000000001  Punto de facturación 001',
      'Fecha de emisión: 28/11/2026 10:15:00',
      'Consumidor final',
      'Arroz Blanco 5 lb',
      '1 x B/. 4.25\nB/. 4.55',
      'Subtotal\nB/. 4.25\nITBMS\nB/. 0.30\nTOTAL\nB/. 4.55',
      'Efectivo\nB/. 10.00\nVuelto\nB/. 5.45',
      `Protocolo de autorización:\n${sale.nroProtocoloAutorizacion}`,
      'Fecha de recepción DGI:\n28/11/2026 10:15:07',
      'Consulte en\nhttps://dgi-fep.mef.gob.pa/Consultas/FacturasPorCUFE',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the whole CUFE (cut into lines, since it has no spaces)', async () => {
    const lines = pdfTextLines(await buildCafePdf(sale));
    const at = lines.indexOf('CUFE:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3).join('')).toBe(sale.cufe);
  });

  it("draws the QR of the document's qr URL", async () => {
    const image = colourImage(await buildCafePdf(sale));
    const qr = QRCode.create(sale.qr, { errorCorrectionLevel: 'M' });
    const modules = qr.modules.size;
    const scale = image.width / (modules + 2); // margin of 1 module on each side
    expect(Number.isInteger(scale) && image.height === image.width).toBe(true);
    let mismatches = 0;
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) {
        const px = ((row + 1) * scale + scale / 2) * image.width + (col + 1) * scale + scale / 2;
        const dark = (image.pixels[Math.floor(px) * 3] ?? 255) < 128;
        if (dark !== Boolean(qr.modules.get(row, col))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('names each receptor kind and the payment forms with their Spanish labels', async () => {
    const contribuyente = authorizeDocument(
      aSale({
        cliente: { ...CONTRIBUYENTE },
        pagos: [
          { formaPagoFact: '03', valorCuotaPagada: '3.00' },
          { formaPagoFact: '99', descFormaPago: 'Pago con criptomonedas', valorCuotaPagada: '1.55' },
        ],
      }),
    );
    const text = pdfTextLines(await buildCafePdf(contribuyente)).join('\n');
    expect(text).toContain('THE FACTORY HKA CORP\nRUC 155596713-2-2015 DV 59\nAve. La Paz, Ciudad de Panamá');
    expect(text).toContain('Tarjeta de crédito\nB/. 3.00\nPago con criptomonedas\nB/. 1.55\nVuelto\nB/. 0.00');
    const foreign = authorizeDocument(
      aSale({
        cliente: {
          tipoClienteFE: '04',
          razonSocial: 'María Núñez',
          tipoIdentificacion: '01',
          nroIdentificacionExtranjero: 'AB123456',
          paisExtranjero: 'Colombia',
          pais: 'PA',
        },
      }),
    );
    expect(pdfTextLines(await buildCafePdf(foreign)).join('\n')).toContain(
      'María Núñez\nPasaporte AB123456 (Colombia)',
    );
  });

  it('shows the referenced CUFE on a credit note and lays out formatoCAFE 3 on a letter page', async () => {
    const note = authorizeDocument(aCreditNote({ formatoCAFE: '3' }));
    const pdf = await buildCafePdf(note);
    const lines = pdfTextLines(pdf);
    expect(lines).toContain('Nota de crédito referente a una FE');
    expect(lines.join('')).toContain(`CUFE ${REAL_CUFE} del 20/11/2026`);
    expect(lines.join('')).toContain(note.cufe);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });

  it('marks contingency and annulled documents', async () => {
    const contingency = authorizeDocument(
      aSale({
        tipoEmision: '02',
        contingencia: { fechaInicio: '2026-11-28T08:00:00-05:00', motivo: 'Falla del enlace de internet del local' },
      }),
    );
    const lines = pdfTextLines(await buildCafePdf({ ...contingency, status: 'Anulada' }));
    expect(lines).toContain('Autorización previa, operación en contingencia');
    expect(lines).toContain('DOCUMENTO ANULADO');
  });

  it('replaces characters the standard fonts cannot show instead of writing broken glyphs', () => {
    expect(winAnsiSafe('Año ñandú € ✓ 日本')).toBe('Año ñandú € ? ??');
  });
});
