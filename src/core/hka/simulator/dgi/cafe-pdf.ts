// The CAFE as a PDF (what DescargaPDF returns before Base64): a receipt laid out on an 80 mm roll, or on a letter
// page when the document asked for formatoCAFE 3. Text uses the PDF standard fonts (WinAnsi covers Spanish
// accents); the QR is the document's `qr` URL rendered by `qrcode` as a PNG. Streams are left uncompressed so the
// text can be checked; the PDF is small either way.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { child, textOf } from '../../xml/xnode';
import type { AuthorizedDocument } from '../types';
import { cafeContent, type CafeAmountLine, type CafeContent } from './cafe-content';

const ROLL_WIDTH = 226.77; // 80 mm in points
const MAX_PAGE_HEIGHT = 14_400; // the largest page size PDF readers accept (200 in)
const QR_SIZE = 120;
const QR_OPTIONS = { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 } as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' } as const;

interface Layout {
  pdf: PDFKit.PDFDocument;
  x: number;
  width: number;
  size: number;
}

/** WinAnsi is what the standard fonts can show: Latin-1 plus a few typographic signs; anything else becomes '?'. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function winAnsiSafe(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c) ? c : '?';
    })
    .join('');
}

function write(
  l: Layout,
  text: string,
  options: { font?: string; size?: number; align?: 'left' | 'center' | 'right' } = {},
): void {
  l.pdf.font(options.font ?? FONT.regular).fontSize(options.size ?? l.size);
  l.pdf.text(winAnsiSafe(text), l.x, l.pdf.y, { width: l.width, align: options.align ?? 'left' });
}

/** Label on the left, amount flush right, on the same line. */
function amountRow(l: Layout, [label, amount]: CafeAmountLine, bold = false): void {
  const y = l.pdf.y;
  l.pdf.font(bold ? FONT.bold : FONT.regular).fontSize(l.size);
  l.pdf.text(winAnsiSafe(label), l.x, y, { width: l.width * 0.62 });
  const afterLabel = l.pdf.y;
  l.pdf.text(winAnsiSafe(amount), l.x, y, { width: l.width, align: 'right' });
  l.pdf.y = Math.max(afterLabel, l.pdf.y);
}

function separator(l: Layout): void {
  const y = l.pdf.y + 3;
  l.pdf
    .save()
    .moveTo(l.x, y)
    .lineTo(l.x + l.width, y)
    .lineWidth(0.5)
    .dash(2, { space: 2 })
    .stroke()
    .restore();
  l.pdf.y = y + 4;
}

/** The CUFE in a monospaced font, cut into as many equal lines as the width needs (it has no spaces to wrap at). */
function writeCufe(l: Layout, cufe: string): void {
  const size = l.size - 1;
  const perLine = Math.floor(l.width / (0.6 * size)); // Courier glyphs are 600/1000 em wide
  const lines = Math.ceil(cufe.length / perLine);
  const chunk = Math.ceil(cufe.length / lines);
  for (let i = 0; i < cufe.length; i += chunk)
    write(l, cufe.slice(i, i + chunk), { font: FONT.mono, size, align: 'center' });
}

async function drawQr(l: Layout, qr: string): Promise<void> {
  const png = await QRCode.toBuffer(qr, QR_OPTIONS);
  if (l.pdf.y + QR_SIZE > l.pdf.page.height - l.pdf.page.margins.bottom) l.pdf.addPage();
  l.pdf.image(png, l.x + (l.width - QR_SIZE) / 2, l.pdf.y + 4, { width: QR_SIZE, height: QR_SIZE });
  l.pdf.y += QR_SIZE + 8;
}

async function draw(l: Layout, c: CafeContent): Promise<void> {
  write(l, c.title, { font: FONT.bold, size: l.size + 1, align: 'center' });
  write(l, c.tipoDocumento, { font: FONT.bold, align: 'center' });
  if (c.tipoEmision !== undefined) write(l, c.tipoEmision, { align: 'center' });
  if (c.anulada) write(l, 'DOCUMENTO ANULADO', { font: FONT.bold, size: l.size + 2, align: 'center' });
  separator(l);
  c.emisor.forEach((line, i) => write(l, line, { font: i === 0 ? FONT.bold : FONT.regular, align: 'center' }));
  separator(l);
  write(l, c.numero);
  write(l, c.fechaEmision);
  write(l, 'Cliente:', { font: FONT.bold });
  for (const line of c.receptor) write(l, line);
  if (c.referencias.length > 0) write(l, 'Documento referenciado:', { font: FONT.bold });
  for (const line of c.referencias) write(l, line, { size: l.size - 1 });
  separator(l);
  for (const item of c.items) {
    write(l, item.descripcion);
    amountRow(l, [`   ${item.detalle}`, item.total]);
  }
  separator(l);
  for (const line of c.totales) amountRow(l, line, line[0] === 'TOTAL');
  separator(l);
  for (const line of c.pagos) amountRow(l, line);
  separator(l);
  write(l, 'CUFE:', { font: FONT.bold, align: 'center' });
  writeCufe(l, c.cufe);
  for (const line of c.autorizacion) write(l, line, { size: l.size - 1, align: 'center' });
  await drawQr(l, c.qr);
  for (const line of c.consulta) write(l, line, { size: l.size - 1, align: 'center' });
}

/** Enough height for the roll so the receipt fits one page (pdfkit adds pages if an estimate falls short). */
function rollHeight(c: CafeContent): number {
  const lines =
    16 +
    c.emisor.length +
    c.receptor.length +
    2 * c.referencias.length +
    c.totales.length +
    c.pagos.length +
    c.items.reduce((n, item) => n + 1 + Math.ceil(item.descripcion.length / 40), 0);
  return Math.min(MAX_PAGE_HEIGHT, 80 + lines * 11 + QR_SIZE + 40);
}

/** The CAFE (printed representation of the FE) as a PDF, as DescargaPDF returns it (before Base64). */
export function buildCafePdf(doc: AuthorizedDocument): Promise<Buffer> {
  const content = cafeContent(doc);
  const letter = textOf(child(doc.documento, 'datosTransaccion'), 'formatoCAFE') === '3';
  const margin = letter ? 50 : 10;
  const pdf = new PDFDocument({
    size: letter ? 'LETTER' : [ROLL_WIDTH, rollHeight(content)],
    margin,
    compress: false,
    info: {
      Title: `${content.title} ${doc.cufe}`,
      Author: doc.issuer.razonSocial,
      Subject: content.tipoDocumento,
      Producer: 'SAGO-FACTU HKA simulator',
      CreationDate: new Date(Date.parse(doc.fechaRecepcionDGI) || 0),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const layout: Layout = { pdf, x: margin, width: pdf.page.width - 2 * margin, size: letter ? 10 : 8 };
  return draw(layout, content).then(
    () => {
      pdf.end();
      return done;
    },
    (error: unknown) => {
      pdf.end();
      throw error;
    },
  );
}
