// Receipt printing in the desktop app: the page on screen (whose print styles show only the receipt) goes to the
// receipt printer silently, by name, or to the system's default printer when none is set, as many copies as the
// receipt settings say. The settings panel lists the OS printers by name (nothing else about them leaves main).
import type { WebContents } from 'electron';
import { AppError } from '../core/app/app-error';
import type { PrintJob, ReceiptPrinter } from '../core/app/ui-ports';

type PrintingContents = Pick<WebContents, 'print' | 'getPrintersAsync'>;

export function printReceipt(contents: Pick<WebContents, 'print'>, job: PrintJob): Promise<{ via: 'printer' }> {
  return new Promise((resolve, reject) => {
    contents.print(
      {
        silent: true,
        printBackground: false,
        margins: { marginType: 'none' },
        copies: job.copies,
        ...(job.printerName ? { deviceName: job.printerName } : {}),
      },
      (success, failureReason) => {
        if (success) resolve({ via: 'printer' });
        else
          reject(
            new AppError('internal', `No se pudo imprimir el recibo (${failureReason || 'impresora no disponible'})`),
          );
      },
    );
  });
}

/** The OS printers' names, sorted, without repeats. */
export async function printerNames(contents: Pick<WebContents, 'getPrintersAsync'>): Promise<string[]> {
  const printers = await contents.getPrintersAsync();
  return [...new Set(printers.map((p) => p.name))].sort((a, b) => a.localeCompare(b));
}

/** The desktop app's ReceiptPrinter over the main window (none while the window is closed: the browser fallback). */
export function desktopPrinter(contents: () => PrintingContents | undefined): ReceiptPrinter {
  return {
    print: (job) => {
      const current = contents();
      return current ? printReceipt(current, job) : Promise.resolve({ via: 'browser' as const });
    },
    listPrinters: () => {
      const current = contents();
      return current ? printerNames(current) : Promise.resolve([]);
    },
  };
}
