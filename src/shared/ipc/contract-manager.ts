// IPC contract entries of the manager's back office, merged into ipcContract (contract.ts). Names are listed in
// channels-manager.ts. Settings (issuer, receipt and printer, contingency), the audit trail, the document page's
// files and e-mail, discarding a document that never reached the DGI, the generic credit note (06) and the
// monitoring panel. Every settings entry needs a signed-in gerente (reads) or a gerente's approval (writes).
import { z } from 'zod';
import { NATURALEZA_OPERACION, codesOf } from '../fiscal/codes';
import { MAX_AUTORIZADOS_DESCARGA, autorizadoDescargaSchema } from '../fiscal/document-groups';
import { importErrorSchema } from './contract-reports';
import { contingencyViewSchema, documentDetailSchema, queueCountsSchema, saleDraftSchema } from './schemas';

const approvalField = z.string().max(200).optional();
const ok = z.object({ done: z.literal(true) });
/** The DGI's bounds for a contingency or annulment reason. */
const motivoSchema = z.string().trim().min(15, 'El motivo debe tener al menos 15 caracteres').max(250, 'El motivo admite hasta 250 caracteres');

export const issuerViewSchema = z.object({
  ruc: z.string(),
  dv: z.string(),
  razonSocial: z.string(),
  codigoSucursalEmisor: z.string(),
  tipoSucursal: z.enum(['1', '2']),
  puntoFacturacionFiscal: z.string(),
  naturalezaOperacion: z.enum(codesOf(NATURALEZA_OPERACION)),
  /** Third parties (e.g. the shop's accountant) allowed to download every document from the DGI (gAutXML). */
  autorizadosDescarga: z.array(autorizadoDescargaSchema),
});
export type IssuerView = z.infer<typeof issuerViewSchema>;

export const issuerInputSchema = z.object({
  ruc: z.string().trim().min(1, 'Escriba el RUC del emisor').max(20),
  dv: z.string().trim().regex(/^\d{1,2}$/, 'El DV tiene 1 o 2 dígitos'),
  razonSocial: z.string().trim().min(2, 'Escriba la razón social').max(100, 'La razón social admite hasta 100 caracteres'),
  codigoSucursalEmisor: z.string().regex(/^[A-Za-z0-9]{4}$/, 'El código de sucursal tiene 4 letras o dígitos (0000 = casa matriz)'),
  tipoSucursal: z.enum(['1', '2']),
  puntoFacturacionFiscal: z.string().regex(/^(?!000)\d{3}$/, 'El punto de facturación va de 001 a 999'),
  naturalezaOperacion: z.enum(codesOf(NATURALEZA_OPERACION)),
  autorizadosDescarga: z.array(autorizadoDescargaSchema)
    .max(MAX_AUTORIZADOS_DESCARGA, `Se admiten como máximo ${MAX_AUTORIZADOS_DESCARGA} autorizados a descargar`).default([]),
});

const receiptLine = z.string().max(42, 'Cada línea admite hasta 42 caracteres');
export const receiptSettingsSchema = z.object({
  /** OS printer name; null prints to the default printer. */
  printerName: z.string().min(1).max(200).nullable(),
  paper: z.enum(['80', '58']),
  headerLines: z.array(receiptLine).max(6),
  footerLines: z.array(receiptLine).max(6),
  copies: z.number().int().min(1).max(3),
});
export type ReceiptSettings = z.infer<typeof receiptSettingsSchema>;

export const contingencySettingsSchema = z.object({
  afterUnreachableMinutes: z.number().int().min(1).max(60),
  afterConsecutiveFailures: z.number().int().min(1).max(50),
  defaultReason: motivoSchema,
  /** The monitoring panel raises an alarm when HKA reports fewer folios left than this. */
  foliosAlarmThreshold: z.number().int().min(0).max(1_000_000),
});
export type ContingencySettings = z.infer<typeof contingencySettingsSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  documentId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

const storedFileSchema = z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int() }).nullable();
export const documentFilesSchema = z.object({ pdf: storedFileSchema, xml: storedFileSchema });

export const emailDeliverySchema = z.object({ correo: z.string(), creadoEn: z.string(), estado: z.string(), messageId: z.string() });

const nullableMs = z.number().nullable();
export const monitorOverviewSchema = z.object({
  generatedAt: z.string(),
  queue: queueCountsSchema,
  /** HKA calls over the last hour. */
  hka: z.object({
    calls: z.number().int(),
    p50Ms: nullableMs,
    p95Ms: nullableMs,
    p99Ms: nullableMs,
    /** Share of calls that failed (0..1), and the failures by kind ('response_timeout', 'rejected', …). */
    errorRate: z.number(),
    errorsByKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  }),
  contingency: contingencyViewSchema.extend({ durationMs: nullableMs }),
  folios: z.object({ available: z.number().nullable(), checkedAt: z.string().nullable(), threshold: z.number().int(), alarm: z.boolean() }),
  /** PC clock minus the other side's clock, from the Date header of its last reply; warn beyond 2 minutes. */
  clock: z.object({
    hkaOffsetMs: nullableMs,
    hkaCheckedAt: z.string().nullable(),
    serverOffsetMs: nullableMs,
    serverCheckedAt: z.string().nullable(),
    warn: z.boolean(),
  }),
  series: z.object({
    /** One point per bucket over the requested hours (buckets without calls have null latencies). */
    latency: z.array(z.object({ at: z.string(), p50Ms: nullableMs, p95Ms: nullableMs, calls: z.number().int() })),
    queueDepth: z.array(z.object({ at: z.string(), waiting: z.number().int() })),
    /** Today (Panamá time), hours 0–23. */
    salesByHour: z.array(z.object({ hour: z.number().int().min(0).max(23), documents: z.number().int(), total: z.string() })),
  }),
});
export type MonitorOverview = z.infer<typeof monitorOverviewSchema>;

