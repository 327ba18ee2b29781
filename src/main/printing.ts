// Receipt printing in the desktop app: the page on screen (whose print styles show only the receipt) goes to the
// 80 mm printer silently, by name, or to the system's default printer when none is set.
import type { WebContents } from 'electron';
import { AppError } from '../core/app/app-error';

export function printReceipt(contents: Pick<WebContents, 'print'>, printerName: string | null): Promise<{ via: 'printer' }> {
  return new Promise((resolve, reject) => {
    contents.print({
      silent: true,
      printBackground: false,
      margins: { marginType: 'none' },
      ...(printerName ? { deviceName: printerName } : {}),
    }, (success, failureReason) => {
      if (success) resolve({ via: 'printer' });
      else reject(new AppError('internal', `No se pudo imprimir el recibo (${failureReason || 'impresora no disponible'})`));
    });
  });
}
