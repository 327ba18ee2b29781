// The register's HKA connection: environment, credentials (in the vault) and whether they were verified.
// Invoicing against Demo/Producción is refused until FoliosRestantes has succeeded with the credentials as they
// are stored now; the Simulador environment works out of the box with the simulator's demo account.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HKA_ENDPOINTS, type HkaEnvironment } from './contract';
import type { HkaClient, HkaCredentials } from './client/hka-client';
import type { FoliosData, HkaOutcome } from './client/outcomes';
import { DEMO_ACCOUNT } from './simulator/accounts';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import type { SecretDescription, Vault } from '../vault/vault';

const hkaSettingsSchema = z.object({
  environment: z.enum(['simulador', 'demo', 'produccion']),
  endpoint: z.url().optional(),
  verified: z.object({ at: z.string(), fingerprint: z.string() }).optional(),
});
type HkaSettings = z.infer<typeof hkaSettingsSchema>;
const KEY = 'hka';
const DEFAULTS: HkaSettings = { environment: 'simulador' };

/** What any read API may show about the HKA connection: never a token, at most its last 4 characters. */
export interface HkaConnectionView {
  environment: HkaEnvironment;
  endpoint: string | undefined;
  tokenEmpresa: SecretDescription;
  tokenPassword: SecretDescription;
  verifiedAt: string | undefined;
  invoicingAllowed: boolean;
}

export interface HkaConnectionDeps {
  db: StoreDb;
  vault: Vault;
  clock: () => Date;
}

export function readHkaSettings(db: StoreDb): HkaSettings {
  return readJsonSetting(db, KEY, hkaSettingsSchema, DEFAULTS);
}

/** Changes when the environment, the endpoint or either stored token changes (computed from ciphertext only). */
function fingerprint(deps: HkaConnectionDeps, settings: HkaSettings): string {
  const sealed = deps.vault.sealedFingerprintMaterial(['hka.tokenEmpresa', 'hka.tokenPassword']);
  return createHash('sha256')
    .update(JSON.stringify([settings.environment, settings.endpoint ?? '', sealed]))
    .digest('hex');
}

export function invoicingGate(deps: HkaConnectionDeps): { ok: true } | { ok: false; message: string } {
  const settings = readHkaSettings(deps.db);
  if (settings.environment === 'simulador') return { ok: true };
  if (settings.verified && settings.verified.fingerprint === fingerprint(deps, settings)) return { ok: true };
  return {
    ok: false,
    message: 'Pruebe la conexión con HKA (Configuración › HKA › Probar conexión) antes de facturar en este ambiente',
  };
}

export function viewHkaConnection(deps: HkaConnectionDeps): HkaConnectionView {
  const settings = readHkaSettings(deps.db);
  return {
    environment: settings.environment,
    endpoint: settings.endpoint,
    tokenEmpresa: deps.vault.describe('hka.tokenEmpresa'),
    tokenPassword: deps.vault.describe('hka.tokenPassword'),
    verifiedAt: settings.verified?.at,
    invoicingAllowed: invoicingGate(deps).ok,
  };
}

export interface HkaConnectionChange {
  environment: HkaEnvironment;
  endpoint?: string;
  tokenEmpresa?: string;
  tokenPassword?: string;
}

/** Saves environment and (write-only) tokens; any change voids the previous verification. Audited without values. */
export function saveHkaConnection(deps: HkaConnectionDeps, change: HkaConnectionChange, by: AuditActor): void {
  const before = readHkaSettings(deps.db);
  if (change.tokenEmpresa !== undefined) deps.vault.setSecret('hka.tokenEmpresa', change.tokenEmpresa);
  if (change.tokenPassword !== undefined) deps.vault.setSecret('hka.tokenPassword', change.tokenPassword);
  const after: HkaSettings = {
    environment: change.environment,
    ...(change.endpoint ? { endpoint: change.endpoint } : {}),
  };
  deps.db.transaction((tx) => {
    writeJsonSetting(tx, KEY, hkaSettingsSchema, after);
    appendAudit(
      tx,
      {
        ...by,
        action: 'settings.hka_changed',
        details: {
          before: { environment: before.environment, endpoint: before.endpoint ?? null },
          after: { environment: after.environment, endpoint: after.endpoint ?? null },
          tokenEmpresa: change.tokenEmpresa !== undefined ? 'changed' : 'unchanged',
          tokenPassword: change.tokenPassword !== undefined ? 'changed' : 'unchanged',
        },
      },
      deps.clock(),
    );
  });
}

