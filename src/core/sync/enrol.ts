// Enrolment from the settings panel: server URL + one-time code → the device token goes into the vault (never
// anywhere else), the connection into the settings, an audit entry records it (without the token or the code).
// Plain http is accepted only for this machine and private networks (a shop's own LAN server); anything on the
// internet must be https, since the token travels in every request.
import { isIPv4 } from 'node:net';
import { eq } from 'drizzle-orm';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { settings } from '../store/schema';
import type { Vault } from '../vault/vault';
import { postEnrol, type Fetch } from './sync-http';
import { INITIAL_SYNC_STATE, SYNC_CONNECTION_KEY, writeSyncConnection, writeSyncState } from './sync-settings';

export interface EnrolDeps {
  db: StoreDb;
  vault: Vault;
  fetch?: Fetch;
  clock?: () => Date;
}

export type EnrolError = 'invalid_url' | 'invalid_code' | 'unreachable' | 'rate_limited' | 'server_error';

export type EnrolOutcome =
  | { ok: true; deviceId: string; storeCode: string; storeName: string; registerName: string }
  | { ok: false; error: EnrolError; message: string };

function isPrivateHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]' || hostname.endsWith('.local')) return true;
  if (!isIPv4(hostname)) return false;
  const [a = 0, b = 0] = hostname.split('.').map(Number);
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The server's base URL, normalised, or undefined when unusable. */
export function checkServerUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isPrivateHost(url.hostname));
  if (!secure || url.username || url.password || url.search || url.hash) return undefined;
  return url.toString().replace(/\/+$/, '');
}

export async function enrolRegister(
  deps: EnrolDeps,
  input: { serverUrl: string; code: string; registerName?: string },
  by: AuditActor,
): Promise<EnrolOutcome> {
  const serverUrl = checkServerUrl(input.serverUrl);
  if (!serverUrl) {
    return {
      ok: false,
      error: 'invalid_url',
      message: 'The server URL must be https:// (http:// only on this machine or the local network)',
    };
  }
  const code = input.code.trim();
  if (code.length === 0) return { ok: false, error: 'invalid_code', message: 'The enrolment code is empty' };
  const outcome = await postEnrol(
    deps.fetch ?? fetch,
    serverUrl,
    { code, ...(input.registerName ? { registerName: input.registerName } : {}) },
    15_000,
  );
  switch (outcome.kind) {
    case 'ok':
      break;
    case 'unauthorized':
      return {
        ok: false,
        error: 'invalid_code',
        message: 'The server refused the code (unknown, already used or expired)',
      };
    case 'rate_limited':
      return { ok: false, error: 'rate_limited', message: 'Too many failed attempts; wait a minute and retry' };
    case 'network':
      return { ok: false, error: 'unreachable', message: `Cannot reach the server: ${outcome.error}` };
    case 'refused':
      return { ok: false, error: 'invalid_code', message: outcome.error };
    case 'too_large':
    case 'server_error':
    case 'bad_response':
      return { ok: false, error: 'server_error', message: 'The server could not enrol the register; retry later' };
  }
  const enrolled = outcome.response;
  const at = (deps.clock ?? (() => new Date()))();
  deps.vault.setSecret('sync.deviceToken', enrolled.token);
  deps.db.transaction((tx) => {
    writeSyncConnection(tx, {
      serverUrl,
      deviceId: enrolled.deviceId,
      orgId: enrolled.orgId,
      storeId: enrolled.storeId,
      storeCode: enrolled.storeCode,
      registerName: enrolled.registerName,
      enrolledAt: at.toISOString(),
    });
    writeSyncState(tx, INITIAL_SYNC_STATE);
    appendAudit(
      tx,
      {
        ...by,
        action: 'sync.enrolled',
        details: { serverUrl, deviceId: enrolled.deviceId, storeCode: enrolled.storeCode },
      },
      at,
    );
  });
  return {
    ok: true,
    deviceId: enrolled.deviceId,
    storeCode: enrolled.storeCode,
    storeName: enrolled.storeName,
    registerName: enrolled.registerName,
  };
}

/** Forgets the enrolment: token out of the vault, connection out of the settings. Pending events stay queued. */
export function forgetEnrolment(deps: Pick<EnrolDeps, 'db' | 'vault'>, by: AuditActor, at: Date): void {
  deps.vault.deleteSecret('sync.deviceToken');
  deps.db.transaction((tx) => {
    tx.delete(settings).where(eq(settings.key, SYNC_CONNECTION_KEY)).run();
    appendAudit(tx, { ...by, action: 'sync.unenrolled', details: {} }, at);
  });
}
