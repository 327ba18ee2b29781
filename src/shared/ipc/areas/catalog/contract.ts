// IPC contract of the catalogue and the customers at the till (names in channels.ts): search, scanner lookup, and
// saving a product or a customer (with the store's loss-prevention rules, a cashier's edit may need a gerente).
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { customerSchema, productSchema } from '../../schemas';
import { approvalField } from '../../fields';

export const catalogContract = {
  'catalog:search': {
    access: 'signedIn',
    request: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }),
    response: z.array(productSchema),
  },
  /** Exact match on code or barcode: what a scanner types followed by Enter. */
  'catalog:lookup': {
    access: 'signedIn',
    request: z.object({ code: z.string().min(1).max(50) }),
    response: productSchema.nullable(),
  },
  /** With the store's catalogue rule on (loss prevention), a cashier needs a gerente's approval for "catalog:saveProduct". */
  'catalog:saveProduct': {
    access: 'signedIn',
    request: productSchema.omit({ id: true }).extend({ id: z.string().optional(), approval: approvalField }),
    response: productSchema,
  },
  'customers:search': {
    access: 'signedIn',
    request: z.object({ query: z.string().max(100) }),
    response: z.array(customerSchema),
  },
  /** A new customer is anyone's; changing one on file needs a gerente's approval for "customers:save" (loss prevention). */
  'customers:save': {
    access: 'signedIn',
    request: customerSchema
      .omit({ id: true, nombre: true, identificacion: true })
      .extend({ id: z.string().optional(), approval: approvalField }),
    response: customerSchema,
  },
} as const satisfies Record<string, ContractEntry>;
