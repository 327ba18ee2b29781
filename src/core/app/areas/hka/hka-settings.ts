// The manager's HKA settings over IPC: environment and write-only tokens (shown as "configured" + last 4),
// "Probar conexión" (FoliosRestantes with the saved values), and the gate it opens for Demo/Producción.
// The running queue keeps the connection it started with; a changed environment or endpoint applies at restart.
// Each environment has its own data set (data-set-switch.ts): these handlers act on the configured one, so the
// tokens typed for Demo are stored, and verified, in Demo's data set, never in the training one.
import type { HkaClient } from '../../../hka/client/hka-client';
import type { HkaEnvironment } from '../../../hka/contract';
import type { ContractKeeper } from '../../../hka/live-contract/contract-keeper';
import type { LiveContractInfo } from '../../../hka/live-contract/live-contract';
import {
  hkaEndpoint,
  markConnectionVerified,
  readHkaSettings,
  saveHkaConnection,
  testHkaConnection,
  viewHkaConnection,
} from '../../../hka/hka-connection';
import {
  DraftIncomplete,
  draftEndpoint,
  draftIsSaved,
  withDraftCredentials,
  type ConnectionDraft,
  type DraftVerifications,
} from '../../../hka/draft-connection';
import type { FoliosData, HkaOutcome } from '../../../hka/client/outcomes';
import { queueCounts } from '../../../queue/outbox-repo';
import { appendAudit, type AuditActor } from '../../../store/audit';
import type { StoreDb } from '../../../store/open-database';
import { AppError } from '../../app-error';
import type { DataSetAccess, DataSetSwitch } from '../../data-set-switch';

export interface HkaSettingsContext {
  /** The running data set (its queue is what a switch would leave waiting). */
  db: StoreDb;
  dataSets: DataSetSwitch;
  clock: () => Date;
  /** What the running queue talks to (fixed until restart). */
  running: { environment: HkaEnvironment; endpoint: string };
  /** A client for the settings as saved now (the simulator's endpoint when Simulador). */
  clientFor: (environment: HkaEnvironment, endpoint: string | undefined) => Promise<HkaClient>;
  /** HKA's live WSDL for Demo/Producción: what is in use, and reading it again. */
  contract: Pick<ContractKeeper, 'view' | 'refresh'>;
  /** Typed values that passed "Probar conexión", so that saving exactly them verifies the connection. */
  drafts: DraftVerifications;
}

/** The contract in use for a connection, as the settings view shows it (the log has the reasons in English). */
function contractView(info: LiveContractInfo | null) {
  return info === null
    ? null
    : {
        source: info.source,
        fetchedAt: info.fetchedAt,
        fallbackReason: info.fallbackReason,
        differences: info.differences,
      };
}

export function hkaSettingsView(ctx: HkaSettingsContext): Promise<ReturnType<typeof viewOf>> {
  return ctx.dataSets.withConfigured((dataSet) => viewOf(ctx, dataSet));
}

function viewOf(ctx: HkaSettingsContext, dataSet: DataSetAccess) {
  const view = viewHkaConnection({ db: dataSet.db, vault: dataSet.vault, clock: ctx.clock });
  const saved = readHkaSettings(dataSet.db);
  const savedEndpoint =
    saved.environment === ctx.running.environment && saved.environment === 'simulador'
      ? ctx.running.endpoint
      : hkaEndpoint(saved);
  return {
    environment: view.environment,
    endpoint: view.endpoint ?? null,
    tokenEmpresa: view.tokenEmpresa,
    tokenPassword: view.tokenPassword,
    verifiedAt: view.verifiedAt ?? null,
    invoicingAllowed: view.invoicingAllowed,
    restartNeeded:
      saved.environment !== ctx.running.environment ||
      (savedEndpoint !== undefined && savedEndpoint !== ctx.running.endpoint),
    contract: contractView(ctx.contract.view(saved.environment, savedEndpoint)),
  };
}

export interface SaveHkaRequest {
  environment: HkaEnvironment;
  endpoint?: string | undefined;
  tokenEmpresa?: string | undefined;
  tokenPassword?: string | undefined;
  approval?: string | undefined;
  confirmQueued?: boolean | undefined;
}