/**
 * Makes a data set's HKA settings name the environment the data set belongs to (a new data set starts with the
 * defaults; environment.json edited by hand could name another). Endpoint and verification were for the other
 * environment, so they go; the tokens stay sealed in the vault and must be verified again. Audited.
 */
export function pinHkaEnvironment(db: StoreDb, environment: HkaEnvironment, at: Date): void {
  const saved = readHkaSettings(db);
  if (saved.environment === environment) return;
  db.transaction((tx) => {
    writeJsonSetting(tx, KEY, hkaSettingsSchema, { environment });
    appendAudit(
      tx,
      {
        actor: 'sistema:caja',
        action: 'settings.hka_environment_pinned',
        details: { before: saved.environment, after: environment },
      },
      at,
    );
  });
}

/**
 * Marks the connection as saved now verified: a "Probar conexión" of typed values passed, and exactly those values
 * were then saved (draft-connection.ts). Audited; the fingerprint ties the mark to what is stored.
 */
export function markConnectionVerified(deps: HkaConnectionDeps, by: AuditActor): void {
  const settings = readHkaSettings(deps.db);
  const at = deps.clock();
  deps.db.transaction((tx) => {
    writeJsonSetting(tx, KEY, hkaSettingsSchema, {
      ...settings,
      verified: { at: at.toISOString(), fingerprint: fingerprint(deps, settings) },
    });
    appendAudit(
      tx,
      {
        ...by,
        action: 'hka.connection_verified',
        details: { environment: settings.environment, how: 'typed_values_tested_then_saved' },
      },
      at,
    );
  });
}

/** The endpoint the client should use, or undefined for the simulator (whose address the app decides). */
export function hkaEndpoint(settings: HkaSettings): string | undefined {
  return settings.endpoint ?? (settings.environment === 'simulador' ? undefined : HKA_ENDPOINTS[settings.environment]);
}

/** Opens the stored tokens for one call; the simulator's demo account when in Simulador without tokens. */
export async function withHkaCredentials<T>(
  deps: HkaConnectionDeps,
  use: (c: HkaCredentials) => Promise<T>,
): Promise<T> {
  const settings = readHkaSettings(deps.db);
  const configured =
    deps.vault.describe('hka.tokenEmpresa').configured && deps.vault.describe('hka.tokenPassword').configured;
  if (!configured && settings.environment === 'simulador') {
    return use({ tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword });
  }
  return deps.vault.withSecrets(['hka.tokenEmpresa', 'hka.tokenPassword'], (s) =>
    use({ tokenEmpresa: s['hka.tokenEmpresa'], tokenPassword: s['hka.tokenPassword'] }),
  );
}

/** "Probar conexión": FoliosRestantes with the stored credentials; on success invoicing is allowed. Audited. */
export async function testHkaConnection(
  deps: HkaConnectionDeps,
  client: HkaClient,
  by: AuditActor,
): Promise<HkaOutcome<FoliosData>> {
  const settings = readHkaSettings(deps.db);
  const outcome = await withHkaCredentials(deps, (c) => client.testConnection(c));
  const at = deps.clock();
  deps.db.transaction((tx) => {
    if (outcome.kind === 'ok') {
      writeJsonSetting(tx, KEY, hkaSettingsSchema, {
        ...settings,
        verified: { at: at.toISOString(), fingerprint: fingerprint(deps, settings) },
      });
    }
    appendAudit(
      tx,
      {
        ...by,
        action: 'hka.connection_tested',
        details:
          outcome.kind === 'ok'
            ? {
                ok: true,
                environment: settings.environment,
                licencia: outcome.data.licencia ?? null,
                foliosDisponibleCiclo: outcome.data.foliosDisponibleCiclo,
              }
            : {
                ok: false,
                environment: settings.environment,
                kind: outcome.kind,
                codigo: 'codigo' in outcome ? outcome.codigo : null,
              },
      },
      at,
    );
  });
  return outcome;
}
