// The auth area's sessions through dispatchIpc: first setup, sign-in and out, the lock and the register's brake, and
// a gerente's one-shot approvals (tests/fixtures/auth-register.ts serves the channels).
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditActions,
  CASHIER,
  closeRegisters,
  MANAGER,
  MINUTE,
  register,
  rowCount,
  staffed,
} from '../../../../../tests/fixtures/auth-register';

afterEach(closeRegisters);

describe('auth channels: sessions and approvals', () => {
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
});
