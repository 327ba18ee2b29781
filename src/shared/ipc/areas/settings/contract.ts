// IPC contract of the manager's back office settings (names in channels.ts): issuer, receipt and contingency settings,
// the manual contingency actions, the audit trail and the customers CSV import. Every settings entry needs a signed-in
// gerente (reads) or a gerente's approval (writes); the receipt settings are also the cashier's receipt's.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { NATURALEZA_OPERACION, codesOf } from '../../../fiscal/codes';
import { MAX_AUTORIZADOS_DESCARGA, autorizadoDescargaSchema } from '../../../fiscal/document-groups';
import { csvFileRequest, importErrorSchema } from '../reports/contract';
import { reasonSchema } from '../../reason';
import { contingencyViewSchema } from '../../schemas';
import { approvalField } from '../../fields';

/** The DGI's bounds for a contingency or annulment reason. */
const motivoSchema = reasonSchema;

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
  dv: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'El DV tiene 1 o 2 dígitos'),
  razonSocial: z
    .string()
    .trim()
    .min(2, 'Escriba la razón social')
    .max(100, 'La razón social admite hasta 100 caracteres'),
  codigoSucursalEmisor: z
    .string()
    .regex(/^[A-Za-z0-9]{4}$/, 'El código de sucursal tiene 4 letras o dígitos (0000 = casa matriz)'),
  tipoSucursal: z.enum(['1', '2']),
  puntoFacturacionFiscal: z.string().regex(/^(?!000)\d{3}$/, 'El punto de facturación va de 001 a 999'),
  naturalezaOperacion: z.enum(codesOf(NATURALEZA_OPERACION)),
  autorizadosDescarga: z
    .array(autorizadoDescargaSchema)
    .max(MAX_AUTORIZADOS_DESCARGA, `Se admiten como máximo ${MAX_AUTORIZADOS_DESCARGA} autorizados a descargar`)
    .default([]),
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
  /** User id (or a system actor) and the name it had then; the approving gerente likewise. */
  actor: z.string(),
  actorName: z.string(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  action: z.string(),
  documentId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
/** Filters of the audit trail (list and CSV): action prefix, a person (as actor or approver), a document, Panamá days. */
const auditFilterSchema = z.object({
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  documentId: z.string().max(64).optional(),
  from: z.string().regex(dayPattern).optional(),
  to: z.string().regex(dayPattern).optional(),
});

/** The hash chain of the audit trail, checked from the first entry (store/audit-chain-check.ts). */
export const auditChainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastId: z.number().int().nullable(),
  firstBreak: z
    .object({ id: z.number().int(), reason: z.enum(['hash_mismatch', 'link_mismatch', 'unsealed']) })
    .nullable(),
  checkedAt: z.string().nullable(),
});

const importResult = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  errors: z.array(importErrorSchema),
});

export const settingsContract = {
  'settings:issuer': { access: 'gerente', request: z.object({}), response: issuerViewSchema },
  /** The RUC's DV is verified; changes are audited with before/after. */
  'settings:saveIssuer': {
    access: 'approval:settings:saveIssuer',
    request: issuerInputSchema.extend({ approval: approvalField }),
    response: issuerViewSchema,
  },
  'settings:receipt': {
    access: 'signedIn',
    request: z.object({}),
    response: receiptSettingsSchema.extend({ printers: z.array(z.string()) }),
  },
  'settings:saveReceipt': {
    access: 'approval:settings:saveReceipt',
    request: receiptSettingsSchema.extend({ approval: approvalField }),
    response: receiptSettingsSchema.extend({ printers: z.array(z.string()) }),
  },
  'settings:contingency': {
    access: 'gerente',
    request: z.object({}),
    response: contingencySettingsSchema.extend({ current: contingencyViewSchema }),
  },
  'settings:saveContingency': {
    access: 'approval:settings:saveContingency',
    request: contingencySettingsSchema.extend({ approval: approvalField }),
    response: contingencySettingsSchema.extend({ current: contingencyViewSchema }),
  },
  /** Manual contingency (a manager's decision, audited): enter with a reason, change the reason, leave. */
  'contingency:enter': {
    access: 'approval:contingency:enter',
    request: z.object({ motivo: motivoSchema, approval: approvalField }),
    response: contingencyViewSchema,
  },
  'contingency:setReason': {
    access: 'approval:contingency:setReason',
    request: z.object({ motivo: motivoSchema, approval: approvalField }),
    response: contingencyViewSchema,
  },
  'contingency:leave': {
    access: 'approval:contingency:leave',
    request: z.object({ approval: approvalField }),
    response: contingencyViewSchema,
  },
  /** The audit trail, newest first (gerente); `action` filters by prefix ("settings." shows settings changes). */
  'audit:list': {
    access: 'gerente',
    request: auditFilterSchema.extend({
      cursor: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
  },
  /** The filtered trail as CSV (Spanish labels, names), for an auditor's spreadsheet. */
  'audit:csv': {
    access: 'gerente',
    request: auditFilterSchema,
    response: z.object({ csv: z.string(), rows: z.number().int() }),
  },
  /** The hash chain's last check (at start and on request); `recheck` walks it again now. */
  'audit:verify': {
    access: 'gerente',
    request: z.object({ recheck: z.boolean().optional() }),
    response: auditChainReportSchema,
  },
  /** Customers from CSV; like catalog:importCsv, nothing imported on a bad row unless importValidRows. */
  'customers:importCsv': {
    access: 'gerente',
    request: csvFileRequest.and(z.object({ importValidRows: z.boolean().optional() })),
    response: importResult,
  },
} as const satisfies Record<string, ContractEntry>;
