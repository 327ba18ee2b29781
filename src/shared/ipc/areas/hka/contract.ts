// IPC contract of the HKA connection settings (names in channels.ts): the view (tokens write-only), save, and test.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { approvalField, emptyRequest } from '../../fields';

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

export const hkaContract = {
  /** HKA connection (manager): tokens are write-only; the view shows "configured" and the last 4 characters. */
  'settings:hka': { access: 'gerente', request: emptyRequest, response: hkaSettingsViewSchema },
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
} as const satisfies Record<string, ContractEntry>;
