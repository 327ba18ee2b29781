// The register's thermal printer: receipts as ESC/POS from the saved document, the drawer's kick, the test page.
// Jobs go out one at a time (a receipt and a kick never interleave on the printer's socket). A failure is an
// AppError in Spanish for the screen — the sale behind it is already saved and stands; the renderer then falls back
// to the system's print of the receipt on screen.
import type { HkaEnvironment } from '../hka/contract';
import type { DocumentDetail } from '../../shared/ipc/schemas';
import type { ThermalPrinterSettings } from '../../shared/ipc/areas/printer/contract';
import { receiptModel } from '../../shared/receipt/receipt-model';
import { AppError } from '../app/app-error';
import { issuerView } from '../app/app-status';
import { getDocumentDetail } from '../app/document-detail';
import { readReceiptLayout } from '../settings/receipt-settings';
import type { StoreDb } from '../store/open-database';
import { encodeDrawerKick, encodeReceipt, encodeTestPage } from './escpos-receipt';
import {
  PRINTER_PROBLEM_TEXT,
  STATUS_QUERIES,
  decodePrinterStatus,
  printerProblemRule,
  type PrinterStatus,
} from './printer-status';
import type { PrinterTarget, PrinterTransport, TransportFactory } from './printer-transport';
import { readThermalPrinter } from './thermal-settings';

export interface ThermalPrinter {
  /** Whether receipts go to the thermal printer (network/USB) rather than through the system's print. */
  active(): boolean;
  /** Prints the document's receipt `copies` times; `copy` > 0 is a reprint ("COPIA"); extra copies say COPIA too. */
  printReceipt(documentId: string, copy: number): Promise<void>;
  /** Opens the drawer when one is wired to the thermal printer; 'off' when none is configured. */
  kickDrawer(): Promise<'kicked' | 'off'>;
  /** Opens the drawer after a sale paid (partly) in cash; never throws: a failure is logged (the sale stands). */
  kickForSale(sale: Pick<DocumentDetail, 'id' | 'document'>): void;
  /** Opens the drawer after a recorded pay-in/pay-out; never throws (the movement is recorded), a failure is logged. */
  kickInBackground(why: string): void;
  /** "Imprimir prueba" on the given (typed) settings. */
  testPage(settings: ThermalPrinterSettings): Promise<void>;
}

export interface ThermalPrinterDeps {
  db: StoreDb;
  environment: HkaEnvironment;
  transports: TransportFactory;
  log?: { warn(message: string, meta?: Record<string, unknown>): void } | undefined;
}

export function targetOf(settings: ThermalPrinterSettings): PrinterTarget | null {
  if (settings.kind === 'network') return { kind: 'network', host: settings.host, port: settings.port };
  if (settings.kind === 'usb') return { kind: 'usb', devicePath: settings.devicePath };
  return null;
}

const where = (target: PrinterTarget): string =>
  target.kind === 'network' ? `${target.host}:${target.port}` : target.devicePath;

/** Did the sale take cash? (formaPagoFact 02, Efectivo). Reads the saved body without trusting its shape. */
export function paidInCash(document: unknown): boolean {
  const pagos = (document as { pagos?: unknown } | null)?.pagos;
  return Array.isArray(pagos) && pagos.some((p) => (p as { formaPagoFact?: unknown } | null)?.formaPagoFact === '02');
}

function cashierOf(db: StoreDb, documentId: string): string | null {
  const row = db.$client
    .prepare('SELECT u.display_name FROM documents d JOIN users u ON u.id = d.created_by WHERE d.id = ?')
    .pluck()
    .get(documentId);
  return typeof row === 'string' ? row : null;
}

/** The printer's own answer, or unknown (no return channel, no answer, unreachable: the job then goes out as ever). */
async function statusOf(transport: PrinterTransport): Promise<PrinterStatus> {
  if (!transport.ask) return { kind: 'unknown' };
  try {
    return decodePrinterStatus(await transport.ask(STATUS_QUERIES));
  } catch {
    return { kind: 'unknown' };
  }
}

/**
 * A printer that said it cannot print: nothing is sent (no receipt appears later by surprise), the cashier is told.
 * Exported so that a receipt refused this way is not counted as printed (receipt-prints.ts): no paper came out.
 */
export class PrinterProblemError extends AppError {}

export function createThermalPrinter(deps: ThermalPrinterDeps): ThermalPrinter {
  const { db } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  /** One job at a time, in order, after asking the printer its status; a failed job does not stop the next. */
  const send = (target: PrinterTarget, jobs: Uint8Array[]): Promise<void> => {
    const run = queue.then(async () => {
      const transport = deps.transports(target);
      const status = await statusOf(transport);
      if (status.kind === 'problem') {
        const text = PRINTER_PROBLEM_TEXT[status.problem];
        const message = `${text} en la impresora térmica (${where(target)}): no se le envió nada; lo ya guardado queda guardado`;
        deps.log?.warn('thermal printer not ready', { target: where(target), problem: status.problem });
        throw new PrinterProblemError('internal', message, [
          { path: 'printer', message, rule: printerProblemRule(status.problem) },
        ]);
      }
      for (const bytes of jobs) await transport.send(bytes);
    });
    queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      if (error instanceof PrinterProblemError) throw error;
      deps.log?.warn('thermal printer failed', {
        target: where(target),
        error: error instanceof Error ? error.message : String(error),
      });
      throw new AppError(
        'internal',
        `No se pudo imprimir en la impresora térmica (${where(target)}); revise que esté encendida y conectada`,
      );
    });
  };
  const issuer = () => issuerView(db, deps.environment);
  const kickDrawer = async (): Promise<'kicked' | 'off'> => {
    const settings = readThermalPrinter(db);
    const target = targetOf(settings);
    if (!target || !settings.drawer) return 'off';
    await send(target, [encodeDrawerKick()]);
    return 'kicked';
  };
  return {
    active: () => targetOf(readThermalPrinter(db)) !== null,
    async printReceipt(documentId, copy) {
      const target = targetOf(readThermalPrinter(db));
      if (!target) throw new AppError('not_allowed', 'La caja no tiene una impresora térmica configurada');
      const model = receiptModel(getDocumentDetail(db, documentId), issuer(), deps.environment === 'simulador');
      if (!model) throw new AppError('internal', 'No se pudo leer el documento guardado para imprimir su recibo');
      const layout = readReceiptLayout(db);
      const base = {
        paper: layout.paper,
        headerLines: layout.headerLines,
        footerLines: layout.footerLines,
        cashier: cashierOf(db, documentId),
      };
      const jobs = Array.from({ length: layout.copies }, (_, i) =>
        encodeReceipt(model, { ...base, copy: copy > 0 || i > 0 }),
      );
      await send(target, jobs);
    },
    kickDrawer,
    kickForSale(sale) {
      if (!paidInCash(sale.document)) return;
      kickDrawer().catch((error: unknown) => {
        deps.log?.warn('cash drawer did not open after a sale', {
          documentId: sale.id,
          error: error instanceof Error ? error.message : String(error),
        });
      });
    },
    kickInBackground(why) {
      kickDrawer().catch((error: unknown) => {
        deps.log?.warn('cash drawer did not open', {
          why,
          error: error instanceof Error ? error.message : String(error),
        });
      });
    },
    async testPage(settings) {
      const target = targetOf(settings);
      if (!target)
        throw new AppError(
          'invalid_request',
          'La prueba es para impresoras ESC/POS (red o USB); la del sistema se prueba imprimiendo un recibo',
        );
      await send(target, [encodeTestPage(readReceiptLayout(db).paper, issuer().razonSocial)]);
    },
  };
}
