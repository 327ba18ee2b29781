// The audit trail for the manager: newest first, opaque cursor paging, action prefix filter, details parsed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../app/app-error';
import { appendAudit } from '../store/audit';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { listAudit } from './audit-list';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
  const actions = ['settings.issuer', 'auth.signIn', 'settings.receipt', 'settings_x.other', 'settings.contingency'];
  actions.forEach((action, i) =>
    store.db.transaction((tx) =>
      appendAudit(tx, { actor: 'ana', action, details: { n: i } }, new Date(Date.UTC(2026, 10, 28, 15, i))),
    ),
  );
});
afterEach(() => store.close());

describe('listAudit', () => {
  it('pages newest first with an opaque cursor until there is no next page', () => {
    const first = listAudit(store.db, { limit: 2 });
    expect(first.items.map((e) => e.action)).toEqual(['settings.contingency', 'settings_x.other']);
    expect(first.items[0]).toMatchObject({
      actor: 'ana',
      documentId: null,
      details: { n: 4 },
      at: '2026-11-28T15:04:00.000Z',
    });
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = listAudit(store.db, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((e) => e.action)).toEqual(['settings.receipt', 'auth.signIn']);
    const last = listAudit(store.db, { limit: 2, cursor: second.nextCursor ?? '' });
    expect(last).toMatchObject({ items: [{ action: 'settings.issuer' }], nextCursor: null });
  });

  it('filters by action prefix, with LIKE wildcards in the prefix taken literally', () => {
    expect(listAudit(store.db, { action: 'settings.', limit: 50 }).items.map((e) => e.action)).toEqual([
      'settings.contingency',
      'settings.receipt',
      'settings.issuer',
    ]);
    expect(listAudit(store.db, { action: 'settings_', limit: 50 }).items.map((e) => e.action)).toEqual([
      'settings_x.other',
    ]);
  });

  it('refuses a cursor it did not make with a Spanish message', () => {
    expect(() => listAudit(store.db, { limit: 5, cursor: 'not-a-cursor' })).toThrow(AppError);
    expect(() => listAudit(store.db, { limit: 5, cursor: 'not-a-cursor' })).toThrow(
      /registro de auditoría no es válida/,
    );
  });
});
