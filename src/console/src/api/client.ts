// HTTP to the central server with the admin key, same origin. Failures come back as data (ApiFailure), so screens
// show one kind of error: `kind` says which message to show, `code` is the server's error code.
export type ApiFailure =
  | { kind: 'unauthorized' }
  | { kind: 'network' }
  | { kind: 'too_many' }
  | { kind: 'refused'; status: number; code: string; detail: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

interface ErrorBody {
  error?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

export interface Api {
  get<T>(path: string, query?: Record<string, string | undefined>): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
}

/** `base` is the server's origin ('' = the page's own, how the server serves the console). */
export function createApi(adminKey: string, base = ''): Api {
  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      });
    } catch {
      return { ok: false, failure: { kind: 'network' } };
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.ok) return { ok: true, value: parsed as T };
    if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized' } };
    if (response.status === 429) return { ok: false, failure: { kind: 'too_many' } };
    const error = (parsed ?? {}) as ErrorBody;
    const detail = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? error.message ?? '';
    return {
      ok: false,
      failure: { kind: 'refused', status: response.status, code: error.error ?? String(response.status), detail },
    };
  }
  return {
    get: (path, query) => {
      const params = new URLSearchParams(
        Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
      );
      const qs = params.toString();
      return send('GET', qs ? `${path}?${qs}` : path);
    },
    post: (path, body) => send('POST', path, body ?? {}),
  };
}

export interface SignedIn {
  token: string;
  login: string;
  role: 'owner' | 'accountant';
  expiresAt: string;
}

/** A console user's sign-in (no credential yet): login and password for a session token. */
export async function signInWithPassword(
  organisationId: string,
  login: string,
  password: string,
  base = '',
): Promise<ApiResult<SignedIn>> {
  try {
    const response = await fetch(`${base}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      cache: 'no-store',
      body: JSON.stringify({ organisationId, login, password }),
    });
    if (response.status === 201) return { ok: true, value: (await response.json()) as SignedIn };
    if (response.status === 401) return { ok: false, failure: { kind: 'unauthorized' } };
    if (response.status === 429) return { ok: false, failure: { kind: 'too_many' } };
    return {
      ok: false,
      failure: { kind: 'refused', status: response.status, code: String(response.status), detail: '' },
    };
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
}
