// The one IPC contract: every operation the renderer may call (name `domain:verb`, request and response schemas)
// and every event main pushes. Main binds each entry to a core handler (a missing handler fails the typecheck);
// the preload exposes one named method per entry (window.sago.<domain>.<verb>); the web host serves the same map.
import { z } from 'zod';
import { reasonSchema } from './reason';
import type { ContractEntry } from './access';
import {
  appStatusSchema,
  contingencyViewSchema,
  customerSchema,
  documentDetailSchema,
  documentStatusSchema,
  documentSummarySchema,
  printResultSchema,
  productSchema,
  queueCountsSchema,
  saleDraftSchema,
  uiPreferencesSchema,
} from './schemas';
import { syncStatusSchema } from '../sync/status';
import { DECIMAL_6_PATTERN } from '../fiscal/money';
import { authContract } from './areas/auth/contract';
import { reportsContract } from './areas/reports/contract';
import { managerContract } from './areas/settings/contract';
import { lossPreventionContract } from './areas/loss-prevention/contract';
import { backupsContract } from './areas/backups/contract';
import { seriesContract } from './areas/series/contract';
import { tillContract } from './areas/till/contract';
import { printerContract } from './areas/printer/contract';

const empty = z.object({});
const lastSaleSchema = z.object({
  id: z.string(),
  tipoDocumento: z.string(),
  numero: z.number().int(),
  totalFactura: z.string(),
  /** Panamá local time with its offset, as issued. */
  fechaEmision: z.string(),
  status: documentStatusSchema,
});
const secretDescription = z.object({ configured: z.boolean(), lastFour: z.string().max(4).optional() });
/** Which WSDL the HKA client follows for Demo/Producción, and how HKA's live one differs from ours (null: Simulador). */
const hkaContractViewSchema = z
  .object({
    source: z.enum(['live', 'bundled']),
    fetchedAt: z.string().nullable(),
    /** Why the bundled WSDL is in use (English, technical). */
    fallbackReason: z.string().nullable(),
    differences: z.array(
      z.object({
        area: z.enum(['operation', 'parameters', 'namespace', 'order']),
        subject: z.string(),
        bundled: z.string().nullable(),
        live: z.string().nullable(),
      }),
    ),
  })
  .nullable();

const hkaSettingsViewSchema = z.object({
  environment: z.enum(['simulador', 'demo', 'produccion']),
  endpoint: z.string().nullable(),
  tokenEmpresa: secretDescription,
  tokenPassword: secretDescription,
  verifiedAt: z.string().nullable(),
  invoicingAllowed: z.boolean(),
  /** Saved settings differ from what the running queue uses: they apply when the app restarts. */
  restartNeeded: z.boolean(),
  contract: hkaContractViewSchema,
});
/** A one-shot manager approval (auth:approve) for manager-only actions, when no gerente is signed in. */
const approvalField = z.string().max(200).optional();
const ok = z.object({ done: z.literal(true) });

