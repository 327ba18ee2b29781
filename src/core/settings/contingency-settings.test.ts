// Contingency settings: defaults, one audited change, and the running ContingencyManager using them at once
// (constructor options, as tests pass them, still win).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContingencyManager } from '../queue/contingency';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import {
  DEFAULT_CONTINGENCY_REASON,
  DEFAULT_CONTINGENCY_SETTINGS,
  readContingencySettings,
  saveContingencySettings,
} from './contingency-settings';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const T0 = new Date('2026-11-28T15:00:00Z').getTime();
const SAVED = {
  afterUnreachableMinutes: 10,
  afterConsecutiveFailures: 2,
  defaultReason: 'Falla del enlace de internet de la tienda',
  foliosAlarmThreshold: 250,
};

describe('contingency settings', () => {
  it('defaults to 2 minutes, 5 failures, the standard reason and an alarm under 100 folios', () => {
    expect(readContingencySettings(store.db)).toEqual({
      afterUnreachableMinutes: 2,
      afterConsecutiveFailures: 5,
      defaultReason: DEFAULT_CONTINGENCY_REASON,
      foliosAlarmThreshold: 100,
    });
  });

  it('saves the thresholds with one audit entry (before and after) and the running manager applies them at once', () => {
    let now = T0;
    const manager = new ContingencyManager(store.db, () => new Date(now));
    manager.noteTransientFailure();
    saveContingencySettings({ db: store.db, clock: () => new Date(now) }, SAVED, { actor: 'ana' });
    manager.noteTransientFailure();
    expect(manager.current).toMatchObject({
      active: true,
      motivo: SAVED.defaultReason,
      trigger: 'automático: 2 fallas seguidas al transmitir',
    });
    manager.noteSuccess();
    manager.noteUnreachable();
    now += 9 * 60_000;
    manager.noteUnreachable();
    expect(manager.current.active).toBe(false); // 10 minutes now, not the default 2
    now += 60_000;
    manager.noteUnreachable();
    expect(manager.current.active).toBe(true);
    const audit = store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'settings.contingency'")
      .all() as { actor: string; details: string }[];
    expect(audit.map((a) => ({ actor: a.actor, details: JSON.parse(a.details) as unknown }))).toEqual([
      { actor: 'ana', details: { before: DEFAULT_CONTINGENCY_SETTINGS, after: SAVED } },
    ]);
  });

  it('lets options given to the manager win over the saved settings', () => {
    saveContingencySettings({ db: store.db, clock: () => new Date(T0) }, SAVED, { actor: 'ana' });
    const manager = new ContingencyManager(store.db, () => new Date(T0), {
      afterConsecutiveFailures: 3,
      defaultReason: 'Prueba con opciones fijas del arnés',
    });
    manager.noteTransientFailure();
    manager.noteTransientFailure();
    expect(manager.current.active).toBe(false);
    manager.noteTransientFailure();
    expect(manager.current).toMatchObject({ active: true, motivo: 'Prueba con opciones fijas del arnés' });
  });

  it('refuses thresholds out of range and writes nothing', () => {
    expect(() =>
      saveContingencySettings(
        { db: store.db, clock: () => new Date(T0) },
        { ...SAVED, afterConsecutiveFailures: 0 },
        { actor: 'ana' },
      ),
    ).toThrow();
    expect(readContingencySettings(store.db)).toEqual(DEFAULT_CONTINGENCY_SETTINGS);
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(0);
  });
});
