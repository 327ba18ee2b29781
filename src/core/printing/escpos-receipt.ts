// The receipt as ESC/POS bytes for a thermal printer, from the same ReceiptModel the screen shows (shared/receipt).
// Always in Spanish, like the printed receipt on screen: it is a fiscal document for the DGI. The QR goes out as the
// printer's own QR command (GS ( k), not as a picture, so it is sharp at any density and the bytes stay small. The
// encoder is @point-of-sale/receipt-printer-encoder; one code page (PC858: every Spanish letter, and €) for the
// whole receipt keeps the bytes the same on every Epson-compatible printer.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { formatBalboas } from '../../shared/fiscal/money';
import { CUFE_LOOKUP_URL, type ReceiptModel, type ReceiptStage } from '../../shared/receipt/receipt-model';

export type PaperWidth = '58' | '80';

/** Characters per line in font A: 80 mm printers print 48, 58 mm ones 32. */
export const COLUMNS: Record<PaperWidth, number> = { '80': 48, '58': 32 };

export interface EscPosReceiptOptions {
  paper: PaperWidth;
  /** The shop's own lines (address, phone) as the manager typed them in the receipt settings. */
  headerLines: readonly string[];
  footerLines: readonly string[];
  /** Who rang the sale up. */
  cashier: string | null;
  /** A reprint: "COPIA" at the top and at the bottom. */
  copy: boolean;
}

const STAGE_BANNER: Record<Exclude<ReceiptStage, 'authorized'>, string> = {
  pending: 'PENDIENTE DE AUTORIZACIÓN',
  contingency: 'EMITIDO EN CONTINGENCIA',
  notAuthorized: 'NO AUTORIZADO',
  annulled: 'DOCUMENTO ANULADO',
};
const TRAINING = '*** MODO ENTRENAMIENTO · SIN VALIDEZ FISCAL ***';
const PROVISIONAL_NOTE =
  'Recibo provisional. La factura electrónica se enviará a la DGI; pida el CAFE con su CUFE y código QR.';
export const COPY_BANNER = '*** COPIA ***';

export function escposEncoder(paper: PaperWidth): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: COLUMNS[paper],
    codepageMapping: 'epson',
    newline: '\n',
    feedBeforeCut: 4,
  });
}

/** "Label ........ value" in one line when it fits, else the label and, under it, the value on the right. */
export function row(columns: number, label: string, value: string): string[] {
  if (label.length + 1 + value.length <= columns)
    return [label + ' '.repeat(columns - label.length - value.length) + value];
  return [label, value.padStart(columns)];
}

type Block = (e: ReceiptPrinterEncoder, columns: number) => void;

const rows = (e: ReceiptPrinterEncoder, columns: number, label: string, value: string): void => {
  for (const l of row(columns, label, value)) e.line(l);
};

/** The title of a note that refers to an invoice (the receipt is a fiscal document: always Spanish). */
export const NOTE_TITLE = { credito: 'NOTA DE CRÉDITO', debito: 'NOTA DE DÉBITO' } as const;

const header =
  (model: ReceiptModel, options: EscPosReceiptOptions): Block =>
  (e) => {
    e.align('center').bold(true).line(model.issuer.razonSocial).bold(false);
    e.line(`RUC ${model.issuer.ruc} DV ${model.issuer.dv}`);
    e.line(`Sucursal ${model.issuer.codigoSucursal} · Punto de facturación ${model.puntoFacturacion}`);
    for (const l of options.headerLines) e.line(l);
    e.align('left').rule();
    e.align('center')
      .bold(true)
      .line(model.cufe === null ? 'Recibo provisional' : 'Comprobante Auxiliar de Factura Electrónica')
      .bold(false);
    if (model.stage !== 'authorized') e.invert(true).line(STAGE_BANNER[model.stage]).invert(false);
    e.align('left');
  };

const identity =
  (model: ReceiptModel, options: EscPosReceiptOptions): Block =>
  (e, columns) => {
    // A note says in its title which invoice it corrects, so nobody takes it for a sale.
    if (model.nota)
      e.align('center')
        .bold(true)
        .line(`${NOTE_TITLE[model.nota.kind]} Nº ${model.numero}`)
        .line(`a la factura Nº ${model.nota.factura}`)
        .bold(false)
        .align('left');
    e.line(model.tipoDocumento);
    rows(e, columns, 'No.', model.numero);
    rows(e, columns, 'Fecha', model.fecha);
    e.line(`Cliente: ${model.cliente.join(' · ')}`);
    if (options.cashier) e.line(`Cajero: ${options.cashier}`);
    e.rule();
  };