export const ipcContract = {
  'app:status': { access: 'open', request: empty, response: appStatusSchema },
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
  'sales:complete': {
    access: 'signedIn',
    request: z.object({ draft: saleDraftSchema }),
    response: documentDetailSchema,
  },
  /**
   * The last sale this register saved (its branch and billing point), whatever its status: the checkout shows it on
   * start, so a cashier whose app died right after "Cobrar" sees the sale was saved and does not ring it again.
   */
  'sales:last': { access: 'signedIn', request: empty, response: z.object({ last: lastSaleSchema.nullable() }) },
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
    response: ok,
  },
  /** Annul an authorised document within 7 days (HKA AnulacionDocumento); later, a credit note is the way. */
  'documents:annul': {
    access: 'approval:documents:annul',
    request: z.object({ id: z.string(), motivo: z.string().max(250), approval: approvalField }),
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
  'queue:sendNow': { access: 'signedIn', request: empty, response: ok },
  /** Central sync: state for the monitoring panel, push now, and enrolment (server URL + one-time code). */
  'sync:status': { access: 'signedIn', request: empty, response: syncStatusSchema },
  'sync:pushNow': { access: 'signedIn', request: empty, response: syncStatusSchema },
  'sync:enrol': {
    access: 'approval:sync:enrol',
    request: z.object({
      serverUrl: z.string().min(1).max(300),
      code: z.string().min(1).max(300),
      registerName: z.string().min(1).max(60).optional(),
      approval: approvalField,
    }),
    response: z.object({
      deviceId: z.string(),
      storeCode: z.string(),
      storeName: z.string(),
      registerName: z.string(),
    }),
  },
  /** HKA connection (manager): tokens are write-only; the view shows "configured" and the last 4 characters. */
  'settings:hka': { access: 'gerente', request: empty, response: hkaSettingsViewSchema },
  'settings:saveHka': {
    access: 'approval:settings:saveHka',
    request: z.object({
      environment: z.enum(['simulador', 'demo', 'produccion']),
      endpoint: z.url().max(300).optional(),
      tokenEmpresa: z.string().min(1).max(200).optional(),
      tokenPassword: z.string().min(1).max(200).optional(),
      approval: approvalField,
      /** Documents are still waiting for HKA: the manager confirms the change anyway. */
      confirmQueued: z.boolean().optional(),
    }),
    response: hkaSettingsViewSchema,
  },
  /**
   * "Probar conexión" on what the form holds: without `draft` (or a draft equal to the saved values) the saved
   * connection, which a success marks verified; with typed values, those (a token left empty: the saved one), which
   * verify the connection only once exactly they are saved. `tested` says which.
   */
  'settings:testHka': {
    access: 'approval:settings:testHka',
    request: z.object({
      approval: approvalField,
      draft: z
        .object({
          environment: z.enum(['simulador', 'demo', 'produccion']),
          endpoint: z.url().max(300).optional(),
          tokenEmpresa: z.string().min(1).max(200).optional(),
          tokenPassword: z.string().min(1).max(200).optional(),
        })
        .optional(),
    }),
    response: z.object({
      tested: z.enum(['saved', 'typed']),
      licencia: z.string().nullable(),
      fechaLicencia: z.string().nullable(),
      ciclo: z.number().nullable(),
      foliosTotalesCiclo: z.number().nullable(),
      foliosUtilizadosCiclo: z.number().nullable(),
      foliosDisponibleCiclo: z.number(),
      contract: hkaContractViewSchema,
    }),
  },
  ...authContract,
  ...reportsContract,
  ...managerContract,
  ...lossPreventionContract,
  ...backupsContract,
  ...seriesContract,
  ...tillContract,
  ...printerContract,
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
  'preferences:get': { access: 'open', request: empty, response: uiPreferencesSchema },
  /** The language only: anyone's, even on the sign-in screen. The receipt printer is a gerente's (settings:saveReceipt). */
  'preferences:set': {
    access: 'open',
    request: uiPreferencesSchema.pick({ language: true }).strict(),
    response: uiPreferencesSchema,
  },
} as const satisfies Record<string, ContractEntry>;

export const ipcEvents = {
  'document:status': z.object({ documentId: z.string(), from: documentStatusSchema, to: documentStatusSchema }),
  'queue:counts': queueCountsSchema,
  'connectivity:changed': z.object({ state: z.enum(['online', 'offline']) }),
  'contingency:changed': contingencyViewSchema,
  'sync:changed': syncStatusSchema,
} as const;

export type Channel = keyof typeof ipcContract;
/** The access rule a channel declares (access.ts). */
export type AccessOf<C extends Channel> = (typeof ipcContract)[C]['access'];
export type EventName = keyof typeof ipcEvents;
export type Request<C extends Channel> = z.input<(typeof ipcContract)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof ipcContract)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof ipcContract)[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof ipcEvents)[E]>;
