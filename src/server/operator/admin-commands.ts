// Head office's CLI commands, sent to a running server's public admin API (the same routes the console uses), so a
// chain is set up without hand-written curl and whatever the database (PGlite or PostgreSQL) or the number of
// instances. The admin key comes from SAGO_ADMIN_KEY (never an argument: arguments show in `ps` and shell history),
// the server from SAGO_SERVER_URL (default http://127.0.0.1:<PORT>). What the server refuses is printed with its
// reason; nothing is written then.
import { randomBytes } from 'node:crypto';

export const ADMIN_COMMANDS = [
  'create-store',
  'list-stores',
  'enrolment-code',
  'list-registers',
  'revoke-register',
  'set-webhook',
  'remove-webhook',
  'set-silent-minutes',
  'alerts',
] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

export const ADMIN_USAGE = [
  'create-store <code> "<name>"              a store (sucursal) by its 4-character DGI branch code',
  'list-stores                               stores with their ids',
  'enrolment-code <storeCode> "<register>" [hours]   a one-time enrolment code for a new register',
  'list-registers                            registers (devices) with their ids',
  'revoke-register <deviceId>                its next push is refused',
  'set-webhook <url>                         alert webhook; prints its new signing secret once',
  'remove-webhook',
  'set-silent-minutes <n>                    flag a register silent after n minutes',
  'alerts                                    open alerts',
].map((line) => `  ${line}`);

export const isAdminCommand = (command: string | undefined): command is AdminCommand =>
  (ADMIN_COMMANDS as readonly string[]).includes(command ?? '');

export class AdminCommandError extends Error {
  override readonly name = 'AdminCommandError';
}

interface Context {
  baseUrl: string;
  adminKey: string;
  out(line: string): void;
}

async function call<T>(ctx: Context, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${ctx.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${ctx.adminKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new AdminCommandError(`No server answers at ${ctx.baseUrl} (set SAGO_SERVER_URL)`);
  }
  const answer = (await response.json().catch(() => ({}))) as {
    message?: string;
    issues?: { path: string; message: string }[];
  };
  if (!response.ok) {
    const issues = (answer.issues ?? []).map((i) => `${i.path || '(request)'}: ${i.message}`).join('; ');
    throw new AdminCommandError(
      `The server refused (HTTP ${response.status}): ${answer.message ?? 'no reason given'}${issues ? ` (${issues})` : ''}`,
    );
  }
  return answer as T;
}

type Store = { id: string; code: string; name: string };
type Device = { id: string; name: string; storeId: string; revokedAt: string | null; lastSeenAt: string | null };

const positiveInt = (raw: string | undefined, what: string): number => {
  if (!raw || !/^\d{1,6}$/.test(raw)) throw new AdminCommandError(`${what} must be a whole number`);
  return Number(raw);
};

const need = (value: string | undefined, usage: string): string => {
  if (!value) throw new AdminCommandError(`usage: ${usage}`);
  return value;
};

const COMMANDS: Record<AdminCommand, (ctx: Context, args: readonly string[]) => Promise<void>> = {
  async 'create-store'(ctx, [code, name]) {
    const store = await call<Store>(ctx, '/v1/admin/stores', {
      code: need(code, 'create-store <code> "<name>"'),
      name: need(name, 'create-store <code> "<name>"'),
    });
    ctx.out(`store ${store.id} ${store.code} ${store.name}`);
  },
  async 'list-stores'(ctx) {
    for (const s of (await call<{ items: Store[] }>(ctx, '/v1/admin/stores')).items)
      ctx.out(`${s.id}  ${s.code}  ${s.name}`);
  },
  async 'enrolment-code'(ctx, [storeCode, registerName, hours]) {
    const usage = 'enrolment-code <storeCode> "<register>" [hours]';
    const code = need(storeCode, usage);
    const store = (await call<{ items: Store[] }>(ctx, '/v1/admin/stores')).items.find((s) => s.code === code);
    if (!store) throw new AdminCommandError(`No store with code ${code} (list-stores shows them)`);
    const created = await call<{ code: string; expiresAt: string }>(ctx, '/v1/admin/enrolment-codes', {
      storeId: store.id,
      registerName: need(registerName, usage),
      ...(hours === undefined ? {} : { ttlHours: positiveInt(hours, 'hours') }),
    });
    ctx.out(`enrolment code (one use, until ${created.expiresAt}): ${created.code}`);
  },
  async 'list-registers'(ctx) {
    for (const d of (await call<{ items: Device[] }>(ctx, '/v1/admin/devices')).items) {
      ctx.out(
        `${d.id}  ${d.name}  store ${d.storeId}  ${d.revokedAt ? `revoked ${d.revokedAt}` : `last seen ${d.lastSeenAt ?? 'never'}`}`,
      );
    }
  },
  async 'revoke-register'(ctx, [deviceId]) {
    await call(ctx, `/v1/admin/devices/${encodeURIComponent(need(deviceId, 'revoke-register <deviceId>'))}/revoke`, {});
    ctx.out(`register ${deviceId} revoked`);
  },
  async 'set-webhook'(ctx, [url]) {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await call(ctx, '/v1/admin/alert-settings', { webhook: { url: need(url, 'set-webhook <url>'), secret } });
    ctx.out(`webhook set; signing secret (shown once, give it to the receiver): ${secret}`);
  },
  async 'remove-webhook'(ctx) {
    await call(ctx, '/v1/admin/alert-settings', { webhook: null });
    ctx.out('webhook removed');
  },
  async 'set-silent-minutes'(ctx, [minutes]) {
    const settings = await call<{ silentAfterMinutes: number }>(ctx, '/v1/admin/alert-settings', {
      silentAfterMinutes: positiveInt(minutes, 'minutes'),
    });
    ctx.out(`a register is flagged silent after ${settings.silentAfterMinutes} minutes`);
  },
  async alerts(ctx) {
    type Alert = { rule: string; deviceId: string; raisedAt: string; details: { value: number; threshold: number } };
    const { items } = await call<{ items: Alert[] }>(ctx, '/v1/alerts?state=open&limit=200');
    if (items.length === 0) ctx.out('no open alerts');
    for (const a of items)
      ctx.out(
        `${a.raisedAt}  ${a.rule}  register ${a.deviceId}  value ${a.details.value} (threshold ${a.details.threshold})`,
      );
  },
};

export async function runAdminCommand(
  command: AdminCommand,
  args: readonly string[],
  env: Record<string, string | undefined>,
  defaultPort: number,
  out: (line: string) => void,
): Promise<void> {
  const adminKey = env['SAGO_ADMIN_KEY'];
  if (!adminKey)
    throw new AdminCommandError(
      'Set SAGO_ADMIN_KEY to an admin key of the organisation (create-org prints the first one)',
    );
  const baseUrl = (env['SAGO_SERVER_URL'] ?? `http://127.0.0.1:${defaultPort}`).replace(/\/+$/, '');
  await COMMANDS[command]({ baseUrl, adminKey, out }, args);
}
