// HTTP calls to the central API (Node's fetch). Every failure becomes a typed outcome the pusher can act on; error
// texts name the server and the failure, never the token.
import { SYNC_INGEST_PATH, syncBatchResponseSchema, type SyncBatchResponse } from '../../shared/sync/batch';
import {
  CATALOG_CHANGES_PATH,
  catalogChangesResponseSchema,
  type CatalogChangesResponse,
  type CatalogPosition,
} from '../../shared/sync/catalog';
import {
  SYNC_ENROL_PATH,
  enrolResponseSchema,
  type EnrolRequest,
  type EnrolResponse,
} from '../../shared/sync/enrolment';

export type Fetch = typeof fetch;

export type HttpFailure =
  | { kind: 'unauthorized' }
  | { kind: 'too_large' }
  | { kind: 'rate_limited'; retryAfterMs: number | undefined }
  | { kind: 'refused'; status: number; error: string }
  | { kind: 'server_error'; status: number }
  | { kind: 'network'; error: string }
  | { kind: 'bad_response'; error: string };

export type PushOutcome = { kind: 'ok'; response: SyncBatchResponse } | HttpFailure;
export type EnrolCallOutcome = { kind: 'ok'; response: EnrolResponse } | HttpFailure;

export function endpoint(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}

async function call(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; body: unknown; retryAfter: string | null } | HttpFailure> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const name =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `${String(error)}${cause}`;
    return { kind: 'network', error: name };
  }
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
}

function failureOf(status: number, body: unknown, retryAfter: string | null): HttpFailure {
  if (status === 401 || status === 403) return { kind: 'unauthorized' };
  if (status === 413) return { kind: 'too_large' };
  if (status === 429) {
    const seconds = Number(retryAfter);
    return { kind: 'rate_limited', retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined };
  }
  if (status >= 500) return { kind: 'server_error', status };
  const error =
    typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : `HTTP ${status}`;
  return { kind: 'refused', status, error };
}

export async function postBatch(
  fetchImpl: Fetch,
  serverUrl: string,
  token: string,
  events: unknown[],
  timeoutMs: number,
): Promise<PushOutcome> {
  const answer = await call(
    fetchImpl,
    endpoint(serverUrl, SYNC_INGEST_PATH),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    },
    timeoutMs,
  );
  if ('kind' in answer) return answer;
  if (answer.status !== 200) return failureOf(answer.status, answer.body, answer.retryAfter);
  const parsed = syncBatchResponseSchema.safeParse(answer.body);
  return parsed.success
    ? { kind: 'ok', response: parsed.data }
    : { kind: 'bad_response', error: 'the server answered 200 without a batch result' };
}

export async function postEnrol(
  fetchImpl: Fetch,
  serverUrl: string,
  request: EnrolRequest,
  timeoutMs: number,
): Promise<EnrolCallOutcome> {
  const answer = await call(
    fetchImpl,
    endpoint(serverUrl, SYNC_ENROL_PATH),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    timeoutMs,
  );
  if ('kind' in answer) return answer;
  if (answer.status !== 201) return failureOf(answer.status, answer.body, answer.retryAfter);
  const parsed = enrolResponseSchema.safeParse(answer.body);
  return parsed.success
    ? { kind: 'ok', response: parsed.data }
    : { kind: 'bad_response', error: 'the server answered without a device token' };
}

/** True when the server's GET /health answers 200 `{ status: 'ok' }` (the database behind it answers too). */
export async function serverHealthy(fetchImpl: Fetch, serverUrl: string, timeoutMs: number): Promise<boolean> {
  const answer = await call(fetchImpl, endpoint(serverUrl, '/health'), { method: 'GET' }, timeoutMs);
  if ('kind' in answer || answer.status !== 200) return false;
  return (
    typeof answer.body === 'object' && answer.body !== null && 'status' in answer.body && answer.body.status === 'ok'
  );
}

/** Where a register claims its (branch, point) in the organisation (issue 11 §2; the server side is issue 15's). */
export const CLAIM_POINT_PATH = '/v1/devices/claim-point';

export type ClaimCallOutcome = { kind: 'claimed' } | { kind: 'point_claimed'; message: string } | HttpFailure;

export async function postClaimPoint(
  fetchImpl: Fetch,
  serverUrl: string,
  token: string,
  point: { codigoSucursal: string; puntoFacturacion: string },
  timeoutMs: number,
): Promise<ClaimCallOutcome> {
  const answer = await call(
    fetchImpl,
    endpoint(serverUrl, CLAIM_POINT_PATH),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(point),
    },
    timeoutMs,
  );
  if ('kind' in answer) return answer;
  const body = typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>) : {};
  if (answer.status === 200 && body['claimed'] === true) return { kind: 'claimed' };
  if (answer.status === 409 && body['error'] === 'point_claimed') {
    return { kind: 'point_claimed', message: typeof body['message'] === 'string' ? body['message'] : '' };
  }
  if (answer.status === 200) return { kind: 'bad_response', error: 'the server answered 200 without claimed: true' };
  return failureOf(answer.status, answer.body, answer.retryAfter);
}

export type CatalogCallOutcome = { kind: 'ok'; response: CatalogChangesResponse } | HttpFailure;

/** One page of head office's catalogue changes after `position` (issue 15); the rows themselves are checked by the caller. */
export async function getCatalogChanges(
  fetchImpl: Fetch,
  serverUrl: string,
  token: string,
  position: CatalogPosition,
  limit: number,
  timeoutMs: number,
): Promise<CatalogCallOutcome> {
  const query = new URLSearchParams({ since: String(position.since), after: position.after, limit: String(limit) });
  const answer = await call(
    fetchImpl,
    `${endpoint(serverUrl, CATALOG_CHANGES_PATH)}?${query.toString()}`,
    {
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
    },
    timeoutMs,
  );
  if ('kind' in answer) return answer;
  if (answer.status !== 200) return failureOf(answer.status, answer.body, answer.retryAfter);
  const parsed = catalogChangesResponseSchema.safeParse(answer.body);
  return parsed.success
    ? { kind: 'ok', response: parsed.data }
    : { kind: 'bad_response', error: 'the server answered 200 without a page of catalogue changes' };
}
