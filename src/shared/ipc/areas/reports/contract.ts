// IPC contract entries of the reports area, merged into ipcContract (src/shared/ipc/contract.ts). Names are listed in
// channels.ts. Cash shifts (turnos) with their X (running) and Z (closing) reports, the sales report, and the catalogue
// CSV import. Reports travel as data plus their 80 mm text and CSV renditions, so the renderer only shows and saves
// them.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { DECIMAL_2_PATTERN } from '../../../fiscal/money';
import { reasonSchema } from '../../reason';

const amount = z.string();
/** Signed amounts (a difference, a net of credit notes) can be negative: "-1.25". */
const signedAmount = z.string();

export const shiftSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  /** User ids (or a system actor); the names are beside them. */
  openedBy: z.string(),
  openedByName: z.string(),
  openingCash: amount,
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedByName: z.string().nullable(),
  countedCash: amount.nullable(),
  /** Why the counted cash differed from the expected (given at the close). */
  differenceReason: z.string().nullable(),
  /** The gerente who approved the close (documents not authorised, or a difference beyond the limit). */
  closeApprovedByName: z.string().nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

export const shiftReportSchema = z.object({
  kind: z.enum(['X', 'Z']),
  shift: shiftSchema,
  /** The end of the period: now for an X report, the close for a Z report. */
  until: z.string(),
  /** Sales (every document but credit notes and annulled ones) by payment form; cash net of change given. */
  byPaymentForm: z.array(z.object({ formaPago: z.string(), label: z.string(), count: z.number().int(), amount })),
  /** ITBMS by rate, net of credit notes. */
  itbmsByRate: z.array(z.object({ tasaItbms: z.string(), label: z.string(), base: signedAmount, itbms: signedAmount })),
  counts: z.object({
    total: z.number().int(),
    authorized: z.number().int(),
    /** QUEUED + PROCESSING. */
    pending: z.number().int(),
    /** Emitted in contingency (tipoEmision 02/04) and not yet authorised; also counted in their status. */
    contingency: z.number().int(),
    rejected: z.number().int(),
    failed: z.number().int(),
    annulled: z.number().int(),
  }),
  salesTotal: amount,
  annulledTotal: amount,
  creditNotes: z.object({ count: z.number().int(), total: amount, cashRefunds: amount }),
  cash: z.object({
    opening: amount,
    received: amount,
    change: amount,
    refunds: amount,
    /** Cash put into / taken out of the drawer without a sale (issue 14); absent in Z reports closed before. */
    payIns: amount.optional(),
    payOuts: amount.optional(),
    expected: signedAmount,
    counted: amount.nullable(),
    difference: signedAmount.nullable(),
  }),
  /** Documents of the shift not yet authorised (pending, contingency, rejected, failed): closing needs the manager. */
  unauthorised: z.number().int(),
  /** Sales on hold when the report was made (issue 14): the Z warns about them. Absent in Z reports closed before. */
  parkedSales: z.number().int().optional(),
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

const renderedReport = z.object({ report: shiftReportSchema, text: z.string(), csv: z.string() });
export type RenderedShiftReport = z.infer<typeof renderedReport>;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export const salesReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  byDay: z.array(
    z.object({
      day: z.string(),
      documents: z.number().int(),
      creditNotes: z.number().int(),
      base: signedAmount,
      itbms: signedAmount,
      total: signedAmount,
    }),
  ),
  byProduct: z.array(
    z.object({
      codigo: z.string(),
      descripcion: z.string(),
      cantidad: signedAmount,
      base: signedAmount,
      itbms: signedAmount,
      total: signedAmount,
    }),
  ),
});
export type SalesReport = z.infer<typeof salesReportSchema>;

export const importErrorSchema = z.object({ row: z.number().int(), message: z.string() });
export type ImportError = z.infer<typeof importErrorSchema>;

/**
 * A CSV file for import: its raw bytes in base64 (`file`, as the file picker read them, so the core can tell UTF-8
 * from Windows-1252) or text already decoded (`csv`). Exactly one of them.
 */