const items =
  (model: ReceiptModel): Block =>
  (e, columns) => {
    for (const item of model.items) {
      e.line(item.descripcion);
      rows(e, columns, `  ${item.detalle} (${item.tasa})`, formatBalboas(item.importe));
      if (item.descuento) e.line(`  Incluye descuento de ${formatBalboas(item.descuento)}`);
    }
    e.rule();
  };

const sums =
  (model: ReceiptModel): Block =>
  (e, columns) => {
    const s = model.sums;
    rows(e, columns, 'Subtotal (sin impuestos)', formatBalboas(s.subtotal));
    for (const r of s.porTasa)
      rows(e, columns, `ITBMS ${r.tasa} base ${formatBalboas(r.base)}`, formatBalboas(r.itbms));
    rows(e, columns, 'Total ITBMS', formatBalboas(s.totalItbms));
    const optional: [string, string | null, string][] = [
      ['ISC', s.isc, ''],
      ['Otros impuestos y tasas', s.otrosImpuestos, ''],
      ['Acarreo y seguro de los ítems', s.cargosItems, ''],
      ['Acarreo', s.acarreo, ''],
      ['Seguro', s.seguro, ''],
      ['Descuento', s.descuentos, '-'],
    ];
    for (const [label, value, sign] of optional)
      if (value !== null) rows(e, columns, label, `${sign}${formatBalboas(value)}`);
    e.bold(true);
    rows(e, columns, 'TOTAL', formatBalboas(s.total));
    e.bold(false).rule();
    for (const p of model.pagos) rows(e, columns, p.forma, formatBalboas(p.monto));
    rows(e, columns, 'Vuelto', formatBalboas(model.vuelto));
    e.rule();
  };

/** The CAFE's CUFE and native QR once authorised; otherwise why this receipt is provisional. */
const stage =
  (model: ReceiptModel): Block =>
  (e, columns) => {
    if (model.stage === 'authorized' || model.stage === 'annulled') {
      if (model.contingencia) e.line('Emitido en contingencia');
      e.line('CUFE').line(model.cufe ?? '');
      if (model.qr)
        e.align('center')
          .qrcode(model.qr, { model: 2, size: columns >= 48 ? 6 : 4, errorlevel: 'm' })
          .align('left');
      e.line('Consulte la factura en:').line(CUFE_LOOKUP_URL);
      if (model.protocolo) e.line('Protocolo de autorización').line(model.protocolo);
      if (model.fechaAutorizacion) rows(e, columns, 'Recepción DGI', model.fechaAutorizacion);
    } else if (model.stage === 'notAuthorized') {
      e.line('La DGI no ha autorizado este documento; no tiene validez fiscal.');
    } else {
      if (model.contingencia) e.line(`Contingencia desde ${model.contingencia.desde}:`).line(model.contingencia.motivo);
      e.line(PROVISIONAL_NOTE);
    }
  };

const banner =
  (text: string): Block =>
  (e) => {
    e.align('center').bold(true).invert(true).line(text).invert(false).bold(false).align('left');
  };

/** The whole receipt, ending with a cut. */
export function encodeReceipt(model: ReceiptModel, options: EscPosReceiptOptions): Uint8Array {
  const e = escposEncoder(options.paper).initialize().codepage('cp858');
  const columns = COLUMNS[options.paper];
  const blocks: Block[] = [
    ...(options.copy ? [banner(COPY_BANNER)] : []),
    ...(model.training ? [banner(TRAINING)] : []),
    header(model, options),
    identity(model, options),
    items(model),
    sums(model),
    stage(model),
    (enc) => {
      if (options.footerLines.length > 0) enc.align('center');
      for (const l of options.footerLines) enc.line(l);
      enc.align('left');
    },
    ...(model.training ? [banner(TRAINING)] : []),
    ...(options.copy ? [banner(COPY_BANNER)] : []),
  ];
  for (const block of blocks) block(e, columns);
  return e.cut('partial').encode();
}

/** The cash drawer's kick (ESC p, pin 2, 100 ms on / 500 ms off: what Epson-compatible drawers expect). */
export function encodeDrawerKick(): Uint8Array {
  return escposEncoder('80').initialize().pulse(0, 100, 500).encode();
}

/** A short test page for "Imprimir prueba": the width's ruler, the accents, a QR and a cut. */
export function encodeTestPage(paper: PaperWidth, shop: string): Uint8Array {
  const columns = COLUMNS[paper];
  const e = escposEncoder(paper).initialize().codepage('cp858');
  e.align('center').bold(true).line('PRUEBA DE IMPRESIÓN').bold(false).line(shop).align('left');
  e.line('1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns));
  e.line(`Papel ${paper} mm · ${columns} columnas`).line('áéíóú ÁÉÍÓÚ ñÑ ¿¡ B/. 1,234.56');
  e.align('center').qrcode('SAGO-FACTU', { model: 2, size: 4, errorlevel: 'm' }).align('left');
  return e.cut('partial').encode();
}