const importResult = z.object({ rows: z.number().int(), imported: z.number().int(), errors: z.array(importErrorSchema) });

export const managerContract = {
  'settings:issuer': { request: z.object({}), response: issuerViewSchema },
  /** The RUC's DV is verified; changes are audited with before/after. */
  'settings:saveIssuer': { request: issuerInputSchema.extend({ approval: approvalField }), response: issuerViewSchema },
  'settings:receipt': { request: z.object({}), response: receiptSettingsSchema.extend({ printers: z.array(z.string()) }) },
  'settings:saveReceipt': {
    request: receiptSettingsSchema.extend({ approval: approvalField }),
    response: receiptSettingsSchema.extend({ printers: z.array(z.string()) }),
  },
  'settings:contingency': { request: z.object({}), response: contingencySettingsSchema.extend({ current: contingencyViewSchema }) },
  'settings:saveContingency': {
    request: contingencySettingsSchema.extend({ approval: approvalField }),
    response: contingencySettingsSchema.extend({ current: contingencyViewSchema }),
  },
  /** Manual contingency (a manager's decision, audited): enter with a reason, change the reason, leave. */
  'contingency:enter': { request: z.object({ motivo: motivoSchema, approval: approvalField }), response: contingencyViewSchema },
  'contingency:setReason': { request: z.object({ motivo: motivoSchema, approval: approvalField }), response: contingencyViewSchema },
  'contingency:leave': { request: z.object({ approval: approvalField }), response: contingencyViewSchema },
  /** The audit trail, newest first (gerente); `action` filters by prefix ("settings." shows settings changes). */
  'audit:list': {
    request: z.object({ action: z.string().max(60).optional(), cursor: z.string().max(40).optional(), limit: z.number().int().min(1).max(200).default(50) }),
    response: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
  },
  /** Customers from CSV; like catalog:importCsv, nothing imported on a bad row unless importValidRows. */
  'customers:importCsv': {
    request: z.object({ csv: z.string().max(5_000_000), importValidRows: z.boolean().optional() }),
    response: importResult,
  },
  /** The CAFE PDF and the authorised XML kept next to the database (no HKA call). */
  'documents:files': { request: z.object({ id: z.string() }), response: documentFilesSchema },
  /** Fetches what is missing from HKA (DescargaPDF, DescargaXML) and keeps it locally. */
  'documents:downloadFiles': { request: z.object({ id: z.string() }), response: documentFilesSchema },
  /**
   * Opens a kept file: the desktop app hands it to the OS ('app'); the web host returns its bytes for the browser
   * to show or save ('browser').
   */
  'documents:openFile': {
    request: z.object({ id: z.string(), kind: z.enum(['pdf', 'xml']) }),
    response: z.discriminatedUnion('via', [
      z.object({ via: z.literal('app') }),
      z.object({ via: z.literal('browser'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    ]),
  },
  /** Sends the CAFE by e-mail through HKA (EnvioCorreo). */
  'documents:sendEmail': { request: z.object({ id: z.string(), correo: z.email('Correo electrónico no válido').max(100) }), response: ok },
  /** HKA's delivery trace of the document's e-mails (RastreoCorreo). */
  'documents:emailTrace': { request: z.object({ id: z.string() }), response: z.object({ entregas: z.array(emailDeliverySchema) }) },
  /**
   * Discards a REJECTED (or FAILED, once HKA confirms it never got it) document: it will not be sent again and the
   * sale must be captured anew. Manager only; audited with the reason.
   */
  'documents:cancel': { request: z.object({ id: z.string(), motivo: motivoSchema, approval: approvalField }), response: documentDetailSchema },
  /** Generic credit note (tipo 06): no CUFE to reference; lines and customer as in a sale. Manager only. */
  'documents:genericCreditNote': {
    request: z.object({
      draft: saleDraftSchema.omit({ tipoDocumento: true }),
      motivo: motivoSchema,
      approval: approvalField,
    }),
    response: documentDetailSchema,
  },
  /**
   * Restarts the app so saved HKA environment/endpoint changes take effect (settings:hka says restartNeeded): the
   * desktop app drains its HKA calls and relaunches ('relaunch'); the web host cannot, and says so ('manual').
   */
  'app:restart': { request: z.object({ approval: approvalField }), response: z.object({ via: z.enum(['relaunch', 'manual']) }) },
  'monitor:overview': { request: z.object({ hours: z.number().int().min(1).max(48).default(6) }), response: monitorOverviewSchema },
  /** Asks HKA for the folios left now (FoliosRestantes with the saved credentials) and keeps the answer. */
  'monitor:checkFolios': { request: z.object({}), response: monitorOverviewSchema.shape.folios },
} as const;

