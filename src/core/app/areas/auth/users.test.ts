// The auth area's user administration through dispatchIpc: creating users, PIN changes and resets, deactivation,
// and no secret on the wire, in the audit trail or in the sync outbox (tests/fixtures/auth-register.ts).
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditActions,
  CASHIER,
  closeRegisters,
  MANAGER,
  rowCount,
  staffed,
} from '../../../../../tests/fixtures/auth-register';

afterEach(closeRegisters);

describe('auth channels: users', () => {
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
