// The shape of DocumentTotals as a register stores it next to each document (documents.totals). Reading it back
// lets a reprint show exactly the figures the document was saved (and sent to HKA) with, even when it was saved
// under an earlier rounding rule (docs/decisions/0008): a stored document is never re-priced by new code.
import { z } from 'zod';
import { computeItemAmounts, type DocumentTotals } from './totals';
import type { FiscalDocument } from './document';

const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

const storedTotalsSchema = z.object({
  items: z.array(
    z.object({
      precioItem: amount,
      valorITBMS: amount,
      valorISC: amount.optional(),
      valorTotal: amount,
      descuento: amount,
      // Absent in totals stored before per-line rounding.
      otis: amount.optional(),
      cargos: amount.optional(),
    }),
  ),
  totalPrecioNeto: amount,
  totalITBMS: amount,
  totalISC: amount,
  totalMontoGravado: amount,
  totalDescuento: amount,
  totalAcarreoCobrado: amount,
  valorSeguroCobrado: amount,
  totalFactura: amount,
  totalValorRecibido: amount,
  vuelto: amount,
  nroItems: z.number().int(),
  totalTodosItems: amount,
  totalesOti: z.array(z.object({ codigo: z.string(), valor: amount })),
  porTasa: z.array(z.object({ tasaItbms: z.enum(['00', '01', '02', '03']), base: amount, itbms: amount })),
});

/** The totals stored with `doc`, or undefined when they are missing, malformed or do not belong to its items. */
export function readStoredTotals(stored: unknown, doc: FiscalDocument): DocumentTotals | undefined {
  const parsed = storedTotalsSchema.safeParse(stored);
  if (!parsed.success || parsed.data.items.length !== doc.items.length) return undefined;
  const totals = parsed.data;
  return {
    ...totals,
    totalesOti: totals.totalesOti as DocumentTotals['totalesOti'],
    items: totals.items.map((item, i) => {
      const source = doc.items[i];
      const fallback = source ? computeItemAmounts(source) : undefined;
      return {
        precioItem: item.precioItem,
        valorITBMS: item.valorITBMS,
        valorTotal: item.valorTotal,
        descuento: item.descuento,
        ...(item.valorISC !== undefined ? { valorISC: item.valorISC } : {}),
        otis: item.otis ?? fallback?.otis ?? '0.00',
        cargos: item.cargos ?? fallback?.cargos ?? '0.00',
      };
    }),
  };
}
