// The audit trail for the manager: newest first, opaque cursor paging, action prefix filter, details parsed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plansDuring } from '../../../tests/fixtures/query-plans';
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

  it('pages one Panamá day newest first by id, whatever order the clock wrote it in, reading ids off the index', () => {
    // 90 entries over three days; the clock jumps back now and then, so ids and times disagree in order.
    const times: Date[] = [];
    for (let i = 0; i < 90; i++) {
      const minute = (i * 37) % (3 * 24 * 60); // scattered over 2026-11-29..12-01 UTC
      times.push(new Date(Date.UTC(2026, 10, 29, 0, minute)));
    }
    times.forEach((at, i) =>
      store.db.transaction((tx) => appendAudit(tx, { actor: 'ana', action: 'auth.signIn', details: { i } }, at)),
    );
    const dayStart = Date.parse('2026-11-30T05:00:00.000Z'); // Panamá's 2026-11-30
    const expected = store.sqlite
      .prepare('SELECT id, at FROM audit_log ORDER BY id DESC')
      .all()
      .filter((r) => {
        const t = Date.parse((r as { at: string }).at);
        return t >= dayStart && t < dayStart + 86_400_000;
      })
      .map((r) => (r as { id: number }).id);
    expect(expected.length).toBeGreaterThan(20);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = listAudit(store.db, {
        limit: 7,
        from: '2026-11-30',
        to: '2026-11-30',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    // What the day's page ran: the ids off the index alone (no row read to sort), then the page's rows by id.
    const plans = plansDuring(store.sqlite, () =>
      listAudit(store.db, { limit: 7, from: '2026-11-30', to: '2026-11-30' }),
    )
      .filter(({ sql }) => /FROM audit_log/.test(sql) && !/count\(\*\)/.test(sql))
      .map(({ plan }) => plan);
    expect(plans).toEqual([
      expect.stringMatching(/COVERING INDEX audit_log_at/),
      expect.stringMatching(/SEARCH audit_log USING INTEGER PRIMARY KEY/),
    ]);
  });
});