export const csvFileRequest = z.union([
  z.object({
    file: z
      .string()
      .max(7_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    csv: z.undefined().optional(),
  }),
  z.object({ csv: z.string().max(5_000_000), file: z.undefined().optional() }),
]);

export const catalogPreviewSchema = z.object({
  rows: z.number().int(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  decimalSeparator: z.enum(['.', ',']),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  items: z.array(
    z.object({
      row: z.number().int(),
      kind: z.enum(['new', 'changed', 'unchanged', 'invalid']),
      codigo: z.string(),
      descripcion: z.string(),
      changes: z.array(
        z.object({
          field: z.enum([
            'barcode',
            'descripcion',
            'unidad',
            'precio',
            'tasaItbms',
            'codigoCPBS',
            'unidadMedidaCPBS',
            'active',
          ]),
          before: z.string(),
          after: z.string(),
        }),
      ),
      message: z.string().optional(),
    }),
  ),
  errors: z.array(importErrorSchema),
  digest: z.string(),
});
export type CatalogPreview = z.infer<typeof catalogPreviewSchema>;

export const reportsContract = {
  'reports:currentShift': { access: 'signedIn', request: z.object({}), response: shiftSchema.nullable() },
  'reports:openShift': {
    access: 'signedIn',
    request: z.object({ openingCash: z.string().regex(DECIMAL_2_PATTERN) }),
    response: shiftSchema,
  },
  /** X report: the running shift, nothing closed. */
  'reports:xReport': { access: 'signedIn', request: z.object({}), response: renderedReport },
  /** Z report: closes the shift with the counted cash; refused (as data) while documents are not authorised, unless the manager approved. */
  'reports:closeShift': {
    access: 'signedIn',
    request: z.object({
      countedCash: z.string().regex(DECIMAL_2_PATTERN),
      /** Why the counted cash differs from the expected; required when it does (asked after the count, as data). */
      reason: reasonSchema.optional(),
      /**
       * A gerente's one-shot approval (auth:approve, action "reports:closeShift") to close with documents not yet
       * authorised, or with a cash difference beyond the store's limit.
       */
      approval: z.string().max(200).optional(),
    }),
    response: z.discriminatedUnion('closed', [
      renderedReport.extend({ closed: z.literal(true) }),
      z.object({
        closed: z.literal(false),
        /** needs_reason: the count differs and no reason was given; needs_manager: a gerente must approve. */
        reason: z.enum(['needs_reason', 'needs_manager']),
        unauthorised: z.number().int(),
        /** Known once the cashier has counted (blind count): what the register expected, and counted minus expected. */
        expected: amount,
        difference: signedAmount,
        message: z.string(),
      }),
    ]),
  },
  /** A closed shift's Z report exactly as it was closed (reprint). */
  'reports:zReport': {
    access: 'signedIn',
    request: z.object({ shiftId: z.string().min(1) }),
    response: renderedReport,
  },
  'reports:sales': {
    access: 'gerente',
    request: z.object({ from: z.string().regex(dayPattern), to: z.string().regex(dayPattern) }),
    response: z.object({ report: salesReportSchema, csvByDay: z.string(), csvByProduct: z.string() }),
  },
  /**
   * What a products CSV would do, nothing written: new / changed (each field before → after) / unchanged / invalid
   * rows, and the digest a confirmation of these changes must carry.
   */
  'catalog:previewCsv': { access: 'gerente', request: csvFileRequest, response: catalogPreviewSchema },
  /**
   * Products from CSV (codigo, barcode, descripcion, unidad, precio, tasaItbms, codigoCPBS, unidadMedidaCPBS); nothing
   * imported on a bad row unless importValidRows, nor when it changes existing products unless confirmChanges is the
   * digest of the preview the manager saw (confirmation says why nothing was imported).
   */
  'catalog:importCsv': {
    access: 'gerente',
    request: csvFileRequest.and(
      z.object({
        importValidRows: z.boolean().optional(),
        confirmChanges: z.string().max(64).optional(),
      }),
    ),
    response: z.object({
      rows: z.number().int(),
      imported: z.number().int(),
      errors: z.array(importErrorSchema),
      preview: catalogPreviewSchema,
      confirmation: z.enum(['unconfirmed', 'stale']).optional(),
    }),
  },
} as const satisfies Record<string, ContractEntry>;
