// Renditions of a shift report: 80 mm plain text for the receipt printer (42 columns, Spanish) and CSV.
import { formatBalboas } from '../../shared/fiscal/money';
import { toPanamaDateTime } from '../../shared/fiscal/panama-time';
import type { ShiftReport } from '../../shared/ipc/areas/reports/contract';
import { toCsv, type CsvCell } from './csv';

/** Characters per line on 80 mm paper in the printer's standard font. */
export const RECEIPT_COLUMNS = 42;

const rule = '-'.repeat(RECEIPT_COLUMNS);

/** Label left, value right; a label too long for the line is cut so the value always shows. */
function line(label: string, value = ''): string {
  const room = RECEIPT_COLUMNS - value.length - (value ? 1 : 0);
  const cut = label.length > room ? label.slice(0, Math.max(room, 0)) : label;
  return value ? `${cut.padEnd(room)} ${value}` : cut;
}

const center = (text: string) => text.slice(0, RECEIPT_COLUMNS).padStart(Math.floor((RECEIPT_COLUMNS + Math.min(text.length, RECEIPT_COLUMNS)) / 2));
/** A free text cut into lines of the paper's width (at spaces where it can). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && `${current} ${word}`.length > RECEIPT_COLUMNS) {
      lines.push(current);
      current = '';
    }
    current = current ? `${current} ${word}` : word;
    while (current.length > RECEIPT_COLUMNS) {
      lines.push(current.slice(0, RECEIPT_COLUMNS));
      current = current.slice(RECEIPT_COLUMNS);
    }
  }
  return current ? [...lines, current] : lines;
}

/** Panama local time, as the shop reads its clock: "2025-03-03 09:00". */
const when = (iso: string) => toPanamaDateTime(new Date(iso)).slice(0, 16).replace('T', ' ');

const nonZero = (amount: string | undefined): amount is string => amount !== undefined && amount !== '0.00';

/** Pay-ins and pay-outs, only when the shift had any (reports closed before issue 14 have neither). */
function movementLines(report: ShiftReport): string[] {
  const { payIns, payOuts } = report.cash;
  return [
    ...(nonZero(payIns) ? [line('+ Entradas de efectivo', formatBalboas(payIns))] : []),
    ...(nonZero(payOuts) ? [line('- Salidas de efectivo', formatBalboas(payOuts))] : []),
  ];
}

/** The Z's warning about sales on hold: they are not sales, and nobody should find them by surprise tomorrow. */
export function parkedWarning(count: number): string {
  return `AVISO: ${count} venta(s) en espera sin cobrar; no están en este reporte. Recupérelas y cóbrelas, o descártelas.`;
}

export function shiftReportText(report: ShiftReport): string {
  const { cash, counts, creditNotes } = report;
  const out = [
    center(report.kind === 'Z' ? 'REPORTE Z - CIERRE DE CAJA' : 'REPORTE X - CAJA EN CURSO'),
    rule,
    line('Turno', report.shift.id.slice(0, 8)),
    line('Apertura', when(report.shift.openedAt)),
    line(report.kind === 'Z' ? 'Cierre' : 'Hasta', when(report.until)),
    line('Abierto por', report.shift.openedByName),
    ...(report.shift.closedByName ? [line('Cerrado por', report.shift.closedByName)] : []),
    ...(report.shift.closeApprovedByName ? [line('Autorizó el cierre', report.shift.closeApprovedByName)] : []),
    rule,
    'VENTAS POR FORMA DE PAGO',
    ...report.byPaymentForm.map((f) => line(`${f.label} (${f.count})`, formatBalboas(f.amount))),
    line('Total ventas', formatBalboas(report.salesTotal)),
    rule,
    'ITBMS POR TASA (BASE / IMPUESTO)',
    ...report.itbmsByRate.flatMap((r) => [line(r.label), line('  Base', formatBalboas(r.base)), line('  ITBMS', formatBalboas(r.itbms))]),
    rule,
    'DOCUMENTOS',
    line('Autorizados', String(counts.authorized)),
    line('Pendientes de envío', String(counts.pending)),
    line('En contingencia sin autorizar', String(counts.contingency)),
    line('Rechazados', String(counts.rejected)),
    line('Fallidos', String(counts.failed)),
    line('Anulados', `${counts.annulled} / ${formatBalboas(report.annulledTotal)}`),
    line('Notas de crédito', `${creditNotes.count} / ${formatBalboas(creditNotes.total)}`),
    rule,
    'EFECTIVO',
    line('Fondo inicial', formatBalboas(cash.opening)),
    line('+ Efectivo recibido', formatBalboas(cash.received)),
    line('- Vuelto entregado', formatBalboas(cash.change)),
    line('- Devoluciones (notas crédito)', formatBalboas(cash.refunds)),
    ...movementLines(report),
    line('Efectivo esperado', formatBalboas(cash.expected)),
    ...(cash.counted !== null ? [line('Efectivo contado', formatBalboas(cash.counted)), line('Diferencia', formatBalboas(cash.difference ?? '0'))] : []),
    ...(report.shift.differenceReason ? ['Motivo de la diferencia:', ...wrap(report.shift.differenceReason)] : []),
    ...(report.unauthorised > 0 ? [rule, line(`AVISO: ${report.unauthorised} documento(s) sin autorizar`)] : []),
    ...((report.parkedSales ?? 0) > 0 ? [rule, ...wrap(parkedWarning(report.parkedSales ?? 0))] : []),
    rule,
  ];
  return out.join('\n') + '\n';
}

