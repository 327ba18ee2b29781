import { afterEach, describe, expect, it } from 'vitest';
import { SALE, startRegister, waitFor, type Register } from '../../../tests/fixtures/register-harness';
import { openDatabase } from '../store/open-database';
import { ContingencyManager } from './contingency';

describe('ContingencyManager (clock-driven)', () => {
  const T0 = new Date('2026-11-28T15:00:00Z').getTime();

  it('enters after 2 minutes unreachable, issues 02 with start and reason, and leaves when HKA answers', () => {
    const store = openDatabase({ path: ':memory:' });
    let now = T0;
    const manager = new ContingencyManager(store.db, () => new Date(now));
    manager.noteUnreachable();
    now += 119_000;
    manager.noteUnreachable();
    expect(manager.emissionMode()).toEqual({ tipoEmision: '01' });
    now += 1_000;
    manager.noteUnreachable();
    expect(manager.emissionMode()).toEqual({
      tipoEmision: '02',
      fechaInicio: '2026-11-28T10:00:00-05:00',
      motivo: 'Sin comunicación con el proveedor de facturación electrónica (PAC)',
    });
    manager.noteSuccess();
    expect(manager.emissionMode()).toEqual({ tipoEmision: '01' });
    const actions = store.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions).toEqual(['contingency.entered', 'contingency.left']);
  });

  it('enters after 5 consecutive transient failures; a success resets the count', () => {
    const store = openDatabase({ path: ':memory:' });
    const manager = new ContingencyManager(store.db, () => new Date(T0));
    for (let i = 0; i < 4; i++) manager.noteTransientFailure();
    manager.noteSuccess();
    for (let i = 0; i < 4; i++) manager.noteTransientFailure();
    expect(manager.current.active).toBe(false);
    manager.noteTransientFailure();
    expect(manager.current).toMatchObject({ active: true, trigger: 'automático: 5 fallas seguidas al transmitir' });
  });

  it('survives a restart, asks for an extended reason after 72 h, and validates the reason length', () => {
    const store = openDatabase({ path: ':memory:' });
    let now = T0;
    new ContingencyManager(store.db, () => new Date(now)).enterManually(
      { actor: 'gerente-1' },
      'Corte de internet del proveedor local',
    );
    const reopened = new ContingencyManager(store.db, () => new Date(now));
    expect(reopened.emissionMode()).toMatchObject({
      tipoEmision: '02',
      motivo: 'Corte de internet del proveedor local',
    });
    expect(reopened.needsExtendedReason()).toBe(false);
    now += 72 * 3_600_000 + 1;
    expect(reopened.needsExtendedReason()).toBe(true);
    expect(() => reopened.setReason({ actor: 'gerente-1' }, 'muy corto')).toThrow(/15 to 250/);
    reopened.setReason(
      { actor: 'gerente-1' },
      'El proveedor de internet no ha restablecido el servicio en la zona desde el lunes',
    );
    expect(reopened.current.motivo).toContain('no ha restablecido');
    expect(reopened.needsExtendedReason()).toBe(false); // the new reason explains the delay
    reopened.noteSuccess(); // a manual contingency is left by a person, not by the queue
    expect(reopened.current.active).toBe(true);
    reopened.leaveManually({ actor: 'gerente-1' });
    expect(reopened.emissionMode()).toEqual({ tipoEmision: '01' });
  });
});

describe('ContingencyManager (manual decisions)', () => {
  const T0 = new Date('2026-11-28T15:00:00Z').getTime();

  it('asks for an extended reason after 72 h even if the reason was changed before the 72 h mark', () => {
    const store = openDatabase({ path: ':memory:' });
    let now = T0;
    const manager = new ContingencyManager(store.db, () => new Date(now));
    manager.enterManually({ actor: 'ana' }, 'Corte de internet del proveedor local');
    now += 70 * 3_600_000;
    manager.setReason({ actor: 'ana' }, 'El proveedor sigue sin servicio en toda la zona');
    now += 3 * 3_600_000;
    expect(manager.needsExtendedReason()).toBe(true);
    manager.setReason({ actor: 'ana' }, 'Tres días sin internet: el proveedor cambia el cable de la zona');
    expect(manager.needsExtendedReason()).toBe(false);
    const changes = store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'contingency.reason_changed'")
      .all() as { actor: string; details: string }[];
    expect(changes.map((c) => c.actor)).toEqual(['ana', 'ana']);
    expect(JSON.parse(changes[1]?.details ?? '{}')).toEqual({
      before: 'El proveedor sigue sin servicio en toda la zona',
      motivo: 'Tres días sin internet: el proveedor cambia el cable de la zona',
    });
  });

  it('after a manual leave, automatic contingency waits a full threshold again', () => {
    const store = openDatabase({ path: ':memory:' });
    let now = T0;
    const manager = new ContingencyManager(store.db, () => new Date(now));
    manager.noteUnreachable();
    now += 120_000;
    manager.noteUnreachable();
    expect(manager.current.active).toBe(true);
    manager.leaveManually({ actor: 'ana' });
    const changes: boolean[] = [];
    manager.onChange((state) => changes.push(state.active));
    now += 1_000;
    manager.noteUnreachable();
    expect(manager.current.active).toBe(false);
    now += 120_000;
    manager.noteUnreachable();
    expect(manager.current.active).toBe(true);
    expect(changes).toEqual([true]);
    expect(store.sqlite.prepare("SELECT actor FROM audit_log WHERE action = 'contingency.left'").pluck().all()).toEqual(
      ['ana'],
    );
  });
});

describe('contingency end to end (simulator down, then up)', () => {
  let register: Register | undefined;
  afterEach(async () => {
    await register?.close();
    register = undefined;
  });

  it('issues documents as 02 while HKA is unreachable and gets every one authorised afterwards, as issued', async () => {
    register = await startRegister({ contingency: { afterUnreachableMs: 150 } });
    const r = register;
    await r.sim.faults.refuseConnections();
    r.worker.start();
    const first = r.capture(SALE);
    await waitFor(() => r.connectivity.state === 'offline', 3_000, 'offline');
    await waitFor(() => r.contingency.current.active, 3_000, 'contingency');
    const during = [1, 2, 3].map(() => r.capture(SALE));
    const tipos = during.map((c) => (c.ok ? c.captured.document.tipoEmision : 'x'));
    expect(tipos).toEqual(['02', '02', '02']);
    await r.sim.faults.acceptConnections();
    const ids = [first, ...during].map((c) => (c.ok ? c.captured.id : ''));
    await waitFor(() => ids.every((id) => r.statusOf(id) === 'AUTHORIZED'), 6_000, 'all authorised');
    expect(r.contingency.current.active).toBe(false);
    expect(
      r.sim
        .ledger()
        .map((e) => e.tipoEmision)
        .sort(),
    ).toEqual(['01', '02', '02', '02']);
    const after = r.capture(SALE);
    expect(after.ok && after.captured.document.tipoEmision).toBe('01');
  });
});
