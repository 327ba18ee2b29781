// IPC contract of the documents list and its actions (names in channels.ts): list, detail, retry, annul, credit note
// (a return at the till), and sending the queue now.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { DECIMAL_6_PATTERN } from '../../../fiscal/money';
import { REASON_MAX, reasonSchema } from '../../reason';
import { documentDetailSchema, documentStatusSchema, documentSummarySchema } from '../../schemas';
import { approvalField, doneResponse, emptyRequest } from '../../fields';

export const documentsContract = {
  'documents:list': {
    access: 'signedIn',
    request: z.object({
      status: z.array(documentStatusSchema).optional(),
      query: z.string().max(100).optional(),
      /** Opaque cursor from the previous page. */
      cursor: z.string().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    response: z.object({
      items: z.array(documentSummarySchema),
      nextCursor: z.string().nullable(),
      total: z.number().int(),
      totalCapped: z.literal(true).optional(),
    }),
  },
  'documents:get': { access: 'signedIn', request: z.object({ id: z.string() }), response: documentDetailSchema },
  'documents:retry': {
    access: 'approval:documents:retry',
    request: z.object({ id: z.string(), approval: approvalField }),
    response: doneResponse,
  },
  /** Annul an authorised document within 7 days (HKA AnulacionDocumento); later, a credit note is the way. */
  'documents:annul': {
    access: 'approval:documents:annul',
    // Only the upper bound here: the core's annul step says a short reason in its own words (annul-document.ts).
    request: z.object({ id: z.string(), motivo: z.string().max(REASON_MAX), approval: approvalField }),
    response: documentDetailSchema,
  },
  /** Credit note (04) for all or some lines of an authorised invoice; returns the new note as saved. */
  'documents:creditNote': {
    access: 'approval:documents:creditNote',
    request: z.object({
      id: z.string(),
      approval: approvalField,
      lines: z
        .array(z.object({ line: z.number().int().min(1), cantidad: z.string().regex(DECIMAL_6_PATTERN) }))
        .min(1)
        .max(1000)
        .optional(),
      /** A return at the till: how the money goes back (02 cash out of the drawer, 03/04 card) and why. */
      refund: z.enum(['02', '03', '04']).optional(),
      motivo: reasonSchema.optional(),
    }),
    response: documentDetailSchema,
  },
  'queue:sendNow': { access: 'signedIn', request: emptyRequest, response: doneResponse },
} as const satisfies Record<string, ContractEntry>;
