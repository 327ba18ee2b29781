// Folios left reach head office through the audit trail: a changed FoliosRestantes figure is appended as
// `hka.folios_checked` and queued for the central API in the same transaction; an unchanged one writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FOLIOS_AUDIT_ACTION } from '../../shared/sync/folios-report';
import { foliosView, recordFolios } from '../monitor/folios';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { readUnsent, toWireEvent } from './sync-outbox';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const reported = () =>
  readUnsent(store.db, 100)
    .map(toWireEvent)
    .filter((e) => (e['payload'] as { action?: string }).action === FOLIOS_AUDIT_ACTION)
    .map((e) => e['payload'] as { details: unknown; actor: string; at: string });

describe('folios reported to head office', () => {
  it('queues a changed figure as a chained audit entry, and nothing for the same figure again', () => {
    recordFolios(store.db, 250, new Date('2026-12-05T10:00:00Z'));
    recordFolios(store.db, 250, new Date('2026-12-05T16:00:00Z'));
    recordFolios(store.db, 99, new Date('2026-12-05T22:00:00Z'));
    expect(reported()).toEqual([
      expect.objectContaining({ actor: 'sistema:caja', details: { available: 250 }, at: '2026-12-05T10:00:00.000Z' }),
      expect.objectContaining({ details: { available: 99 }, at: '2026-12-05T22:00:00.000Z' }),
    ]);
    const rows = store.sqlite
      .prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id')
      .pluck()
      .all(FOLIOS_AUDIT_ACTION);
    expect(rows).toEqual(['{"available":250}', '{"available":99}']);
    expect(foliosView(store.db)).toMatchObject({ available: 99, checkedAt: '2026-12-05T22:00:00.000Z' });
  });
});
