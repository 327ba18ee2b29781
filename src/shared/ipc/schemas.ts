// Payload schemas of the IPC contract (renderer ⇄ main, and the web host's loopback bridge). Every request is parsed
// in main before it reaches the core; responses are typed by the same schemas.
import { z } from 'zod';
import { fiscalDocumentSchema } from '../fiscal/document';
import { TASA_ITBMS, codesOf } from '../fiscal/codes';
import { CPBS_CODE_PATTERN, CPBS_UNIT_MAX_LENGTH } from '../fiscal/cpbs';
import { DOCUMENT_STATUSES } from '../fiscal/lifecycle';
import { DECIMAL_6_PATTERN } from '../fiscal/money';
import { receptorSchema } from '../fiscal/receptor';

/** What the checkout sends: the sale without the fields the register decides (issuer, number, date, emission). */
export const saleDraftSchema = fiscalDocumentSchema
  .omit({
    codigoSucursalEmisor: true,
    tipoSucursal: true,
    puntoFacturacionFiscal: true,
    numeroDocumentoFiscal: true,
    fechaEmision: true,
    tipoEmision: true,
    contingencia: true,
  })
  .partial({
    naturalezaOperacion: true,
    tipoOperacion: true,
    destinoOperacion: true,
    formatoCAFE: true,
    entregaCAFE: true,
    envioContenedor: true,
    procesoGeneracion: true,
  });

export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);

export const productSchema = z.object({
  id: z.string(),
  codigo: z.string().min(1).max(20),
  barcode: z.string().max(14).nullable(),
  descripcion: z.string().min(2).max(500),
  unidad: z.string().min(1).max(20),
  precio: z.string().regex(DECIMAL_6_PATTERN),
  tasaItbms: z.enum(codesOf(TASA_ITBMS)),
  /** Full CPBS code for sales to the State (the abbreviated code is derived: fiscal/cpbs.ts); null when unset. */
  codigoCPBS: z.string().regex(CPBS_CODE_PATTERN).nullable().optional(),
  /** Unit of measure in the CPBS (HKA unidadMedidaCPBS), sent with the code; null when unset. */
  unidadMedidaCPBS: z.string().min(1).max(CPBS_UNIT_MAX_LENGTH).nullable().optional(),
  /** A medicine: the checkout asks for its lot (DGI gMedicina) and the core refuses a sale of it without one. */
  requiereLote: z.boolean().optional(),
});
export type Product = z.infer<typeof productSchema>;

export const customerSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  identificacion: z.string().nullable(),
  receptor: receptorSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const documentSummarySchema = z.object({
  id: z.string(),
  tipoDocumento: z.string(),
  numero: z.number().int(),
  puntoFacturacion: z.string(),
  tipoEmision: z.string(),
  fechaEmision: z.string(),
  status: documentStatusSchema,
  totalFactura: z.string(),
  receptorNombre: z.string().nullable(),
  cufe: z.string().nullable(),
  /** A credit note (04): the number of the invoice it credits (from the credit ledger); null for other documents. */
  facturaNumero: z.number().int().nullable().optional(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentDetailSchema = documentSummarySchema.extend({
  /** The document as issued (FiscalDocument) and its totals (DocumentTotals), for the receipt and the detail page. */
  document: z.unknown(),
  totals: z.unknown(),
  qr: z.string().nullable(),
  nroProtocolo: z.string().nullable(),
  fechaRecepcionDgi: z.string().nullable(),
  hkaCodigo: z.string().nullable(),
  hkaMensajes: z.array(z.string()),
  history: z.array(
    z.object({ at: z.string(), actor: z.string(), action: z.string(), details: z.record(z.string(), z.unknown()) }),
  ),
  /** AUTHORIZED documents: the last moment AnulacionDocumento is allowed (7 days); after it, a credit note. */
  annulableUntil: z.string().nullable().optional(),
  /** REJECTED/FAILED documents: what to fix, in Spanish, derived from HKA's code and messages. */
  hint: z.string().nullable().optional(),
  /**
   * Invoices (01): what each line still allows a credit note (04) to take — sold minus already credited, by the core's
   * credit ledger (quantity and amount). The credit-note dialog offers only this.
   */
  creditable: z
    .array(z.object({ line: z.number().int(), remaining: z.string(), remainingAmount: z.string() }))
    .nullable()
    .optional(),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const queueCountsSchema = z.object({
  waiting: z.number().int(),
  inFlight: z.number().int(),
  parked: z.number().int(),
  failed: z.number().int(),
  oldestWaitingSince: z.string().optional(),
});

export const contingencyViewSchema = z.object({
  active: z.boolean(),
  since: z.string().optional(),
  motivo: z.string().optional(),
  needsExtendedReason: z.boolean(),
});

export const appStatusSchema = z.object({
  environment: z.enum(['simulador', 'demo', 'produccion']),
  /** True in Simulador: every screen and receipt says "MODO ENTRENAMIENTO". */
  trainingMode: z.boolean(),
  connectivity: z.enum(['online', 'offline']),
  contingency: contingencyViewSchema,
  queue: queueCountsSchema,
  issuer: z.object({
    razonSocial: z.string(),
    ruc: z.string(),
    dv: z.string(),
    codigoSucursal: z.string(),
    puntoFacturacion: z.string(),
  }),
  /**
   * What everyone at the till should see: the PC clock off from HKA's (or the central server's) by more than 2
   * minutes — documents dated in HKA's future are refused — and the folios left when under the alarm threshold.
   */
  warnings: z.object({ clockOffsetMs: z.number().nullable(), foliosLeft: z.number().nullable() }).optional(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

/** UI preferences of this register (electron-store in the desktop app; memory in the web host). */
export const uiPreferencesSchema = z.object({
  language: z.enum(['es-PA', 'en']),
  /** Receipt printer (80 mm) by its OS name; null prints to the default printer. */
  printerName: z.string().min(1).max(200).nullable(),
});
export type UiPreferences = z.infer<typeof uiPreferencesSchema>;

/**
 * How a receipt print request was served: 'printer' when main printed the page silently (desktop app);
 * 'browser' when the caller must print itself with window.print() (web host).
 */
export const printResultSchema = z.object({ via: z.enum(['printer', 'browser']) });

export const violationSchema = z.object({ path: z.string(), message: z.string(), rule: z.string() });

/**
 * Errors cross the boundary as data: a stable code, a Spanish message, and field violations where they apply.
 * approval_required: a gerente's one-shot approval for `approvalAction` (auth:approve) would let the call through;
 * the screen asks for the PIN and calls again with it.
 */
export const ipcErrorSchema = z.object({
  code: z.enum(['invalid_request', 'validation_failed', 'not_found', 'not_allowed', 'approval_required', 'internal']),
  message: z.string(),
  violations: z.array(violationSchema).optional(),
  approvalAction: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type SaleDraft = z.input<typeof saleDraftSchema>;
