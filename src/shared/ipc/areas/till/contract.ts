// IPC contract entries of the cashier's busy day (issue 14), merged into ipcContract (src/shared/ipc/contract.ts);
// names in channels.ts. Park and recall a sale, the basket in progress kept in SQLite (survives a crash or restart),
// and cash put into or taken out of the drawer. The acting user always comes from the session.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { approvalField } from '../../fields';
import { DECIMAL_2_PATTERN, DECIMAL_6_PATTERN } from '../../../fiscal/money';
import { codesOf, TASA_ITBMS } from '../../../fiscal/codes';
import { receptorSchema } from '../../../fiscal/receptor';
import { ticketDiscountSchema } from '../../../till/ticket-discount';
import { documentDetailSchema } from '../../schemas';

const amount2 = z.string().regex(DECIMAL_2_PATTERN);
const amount6 = z.string().regex(DECIMAL_6_PATTERN);

/** One line of the till's basket, as the checkout holds it (renderer/checkout/cart.ts CartLine). */
export const basketLineSchema = z.object({
  key: z.number().int().min(0),
  productId: z.string().max(64),
  codigo: z.string().max(20),
  descripcion: z.string().min(1).max(500),
  unidad: z.string().max(20),
  cantidad: amount6,
  precioUnitario: amount6,
  catalogPrice: amount6,
  descuentoUnitario: amount6,
  tasaItbms: z.enum(codesOf(TASA_ITBMS)),
  codigoCPBS: z.string().max(20).nullable(),
  unidadMedidaCPBS: z.string().max(20).nullable(),
  requiereLote: z.boolean(),
  medicina: z.object({ nroLote: z.string().max(35), cantProductosLote: z.string().max(20) }).nullable(),
});

/** The basket: its lines and the customer chosen (null: consumidor final). */
export const basketSchema = z.object({
  lines: z.array(basketLineSchema).max(500),
  customer: receptorSchema.nullable(),
  /** The discount on the whole sale (shared/till/ticket-discount.ts); absent in baskets saved before it existed. */
  ticketDiscount: ticketDiscountSchema.nullable().optional(),
});
export type Basket = z.infer<typeof basketSchema>;

export const parkedSaleSchema = z.object({
  id: z.string(),
  label: z.string(),
  total: amount2,
  lineCount: z.number().int(),
  parkedByName: z.string(),
  /** manual | handover (another user took over the till — after "Bloquear" or a restart — and found this basket). */
  reason: z.enum(['manual', 'handover']),
  parkedAt: z.string(),
});
export type ParkedSale = z.infer<typeof parkedSaleSchema>;

export const CASH_MOVEMENT_REASONS = ['cambio', 'caja_chica', 'retiro', 'deposito', 'otro'] as const;
export const cashMovementSchema = z.object({
  id: z.string(),
  kind: z.enum(['in', 'out']),
  amount: amount2,
  reason: z.enum(CASH_MOVEMENT_REASONS),
  note: z.string().nullable(),
  byName: z.string(),
  approvedByName: z.string().nullable(),
  at: z.string(),
});
export type CashMovement = z.infer<typeof cashMovementSchema>;

export const tillContract = {
  /** Puts the basket on hold (named, or numbered when no name is given) and empties the draft. */
  'till:park': {
    access: 'signedIn',
    request: z.object({ basket: basketSchema, label: z.string().trim().max(40).optional() }),
    response: parkedSaleSchema,
  },
  /** Sales on hold, oldest first, with time, cashier and total. */
  'till:parked': { access: 'signedIn', request: z.object({}), response: z.array(parkedSaleSchema) },
  /** Takes a parked sale back into the till (it leaves the list); not_found when someone recalled it already. */
  'till:recall': {
    access: 'signedIn',
    request: z.object({ id: z.string().min(1).max(64) }),
    response: z.object({ basket: basketSchema, parked: parkedSaleSchema }),
  },
  /** Saves the basket in progress (null or no lines: nothing in progress). */
  'till:saveDraft': {
    access: 'signedIn',
    request: z.object({ basket: basketSchema.nullable() }),
    response: z.object({ saved: z.boolean() }),
  },
  /**
   * The signed-in user's basket in progress, or null. Another user's basket found here (a crash while they sold) is
   * parked under their name first (`parkedForOther`), so it is never lost nor shown to the wrong cashier.
   */
  'till:loadDraft': {
    access: 'signedIn',
    request: z.object({}),
    response: z.object({ basket: basketSchema.nullable(), parkedForOther: parkedSaleSchema.nullable() }),
  },
  /**
   * Cash into or out of the drawer without a sale, with its reason; counted in the X/Z. A pay-out above the store's
   * limit (loss prevention `payOutLimit`) needs a gerente's approval for "till.payOut".
   */
  'till:cashMovement': {
    access: 'signedIn',
    request: z.object({
      kind: z.enum(['in', 'out']),
      amount: amount2,
      reason: z.enum(CASH_MOVEMENT_REASONS),
      note: z.string().trim().max(120).optional(),
      approval: approvalField,
    }),
    response: cashMovementSchema,
  },
  /**
   * A return at the till: the invoice the receipt's QR, its CUFE or its number at this register names, with what is
   * left to credit per line (documents:creditNote then issues the note, with a gerente's approval).
   */
  'till:findInvoice': {
    access: 'signedIn',
    request: z.object({ reference: z.string().trim().min(1).max(1000) }),
    response: documentDetailSchema,
  },
  /** The movements of the open shift. */
  'till:cashMovements': { access: 'signedIn', request: z.object({}), response: z.array(cashMovementSchema) },
} as const satisfies Record<string, ContractEntry>;
