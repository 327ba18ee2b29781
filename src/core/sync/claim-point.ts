// The register's side of billing-point claims (issue 11 §2): an enrolled register claims its (branch, point) at the
// central server, so a second device configured with the same point in the organisation is refused there. The
// server's answer is kept in settings; while it says the point belongs to another device, invoicing is refused
// (capture's gate). Without a central server the series probe and the identity proof are the guard.
import { z } from 'zod';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import type { Vault } from '../vault/vault';
import { postClaimPoint, type Fetch } from './sync-http';
import { readSyncConnection } from './sync-settings';

export const POINT_CLAIM_KEY = 'sync.pointClaim';

const pointClaimSchema = z.object({
  codigoSucursal: z.string(),
  puntoFacturacion: z.string(),
  state: z.enum(['claimed', 'refused']),
  /** The server's explanation of a refusal, as it sent it. */
  message: z.string().optional(),
  at: z.string(),
});
export type PointClaim = z.infer<typeof pointClaimSchema>;

export interface ClaimDeps {
  db: StoreDb;
  vault: Vault;
  clock: () => Date;
  fetch?: Fetch;
}

export type ClaimResult =
  | { kind: 'not_enrolled' }
  | { kind: 'claimed' }
  | { kind: 'refused'; message: string }
  | { kind: 'unanswered'; error: string };

export function readPointClaim(db: StoreDb): PointClaim | undefined {
  return readJsonSetting<PointClaim | undefined>(db, POINT_CLAIM_KEY, pointClaimSchema, undefined);
}

/** Asks the central server for (branch, point); records and audits a definite answer, keeps the old one otherwise. */
export async function claimBillingPoint(
  deps: ClaimDeps,
  point: { codigoSucursal: string; puntoFacturacion: string },
  by: AuditActor,
): Promise<ClaimResult> {
  const connection = readSyncConnection(deps.db);
  if (!connection || !deps.vault.describe('sync.deviceToken').configured) return { kind: 'not_enrolled' };
  const answer = await deps.vault.withSecrets(['sync.deviceToken'], (s) =>
    postClaimPoint(deps.fetch ?? fetch, connection.serverUrl, s['sync.deviceToken'], point, 15_000),
  );
  if (answer.kind !== 'claimed' && answer.kind !== 'point_claimed') {
    return { kind: 'unanswered', error: 'error' in answer ? answer.error : answer.kind };
  }
  const at = deps.clock();
  const claim: PointClaim =
    answer.kind === 'claimed'
      ? { ...point, state: 'claimed', at: at.toISOString() }
      : { ...point, state: 'refused', message: answer.message, at: at.toISOString() };
  deps.db.transaction((tx) => {
    writeJsonSetting(tx, POINT_CLAIM_KEY, pointClaimSchema, claim);
    appendAudit(
      tx,
      { ...by, action: 'sync.point_claim', details: { ...point, state: claim.state, message: claim.message ?? null } },
      at,
    );
  });
  return answer.kind === 'claimed' ? { kind: 'claimed' } : { kind: 'refused', message: answer.message };
}

/** Capture's gate: refused while the server says this (branch, point) belongs to another register. */
export function pointClaimGate(
  db: StoreDb,
  point: { codigoSucursal: string; puntoFacturacion: string },
): { ok: true } | { ok: false; message: string } {
  const claim = readPointClaim(db);
  if (
    claim?.state !== 'refused' ||
    claim.codigoSucursal !== point.codigoSucursal ||
    claim.puntoFacturacion !== point.puntoFacturacion
  ) {
    return { ok: true };
  }
  const server = claim.message ? ` (${claim.message})` : '';
  return {
    ok: false,
    message: `No se puede facturar: el servidor central indica que el punto de facturación ${point.puntoFacturacion} de la sucursal ${point.codigoSucursal} ya lo usa otra caja${server}. Un gerente debe asignar otro punto en Configuración › Emisor.`,
  };
}

/** At start and after enrolment: claims the configured point unless the server already gave it to this register. */
export async function ensurePointClaimed(
  deps: ClaimDeps,
  point: { codigoSucursal: string; puntoFacturacion: string },
  by: AuditActor,
): Promise<ClaimResult> {
  const claim = readPointClaim(deps.db);
  if (
    claim?.state === 'claimed' &&
    claim.codigoSucursal === point.codigoSucursal &&
    claim.puntoFacturacion === point.puntoFacturacion
  ) {
    return { kind: 'claimed' };
  }
  return claimBillingPoint(deps, point, by);
}
