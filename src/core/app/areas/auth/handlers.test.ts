// The auth channels through dispatchIpc against an in-memory register database, with a clock the test moves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../../../shared/ipc/api';
import { CHANNELS } from '../../../../shared/ipc/channels';
import { ipcContract, type Channel, type Request, type Response } from '../../../../shared/ipc/contract';
import { AuthService } from '../../../auth/auth-service';
import { openDatabase, type OpenedDatabase } from '../../../store/open-database';
import { dispatchIpc, type IpcHandlers } from '../../dispatch';
import { createAuthHandlers } from './handlers';

const MANAGER = { username: 'Gerente', displayName: 'María Gerente', pin: '73915824' };
const CASHIER = { username: 'cajero1', displayName: 'Juan Cajero', pin: '5820461' };
const MINUTE = 60_000;

interface Register {
  store: OpenedDatabase;
  auth: AuthService;
  /** Every IPC result, to scan for secrets. */
  wire: unknown[];
  advance(ms: number): void;
  call<C extends Channel>(channel: C, request: Request<C>): Promise<IpcResult<Response<C>>>;
  ok<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
}

const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function register(): Register {
  const store = openDatabase({ path: ':memory:', checkpointIntervalMs: 0 });
  opened.push(store);
  let now = new Date('2026-03-02T14:00:00.000Z');
  const clock = () => now;
  // Other areas' handlers are never called here; spies keep the map complete for dispatchIpc.
  const others = Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(() => Promise.reject(new Error(`unexpected ${c}`)))]),
  );
  const auth = new AuthService(store.db, clock);
  const handlers = { ...others, ...createAuthHandlers({ auth }) } as unknown as IpcHandlers;
  const wire: unknown[] = [];
  const call = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await dispatchIpc({ handlers, session: auth }, channel, request);
    wire.push(result);
    if (result.ok)
      expect(ipcContract[channel].response.safeParse(result.value).success, `${channel} response`).toBe(true);
    return result as IpcResult<Response<C>>;
  };
  const ok = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return {
    store,
    auth,
    wire,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    call,
    ok,
  };
}

/** A register with its first manager and a cashier; nobody signed in. */
async function staffed(): Promise<Register> {
  const r = register();
  await r.ok('auth:setup', MANAGER);
  await r.ok('auth:createUser', { ...CASHIER, role: 'cajero' });
  await r.ok('auth:signOut', {});
  return r;
}

const auditActions = (r: Register) =>
  r.store.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
