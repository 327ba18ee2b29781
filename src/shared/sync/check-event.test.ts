import { describe, expect, it } from 'vitest';
import { checkSyncEvent } from './check-event';
import { MAX_DETAILS_CHARS } from './events';

const ID = '0b8e3c8a-2f7d-4e61-9a0e-4f6c1d2b3a59';
const audit = (payload: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) => ({
  eventId: ID,
  seq: 1,
  kind: 'audit',
  payload: {
    auditId: 7,
    at: '2026-11-28T15:00:00.000Z',
    actor: 'u-cajero',
    actorName: 'Carlos Cajero',
    approvedBy: null,
    approvedByName: null,
    action: 'sale.captured',
    documentId: null,
    details: {},
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    ...payload,
  },
  ...envelope,
});

describe('checkSyncEvent', () => {
  it('accepts the shapes the register writes, and strips fields it does not know', () => {
    const verdict = checkSyncEvent(audit({ extra: 'dropped' }));
    expect(verdict).toEqual({ ok: true, event: audit() });
    const status = checkSyncEvent({
      eventId: ID,
      seq: 9,
      kind: 'document_status',
      payload: {
        documentId: ID,
        status: 'QUEUED',
        tipoDocumento: '01',
        numero: 4,
        tipoEmision: '02',
        total: '12.50',
        at: '2026-11-28T10:00:00-05:00',
      },
    });
    expect(status.ok).toBe(true);
  });

  it('names what is wrong, with the event id when it could be read', () => {
    expect(checkSyncEvent(audit({}, { seq: 0 }))).toMatchObject({
      ok: false,
      eventId: ID,
      reason: 'invalid',
      issues: [{ path: 'seq' }],
    });
    expect(checkSyncEvent(audit({ at: 'yesterday', actor: '' }))).toMatchObject({
      ok: false,
      issues: [{ path: 'payload.at' }, { path: 'payload.actor' }],
    });
    expect(checkSyncEvent(audit({ hash: 'not-a-hash' }))).toMatchObject({
      ok: false,
      issues: [{ path: 'payload.hash' }],
    });
    expect(checkSyncEvent('nope')).toMatchObject({ ok: false, eventId: null, reason: 'invalid' });
    expect(checkSyncEvent(audit({ details: { blob: 'x'.repeat(MAX_DETAILS_CHARS) } }))).toMatchObject({
      ok: false,
      issues: [{ path: 'payload.details' }],
    });
    expect(
      checkSyncEvent({
        eventId: ID,
        seq: 1,
        kind: 'document_status',
        payload: { documentId: ID, status: 'QUEUED', at: '2026-11-28T10:00:00Z', total: '1.005' },
      }),
    ).toMatchObject({ ok: false, issues: [{ path: 'payload.total' }] });
  });

  it('refuses a payload that carries one of our credentials', () => {
    const leaked = `sgd.${ID}.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde`;
    expect(checkSyncEvent(audit({ details: { header: leaked } }))).toMatchObject({
      ok: false,
      eventId: ID,
      reason: 'credential_in_payload',
    });
  });

  it('refuses text PostgreSQL cannot store, naming the field, and a year-0000 instant', () => {
    expect(checkSyncEvent(audit({ details: { product: 'Arroz\u0000 5 lb' } }))).toEqual({
      ok: false,
      eventId: ID,
      reason: 'unstorable_text',
      issues: [{ path: 'payload.details.product', message: expect.stringContaining('NUL') as unknown }],
    });
    expect(checkSyncEvent(audit({ actorName: 'Ana \uD83D' }))).toMatchObject({
      reason: 'unstorable_text',
      issues: [{ path: 'payload.actorName' }],
    });
    expect(checkSyncEvent(audit({ at: '0000-01-01T00:00:00Z' }))).toMatchObject({
      reason: 'invalid',
      issues: [{ path: 'payload.at' }],
    });
  });
});