/** `by`: the manager's action as audited (the dispatcher checked the channel's approval rule). */
export async function saveHkaSettings(ctx: HkaSettingsContext, req: SaveHkaRequest, by: AuditActor) {
  const waiting = queueCounts(ctx.db).waiting;
  if (waiting > 0 && req.confirmQueued !== true) {
    throw new AppError(
      'not_allowed',
      `Hay ${waiting} documento(s) pendientes de envío a HKA; confirme el cambio para continuar`,
    );
  }
  const draft: ConnectionDraft = {
    environment: req.environment,
    ...(req.endpoint ? { endpoint: req.endpoint } : {}),
    ...(req.tokenEmpresa ? { tokenEmpresa: req.tokenEmpresa } : {}),
    ...(req.tokenPassword ? { tokenPassword: req.tokenPassword } : {}),
  };
  // A different environment is a different data set: the waiting documents stay in theirs and are sent when the
  // register runs on that environment again.
  ctx.dataSets.switchTo(req.environment, by);
  await ctx.dataSets.withConfigured(async (dataSet) => {
    const deps = { db: dataSet.db, vault: dataSet.vault, clock: ctx.clock };
    // The values this save stores (typed, or saved where untouched) are the values a typed test verified, or not.
    const digest = await withDraftCredentials(deps, draft, (c) => Promise.resolve(ctx.drafts.digest(draft, c))).catch(
      () => undefined,
    );
    saveHkaConnection(deps, draft, by);
    if (digest !== undefined && ctx.drafts.take(digest)) markConnectionVerified(deps, by);
  });
  // saveHkaConnection audits the change itself (environment/endpoint before and after, tokens only as "changed");
  // this entry records that the manager confirmed it while documents were still waiting for the old connection.
  if (waiting > 0) {
    ctx.db.transaction((tx) =>
      appendAudit(tx, { ...by, action: 'settings.hka_confirmed_with_queue', details: { waiting } }, ctx.clock()),
    );
  }
  return hkaSettingsView(ctx);
}

/**
 * "Probar conexión": on the saved connection (no draft, or a draft equal to it), which it marks verified; or on the
 * values typed in the form, which verifies nothing until exactly those values are saved (answered as `tested`).
 */
export function testHkaSettings(ctx: HkaSettingsContext, draft: ConnectionDraft | undefined, by: AuditActor) {
  return ctx.dataSets.withConfigured(async (dataSet) => {
    if (draft === undefined || draftIsSaved(dataSet, draft))
      return { ...(await testOn(ctx, dataSet, by)), tested: 'saved' as const };
    return { ...(await testDraft(ctx, dataSet, draft, by)), tested: 'typed' as const };
  });
}

async function testDraft(ctx: HkaSettingsContext, dataSet: DataSetAccess, draft: ConnectionDraft, by: AuditActor) {
  const typedEndpoint = draftEndpoint(draft);
  const endpoint = typedEndpoint ?? (ctx.running.environment === 'simulador' ? ctx.running.endpoint : undefined);
  if (endpoint === undefined)
    throw new AppError('not_allowed', 'El simulador se prueba con la caja en modo entrenamiento; guarde y reinicie');
  const contract = await ctx.contract.refresh(draft.environment, endpoint);
  const client = await ctx.clientFor(draft.environment, endpoint);
  const deps = { db: dataSet.db, vault: dataSet.vault, clock: ctx.clock };
  let digest = '';
  let outcome: HkaOutcome<FoliosData>;
  try {
    outcome = await withDraftCredentials(deps, draft, (c) => {
      digest = ctx.drafts.digest(draft, c);
      return client.testConnection(c);
    });
  } catch (error) {
    if (error instanceof DraftIncomplete) throw new AppError('invalid_request', error.message);
    throw error;
  }
  dataSet.db.transaction((tx) =>
    appendAudit(
      tx,
      {
        ...by,
        action: 'hka.connection_tested',
        details: {
          ok: outcome.kind === 'ok',
          environment: draft.environment,
          values: 'typed',
          kind: outcome.kind,
          codigo: 'codigo' in outcome ? outcome.codigo : null,
        },
      },
      ctx.clock(),
    ),
  );
  if (outcome.kind === 'ok') ctx.drafts.remember(digest);
  return answerOf(outcome, contract);
}

async function testOn(ctx: HkaSettingsContext, dataSet: DataSetAccess, by: AuditActor) {
  const saved = readHkaSettings(dataSet.db);
  const endpoint = saved.environment === 'simulador' && !saved.endpoint ? ctx.running.endpoint : hkaEndpoint(saved);
  // Demo/Producción: read HKA's own WSDL first, so the test (and, for the running connection, every call after it)
  // speaks the contract HKA publishes. A WSDL that cannot be read leaves the kept or bundled one in use.
  const contract = await ctx.contract.refresh(saved.environment, endpoint);
  const client = await ctx.clientFor(saved.environment, endpoint);
  const outcome = await testHkaConnection({ db: dataSet.db, vault: dataSet.vault, clock: ctx.clock }, client, by);
  return answerOf(outcome, contract);
}

/** HKA's answer for the manager: the folios, or why not in Spanish. */
function answerOf(outcome: HkaOutcome<FoliosData>, contract: LiveContractInfo | null) {
  if (outcome.kind === 'rejected')
    throw new AppError('not_allowed', `HKA rechazó las credenciales: ${outcome.mensaje}`);
  if (outcome.kind === 'transient')
    throw new AppError('not_allowed', 'No se pudo contactar a HKA; revise la conexión e intente de nuevo');
  const d = outcome.data;
  return {
    licencia: d.licencia ?? null,
    fechaLicencia: d.fechaLicencia ?? null,
    ciclo: d.ciclo ?? null,
    foliosTotalesCiclo: d.foliosTotalesCiclo ?? null,
    foliosUtilizadosCiclo: d.foliosUtilizadosCiclo ?? null,
    foliosDisponibleCiclo: d.foliosDisponibleCiclo,
    contract: contractView(contract),
  };
}
