// sales:last — the last sale this register saved (its branch and billing point; notes are not sales), whatever its
// status. The checkout shows it when it starts, so a cashier whose app died right after "Cobrar" sees that the sale
// was saved (and its number and total) instead of ringing it again.
import { NOTE_DOCUMENT_TYPES } from '../../shared/fiscal/codes';
import type { DocumentStatus } from '../../shared/fiscal/lifecycle';
import type { StoreDb } from '../store/open-database';
import { readIssuerSettings } from '../store/settings-repo';

export interface LastSale {
  id: string;
  tipoDocumento: string;
  numero: number;
  totalFactura: string;
  fechaEmision: string;
  status: DocumentStatus;
}

export function lastSale(db: StoreDb): LastSale | null {
  const issuer = readIssuerSettings(db);
  const notes = NOTE_DOCUMENT_TYPES.map((t) => `'${t}'`).join(', ');
  const row = db.$client
    .prepare(
      `SELECT id, tipo_documento AS tipoDocumento, numero, total_factura AS totalFactura,
    fecha_emision AS fechaEmision, status FROM documents
    WHERE codigo_sucursal = ? AND punto_facturacion = ? AND tipo_documento NOT IN (${notes})
    ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(issuer.codigoSucursalEmisor, issuer.puntoFacturacionFiscal) as LastSale | undefined;
  return row ?? null;
}
