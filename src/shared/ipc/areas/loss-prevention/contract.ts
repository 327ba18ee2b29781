// IPC contract entries of loss prevention, merged into ipcContract (src/shared/ipc/contract.ts); names in channels.ts.
// Which cashier actions need a gerente (per store, in settings) and the till's request for one: a price override or a
// discount over the limit (kept as a grant the sale must match, so the core refuses the sale without it), a line
// voided after it was scanned, a basket cleared, the drawer opened without a sale. Every one is audited with the
// cashier, the approving gerente and before/after values.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { approvalField } from '../../fields';
import { DECIMAL_2_PATTERN, DECIMAL_6_PATTERN } from '../../../fiscal/money';

const amount2 = z.string().regex(DECIMAL_2_PATTERN);
const amount6 = z.string().regex(DECIMAL_6_PATTERN);
const percent = z.number().min(0).max(100);

export const lossPreventionSchema = z.object({
  /** A cashier's change of a catalogue price at the till needs a gerente. */
  priceOverride: z.boolean(),
  /** A line discount above this percentage of the unit price needs a gerente (100: never). */
  lineDiscountPercent: percent,
  /** A ticket (global) discount above this percentage of the items' total needs a gerente (100: never). */
  ticketDiscountPercent: percent,
  /** Removing a line already scanned. */
  voidLine: z.boolean(),
  /** Clearing a basket that has lines (F2 / new sale). */
  clearBasket: z.boolean(),
  /** Opening the cash drawer without a sale. */
  drawerOpen: z.boolean(),
  /** Closing a shift (Z) whose counted cash differs from the expected by more than this needs a gerente. */
  zDifferenceLimit: amount2,
  /** Blind count: a cashier counts the cash before seeing what the register expects (no X report for cashiers). */
  blindCount: z.boolean(),
  /** Reprints of a receipt allowed before a gerente is needed. */
  freeReprints: z.number().int().min(0).max(10),
  /** Cash taken out of the drawer without a sale (pay-out) above this amount needs a gerente (missing in old saved rules: the default). */
  payOutLimit: amount2.default('20.00'),
  /** Creating or editing products (their prices) needs a gerente; so does a CSV row changing an existing price. */
  catalogEdit: z.boolean(),
  /** Editing an existing customer needs a gerente (a cashier may always add a new one for a sale). */
  customerEdit: z.boolean(),
});
export type LossPrevention = z.infer<typeof lossPreventionSchema>;

/** What a till asks a gerente for, with the values the audit trail records. */
export const tillActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('priceOverride'),
    codigo: z.string().min(1).max(20),
    descripcion: z.string().max(500),
    before: amount6,
    after: amount6,
  }),
  z.object({
    kind: z.literal('lineDiscount'),
    codigo: z.string().min(1).max(20),
    descripcion: z.string().max(500),
    precioUnitario: amount6,
    descuentoUnitario: amount6,
  }),
  z.object({ kind: z.literal('ticketDiscount'), itemsTotal: amount6, descuento: amount2 }),
  z.object({
    kind: z.literal('voidLine'),
    codigo: z.string().min(1).max(20),
    descripcion: z.string().max(500),
    cantidad: amount6,
    total: amount6,
  }),
  z.object({ kind: z.literal('clearBasket'), lines: z.number().int().min(1), total: amount6 }),
  z.object({ kind: z.literal('drawerOpen'), motivo: z.string().trim().min(3).max(120) }),
]);
export type TillAction = z.infer<typeof tillActionSchema>;

export const lossPreventionContract = {
  'settings:lossPrevention': { access: 'gerente', request: z.object({}), response: lossPreventionSchema },
  'settings:saveLossPrevention': {
    access: 'approval:settings:saveLossPrevention',
    request: lossPreventionSchema.extend({ approval: approvalField }),
    response: lossPreventionSchema,
  },
  /** The rules as the till applies them (any signed-in user: the checkout decides when to ask for a PIN). */
  'till:rules': { access: 'signedIn', request: z.object({}), response: lossPreventionSchema },
  /**
   * A till action that may need a gerente: refused without one when the store's rules say so (a gerente signed in
   * needs no PIN), audited either way. Price overrides and discounts become grants the sale is checked against.
   */
  'till:authorize': {
    access: 'signedIn',
    request: z.object({ action: tillActionSchema, approval: approvalField }),
    response: z.object({ approvedBy: z.string().nullable() }),
  },
} as const satisfies Record<string, ContractEntry>;
