// The invoice a return at the till refers to, from what the cashier scans or types: the receipt's QR (its URL
// carries the CUFE as chFE), the CUFE itself, or the invoice's number at this register (its branch and billing point;
// other points' numbers repeat). Only invoices (01): a note is not returned, its invoice is.
import { readIssuerSettings } from '../store/settings-repo';
import type { StoreDb } from '../store/open-database';
import { AppError } from '../app/app-error';

const CUFE = /^FE[A-Za-z0-9-]{64}$/;

/** The CUFE inside a scanned QR URL (…?chFE=FE…&iAmb=…), or the text as typed. */
function cufeOf(reference: string): string {
  const match = /[?&]chFE=([^&\s]+)/.exec(reference);
  return match?.[1] ? decodeURIComponent(match[1]) : reference;
}

export function findInvoiceForReturn(db: StoreDb, reference: string): string {
  const text = reference.trim();
  const cufe = cufeOf(text);
  if (CUFE.test(cufe)) {
    const row = db.$client.prepare('SELECT id, tipo_documento AS tipo FROM documents WHERE cufe = ?').get(cufe) as
      { id: string; tipo: string } | undefined;
    if (!row) throw new AppError('not_found', 'No hay en esta caja un documento con ese CUFE');
    if (row.tipo !== '01')
      throw new AppError(
        'not_allowed',
        'Ese CUFE es de una nota, no de una factura: la devolución se hace sobre la factura',
      );
    return row.id;
  }
  if (/^\d{1,10}$/.test(text)) {
    const issuer = readIssuerSettings(db);
    const id = db.$client
      .prepare(
        `SELECT id FROM documents WHERE tipo_documento = '01' AND codigo_sucursal = ? AND punto_facturacion = ?
      AND numero = ?`,
      )
      .pluck()
      .get(issuer.codigoSucursalEmisor, issuer.puntoFacturacionFiscal, Number(text)) as string | undefined;
    if (!id) throw new AppError('not_found', `No hay una factura Nº ${Number(text)} en esta caja`);
    return id;
  }
  throw new AppError(
    'invalid_request',
    'Escriba el número de la factura o su CUFE (o escanee el código QR del recibo)',
  );
}