/** One table for every section: seccion, concepto, codigo, cantidad, base, itbms, monto. */
export function shiftReportCsv(report: ShiftReport): string {
  const { cash, counts, creditNotes } = report;
  const rows: CsvCell[][] = [
    ['turno', 'id', report.shift.id, null, null, null, null],
    ['turno', 'apertura', report.shift.openedAt, null, null, null, null],
    ['turno', report.kind === 'Z' ? 'cierre' : 'hasta', report.until, null, null, null, null],
    ...report.byPaymentForm.map((f): CsvCell[] => ['forma_pago', f.label, f.formaPago, f.count, null, null, f.amount]),
    ['ventas', 'total', null, null, null, null, report.salesTotal],
    ...report.itbmsByRate.map((r): CsvCell[] => ['itbms', r.label, r.tasaItbms, null, r.base, r.itbms, null]),
    ['documentos', 'autorizados', 'AUTHORIZED', counts.authorized, null, null, null],
    ['documentos', 'pendientes', 'QUEUED+PROCESSING', counts.pending, null, null, null],
    ['documentos', 'contingencia', '02/04', counts.contingency, null, null, null],
    ['documentos', 'rechazados', 'REJECTED', counts.rejected, null, null, null],
    ['documentos', 'fallidos', 'FAILED', counts.failed, null, null, null],
    ['documentos', 'anulados', 'ANNULLED', counts.annulled, null, null, report.annulledTotal],
    ['notas_credito', 'total', '04/06', creditNotes.count, null, null, creditNotes.total],
    ['efectivo', 'fondo_inicial', null, null, null, null, cash.opening],
    ['efectivo', 'recibido', null, null, null, null, cash.received],
    ['efectivo', 'vuelto', null, null, null, null, cash.change],
    ['efectivo', 'devoluciones', null, null, null, null, cash.refunds],
    ...(nonZero(cash.payIns) ? [['efectivo', 'entradas', null, null, null, null, cash.payIns] as CsvCell[]] : []),
    ...(nonZero(cash.payOuts) ? [['efectivo', 'salidas', null, null, null, null, cash.payOuts] as CsvCell[]] : []),
    ['efectivo', 'esperado', null, null, null, null, cash.expected],
    ['efectivo', 'contado', null, null, null, null, cash.counted],
    ['efectivo', 'diferencia', null, null, null, null, cash.difference],
    ['cierre', 'motivo_diferencia', report.shift.differenceReason, null, null, null, null],
    ['cierre', 'cerrado_por', report.shift.closedByName, null, null, null, null],
    ['cierre', 'autorizo', report.shift.closeApprovedByName, null, null, null, null],
    ...((report.parkedSales ?? 0) > 0 ? [['aviso', 'ventas_en_espera', null, report.parkedSales ?? 0, null, null, null] as CsvCell[]] : []),
  ];
  return toCsv(['seccion', 'concepto', 'codigo', 'cantidad', 'base', 'itbms', 'monto'], rows);
}
