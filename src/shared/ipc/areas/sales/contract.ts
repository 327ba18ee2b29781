// IPC contract of the sale at the till (names in channels.ts): complete a sale, the register's last sale, and the
// receipt's print (reprints counted for loss prevention).
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { documentDetailSchema, documentStatusSchema, printResultSchema, saleDraftSchema } from '../../schemas';
import { approvalField, emptyRequest } from '../../fields';

const lastSaleSchema = z.object({
  id: z.string(),
  tipoDocumento: z.string(),
  numero: z.number().int(),
  totalFactura: z.string(),
  /** Panamá local time with its offset, as issued. */
  fechaEmision: z.string(),
  status: documentStatusSchema,
});

export const salesContract = {
  'sales:complete': {
    access: 'signedIn',
    request: z.object({ draft: saleDraftSchema }),
    response: documentDetailSchema,
  },
  /**
   * The last sale this register saved (its branch and billing point), whatever its status: the checkout shows it on
   * start, so a cashier whose app died right after "Cobrar" sees the sale was saved and does not ring it again.
   */
  'sales:last': { access: 'signedIn', request: emptyRequest, response: z.object({ last: lastSaleSchema.nullable() }) },
  /**
   * Prints the receipt on screen (the page's print styles show only the receipt) on the configured printer. With
   * `documentId`, the print is counted: the first is the original, reprints beyond the store's free ones need a
   * gerente's approval for "receipt:print" (loss prevention).
   */
  'receipt:print': {
    access: 'signedIn',
    request: z.object({ documentId: z.string().min(1).max(64).optional(), approval: approvalField }),
    response: printResultSchema.extend({ copy: z.number().int().min(0).optional() }),
  },
} as const satisfies Record<string, ContractEntry>;