const rowCount = (r: Register, table: string) =>
  r.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('auth channels', () => {
  it('sets up the first manager once only, and signs them in', async () => {
    const r = register();
    expect(await r.ok('auth:session', {})).toEqual({ user: null, setupNeeded: true });
    const session = await r.ok('auth:setup', MANAGER);
    expect(session).toEqual({
      user: { username: 'gerente', displayName: 'María Gerente', role: 'gerente', since: '2026-03-02T14:00:00.000Z' },
      setupNeeded: false,
    });
    expect(await r.call('auth:setup', { ...MANAGER, username: 'otro' })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'La caja ya tiene usuarios; inicie sesión' },
    });
    expect(rowCount(r, 'users')).toBe(1);
    expect(await r.ok('auth:users', {})).toEqual([
      {
        id: expect.any(String) as unknown,
        username: 'gerente',
        displayName: 'María Gerente',
        role: 'gerente',
        active: true,
        lockedUntil: null,
      },
    ]);
    expect(auditActions(r)).toEqual(['auth.setup']);
  });

  it('refuses a malformed PIN or name as invalid_request and writes nothing', async () => {
    const r = register();
    const result = await r.call('auth:setup', { ...MANAGER, pin: '12a4' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'El PIN debe tener de 4 a 8 dígitos (pin)' },
    });
    expect(await r.call('auth:setup', { ...MANAGER, username: 'a b' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect([rowCount(r, 'users'), rowCount(r, 'audit_log')]).toEqual([0, 0]);
  });

  it('signs in with the right PIN and out again; a wrong PIN says only "incorrect"', async () => {
    const r = await staffed();
    expect(await r.call('auth:signIn', { username: 'cajero1', pin: '1111' })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Usuario o PIN incorrecto' },
    });
    expect(await r.call('auth:signIn', { username: 'nadie', pin: '1111' })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Usuario o PIN incorrecto' },
    });
    expect((await r.ok('auth:signIn', { username: 'CAJERO1', pin: CASHIER.pin })).user).toMatchObject({
      username: 'cajero1',
      role: 'cajero',
    });
    expect(r.auth.currentUser()).toMatchObject({
      username: 'cajero1',
      displayName: 'Juan Cajero',
      role: 'cajero',
      id: expect.any(String) as unknown,
    });
    expect(await r.ok('auth:signOut', {})).toEqual({ user: null, setupNeeded: false });
    expect(r.auth.currentUser()).toBeUndefined();
    expect(auditActions(r).slice(-4)).toEqual(['auth.failed', 'auth.failed', 'auth.signIn', 'auth.signOut']);
  });

  it('locks a user after 5 wrong PINs, refuses even the right PIN until the lock ends, then lets them in', async () => {
    const r = await staffed();
    for (let i = 0; i < 4; i++) {
      expect(await r.call('auth:signIn', { username: 'cajero1', pin: '0000' })).toMatchObject({
        ok: false,
        error: { message: 'Usuario o PIN incorrecto' },
      });
    }
    expect(await r.call('auth:signIn', { username: 'cajero1', pin: '0000' })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Usuario bloqueado por demasiados intentos; intente de nuevo en 5 min.' },
    });
    r.advance(MINUTE);
    expect(await r.call('auth:signIn', { username: 'cajero1', pin: CASHIER.pin })).toMatchObject({
      ok: false,
      error: { message: /bloqueado.*4 min/ },
    });
    expect((await r.ok('auth:users', {})).find((u) => u.username === 'cajero1')?.lockedUntil).toBe(
      '2026-03-02T14:05:00.000Z',
    );
    r.advance(4 * MINUTE);
    expect((await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin })).user?.username).toBe('cajero1');
    expect((await r.ok('auth:users', {})).find((u) => u.username === 'cajero1')?.lockedUntil).toBeNull();
    const actions = auditActions(r);
    expect(actions.filter((a) => a === 'auth.failed')).toHaveLength(5);
    expect(actions).toContain('auth.locked');
    expect(actions.at(-2)).toBe('auth.refused');
  });

  it('brakes the whole register after 10 wrong PINs in a minute, whoever they were for', async () => {
    const r = await staffed();
    for (let i = 0; i < 10; i++) await r.call('auth:signIn', { username: `nadie${i}`, pin: '0000' });
    expect(await r.call('auth:signIn', { username: 'gerente', pin: MANAGER.pin })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: /^Demasiados intentos fallidos en esta caja; espere \d+ s/ },
    });
    r.advance(MINUTE);
    expect((await r.ok('auth:signIn', { username: 'gerente', pin: MANAGER.pin })).user?.role).toBe('gerente');
  });

  it('lets a manager approve one action over a cashier session: once, for that action, before it expires', async () => {
    const r = await staffed();
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    expect(await r.call('auth:approve', { username: 'cajero1', pin: CASHIER.pin, action: 'documents:annul' })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Solo un gerente puede autorizar esta acción' },
    });
    expect(
      await r.call('auth:approve', { username: 'gerente', pin: '99999999', action: 'documents:annul' }),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const approval = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'documents:annul' });
    expect(approval).toMatchObject({
      action: 'documents:annul',
      approvedBy: 'gerente',
      expiresAt: '2026-03-02T14:02:00.000Z',
    });
    expect((await r.ok('auth:session', {})).user?.username).toBe('cajero1'); // the cashier's session stays
    expect(r.auth.consumeApproval(approval.token, 'documents:creditNote')).toBeUndefined();
    expect(r.auth.consumeApproval(approval.token, 'documents:annul')).toMatchObject({
      username: 'gerente',
      role: 'gerente',
    });
    expect(r.auth.consumeApproval(approval.token, 'documents:annul')).toBeUndefined();

    const late = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'documents:annul' });
    r.advance(2 * MINUTE);
    expect(r.auth.consumeApproval(late.token, 'documents:annul')).toBeUndefined();
    expect(r.auth.consumeApproval('not-a-token', 'documents:annul')).toBeUndefined();
  });

  it('keeps an approval to the session it was given over: another user cannot spend it', async () => {
    const r = await staffed();
    await r.ok('auth:signIn', { username: 'gerente', pin: MANAGER.pin });
    await r.ok('auth:createUser', { username: 'ana', displayName: 'Ana Pérez', pin: '4820', role: 'cajero' });
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    const forJuan = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'documents:annul' });
    await r.ok('auth:signIn', { username: 'ana', pin: '4820' });
    expect(r.auth.consumeApproval(forJuan.token, 'documents:annul')).toBeUndefined();
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    expect(r.auth.consumeApproval(forJuan.token, 'documents:annul')).toMatchObject({ username: 'gerente' });
  });

  it('creates users only for a signed-in manager or with a manager approval for it', async () => {
    const r = await staffed();
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    const ana = { username: 'ana', displayName: 'Ana Pérez', pin: '4820', role: 'cajero' } as const;
    expect(await r.call('auth:createUser', ana)).toEqual({
      ok: false,
      error: {
        code: 'approval_required',
        approvalAction: 'auth:createUser',
        message: 'Esta acción necesita la autorización de un gerente (usuario y PIN)',
      },
    });
    const wrongAction = await r.ok('auth:approve', {
      username: 'gerente',
      pin: MANAGER.pin,
      action: 'documents:annul',
    });
    expect(await r.call('auth:createUser', { ...ana, approval: wrongAction.token })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    expect(rowCount(r, 'users')).toBe(2);

    const approval = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'auth:createUser' });
    expect(await r.ok('auth:createUser', { ...ana, approval: approval.token })).toMatchObject({
      username: 'ana',
      role: 'cajero',
      lockedUntil: null,
    });
    expect(await r.call('auth:createUser', { ...ana, username: 'beto', approval: approval.token })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    // The cashier at the keyboard and the gerente who approved, by id and by name.
    const ids = Object.fromEntries((await r.ok('auth:users', {})).map((u) => [u.username, u.id]));
    const created = r.store.sqlite
      .prepare(
        `SELECT actor, actor_name AS actorName, approved_by AS approvedBy, approved_by_name AS approvedByName, details
      FROM audit_log WHERE action = 'auth.userCreated' ORDER BY id DESC LIMIT 1`,
      )
      .get();
    expect(created).toEqual({
      actor: ids['cajero1'],
      actorName: 'Juan Cajero',
      approvedBy: ids['gerente'],
      approvedByName: 'María Gerente',
      details: JSON.stringify({ username: 'ana', role: 'cajero' }),
    });

    await r.ok('auth:signIn', { username: 'gerente', pin: MANAGER.pin });
    expect(await r.call('auth:createUser', ana)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'El usuario «ana» ya existe' },
    });
    expect((await r.ok('auth:createUser', { ...ana, username: 'beto', role: 'gerente' })).role).toBe('gerente');
  });

  it("changes one's own PIN with the current one, and lets a manager reset (and unlock) someone else's", async () => {
    const r = await staffed();
    expect(
      await r.call('auth:changePin', { username: 'cajero1', currentPin: CASHIER.pin, newPin: '6034' }),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Inicie sesión para continuar' } });
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    expect(
      await r.call('auth:changePin', { username: 'gerente', currentPin: MANAGER.pin, newPin: '6034' }),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed', message: /Solo puede cambiar su propio PIN/ } });
    expect(await r.call('auth:changePin', { username: 'cajero1', currentPin: '0000', newPin: '6034' })).toMatchObject({
      ok: false,
      error: { message: 'Usuario o PIN incorrecto' },
    });
    expect(await r.ok('auth:changePin', { username: 'cajero1', currentPin: CASHIER.pin, newPin: '6034' })).toEqual({
      done: true,
    });
    expect(await r.call('auth:signIn', { username: 'cajero1', pin: CASHIER.pin })).toMatchObject({ ok: false });
    expect((await r.ok('auth:signIn', { username: 'cajero1', pin: '6034' })).user?.username).toBe('cajero1');

    expect(await r.call('auth:changePin', { username: 'cajero1', newPin: '7145' })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    for (let i = 0; i < 5; i++) await r.call('auth:signIn', { username: 'cajero1', pin: '0000' });
    await r.ok('auth:signIn', { username: 'gerente', pin: MANAGER.pin });
    expect(await r.call('auth:changePin', { username: 'nadie', newPin: '7145' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'El usuario no existe' },
    });
    expect(await r.ok('auth:changePin', { username: 'cajero1', newPin: '7145' })).toEqual({ done: true });
    expect((await r.ok('auth:signIn', { username: 'cajero1', pin: '7145' })).user?.username).toBe('cajero1');
    expect(auditActions(r)).toEqual(expect.arrayContaining(['auth.pinChanged', 'auth.pinReset']));
  });

  it('never lets a PIN, a PIN hash or an approval token reach a response, the audit trail or the sync outbox', async () => {
    const r = await staffed();
    await r.call('auth:signIn', { username: 'cajero1', pin: '31415926' });
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    const approval = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'auth:createUser' });
    await r.ok('auth:createUser', {
      username: 'ana',
      displayName: 'Ana Pérez',
      pin: '27182818',
      role: 'cajero',
      approval: approval.token,
    });
    await r.ok('auth:signIn', { username: 'ana', pin: '27182818' });
    await r.ok('auth:changePin', { username: 'ana', currentPin: '27182818', newPin: '16180339' });
    await r.call('auth:signIn', { username: '88442211', pin: '88442211' }); // a PIN typed into the name field
    await r.ok('auth:users', {});
    await r.ok('auth:session', {});

    const hashes = r.store.sqlite.prepare('SELECT pin_hash FROM users').pluck().all() as string[];
    expect(hashes.every((h) => h.startsWith('scrypt$'))).toBe(true);
    const stored = JSON.stringify([
      r.store.sqlite.prepare('SELECT * FROM audit_log').all(),
      r.store.sqlite.prepare('SELECT * FROM sync_outbox').all(),
    ]);
    const responses = JSON.stringify(r.wire.filter((w) => !(w as { value?: { token?: string } }).value?.token));
    const secrets = [
      MANAGER.pin,
      CASHIER.pin,
      '31415926',
      '27182818',
      '16180339',
      '88442211',
      ...hashes,
      ...hashes.map((h) => h.split('$')[3] ?? h),
    ];
    for (const secret of secrets) {
      expect(stored, secret).not.toContain(secret);
      expect(responses, secret).not.toContain(secret);
    }
    expect(stored).not.toContain(approval.token);
    expect(stored).toContain('auth.approved'); // the scan did look at a filled trail
  });

  it('deactivates someone who left, and back: a manager only, never the last gerente nor oneself', async () => {
    const r = await staffed();
    expect(await r.call('auth:setActive', { username: 'cajero1', active: false })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    expect(await r.call('auth:setActive', { username: 'cajero1', active: false })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    // Over the cashier's own session, with a manager's approval: done, and that session ends.
    const approval = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'auth:setActive' });
    expect(
      await r.ok('auth:setActive', { username: 'cajero1', active: false, approval: approval.token }),
    ).toMatchObject({ username: 'cajero1', active: false });
    expect(await r.ok('auth:session', {})).toMatchObject({ user: null });
    expect(await r.call('auth:signIn', { username: 'cajero1', pin: CASHIER.pin })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });

    await r.ok('auth:signIn', { username: 'gerente', pin: MANAGER.pin });
    expect(await r.call('auth:setActive', { username: 'gerente', active: false })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'No puede desactivar su propio usuario' },
    });
    await r.ok('auth:createUser', { username: 'otro', displayName: 'Otro Gerente', pin: '2468', role: 'gerente' });
    await r.ok('auth:setActive', { username: 'otro', active: false });
    // 'otro' out: Gerente is the last active manager (and cannot deactivate themselves either way).
    await r.ok('auth:setActive', { username: 'otro', active: true });
    await r.ok('auth:signOut', {});
    await r.ok('auth:signIn', { username: 'otro', pin: '2468' });
    await r.ok('auth:setActive', { username: 'gerente', active: false });
    await r.ok('auth:setActive', { username: 'cajero1', active: true });
    expect(await r.call('auth:setActive', { username: 'nadie', active: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(auditActions(r).filter((a) => a.startsWith('auth.user'))).toEqual([
      'auth.userCreated',
      'auth.userDeactivated',
      'auth.userCreated',
      'auth.userDeactivated',
      'auth.userReactivated',
      'auth.userDeactivated',
      'auth.userReactivated',
    ]);
  });

  it("voids a deactivated gerente's unused approvals", async () => {
    const r = await staffed();
    const segundo = { ...MANAGER, username: 'segundo', displayName: 'Segundo Gerente' };
    await r.ok('auth:signIn', { username: 'gerente', pin: MANAGER.pin });
    await r.ok('auth:createUser', { ...segundo, role: 'gerente' });
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    const stale = await r.ok('auth:approve', { username: 'gerente', pin: MANAGER.pin, action: 'auth:setActive' });
    await r.ok('auth:signIn', { username: 'segundo', pin: MANAGER.pin });
    await r.ok('auth:setActive', { username: 'gerente', active: false });
    await r.ok('auth:signIn', { username: 'cajero1', pin: CASHIER.pin });
    // The approval "gerente" gave over this very cashier's session before leaving is worth nothing now.
    expect(await r.call('auth:setActive', { username: 'cajero1', active: false, approval: stale.token })).toMatchObject(
      { ok: false, error: { code: 'approval_required' } },
    );
    expect(
      (await r.ok('auth:users', {}))
        .filter((u) => u.active)
        .map((u) => u.username)
        .sort(),
    ).toEqual(['cajero1', 'segundo']);
  });
});
