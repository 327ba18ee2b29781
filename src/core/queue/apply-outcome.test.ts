// applyOutcome's lease rule: a stale claim cannot move the job or the document; HKA's authorisation always lands.
import { describe, expect, it } from 'vitest';
import { SALE } from '../../../tests/fixtures/register-harness';
import { captureSale } from '../sales/capture-sale';
import { openDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { applyOutcome } from './apply-outcome';
import { claimDueJobs } from './outbox-repo';

function setup() {
  const store = openDatabase({ path: ':memory:' });
  const result = captureSale(
    {
      db: store.db,
      issuer: DEFAULT_ISSUER_SETTINGS,
      emissionMode: () => ({ tipoEmision: '01' }),
      clock: () => new Date(),
      actor: 'c',
    },
    SALE,
  );
  if (!result.ok) throw new Error('capture failed');
  const row = () =>
    store.sqlite
      .prepare(
        'SELECT d.status, d.cufe, j.state, j.attempts FROM documents d JOIN outbox_jobs j ON j.document_id = d.id',
      )
      .get();
  return { store, id: result.captured.id, row };
}

const T = Date.now() + 60_000; // later than the capture: the job is due
const AUTH = {
  kind: 'authorized',
  authorization: {
    cufe: 'FE-x',
    qr: undefined,
    nroProtocoloAutorizacion: undefined,
    fechaRecepcionDGI: undefined,
    codigo: '200',
    alreadyAuthorized: false,
  },
} as const;

describe('applyOutcome', () => {
  it('ignores a non-final outcome from a claim whose lease was taken over', () => {
    const { store, row } = setup();
    const [stale] = claimDueJobs(store.db, 'w1', T, 10, 1);
    const [live] = claimDueJobs(store.db, 'w2', T + 1_000, 10_000, 1); // the first lease expired at T + 10
    if (!stale || !live) throw new Error('claims failed');
    expect(stale.claimToken).not.toBe(live.claimToken);
    expect(
      applyOutcome(
        store.db,
        stale,
        { kind: 'retry', nextAttemptAt: 9_999, maybeSent: true, error: 'timeout' },
        new Date(),
      ),
    ).toBeUndefined();
    expect(row()).toMatchObject({ status: 'PROCESSING', state: 'leased', attempts: 0 });
    expect(applyOutcome(store.db, live, AUTH, new Date())).toEqual({
      documentId: live.documentId,
      from: 'PROCESSING',
      to: 'AUTHORIZED',
    });
    expect(row()).toMatchObject({ status: 'AUTHORIZED', cufe: 'FE-x', state: 'done' });
  });

  it("records HKA's authorisation even from a stale claim, from QUEUED, along legal transitions", () => {
    const { store, row } = setup();
    const [stale] = claimDueJobs(store.db, 'w1', T, 10, 1);
    if (!stale) throw new Error('claim failed');
    store.sqlite.prepare("UPDATE documents SET status = 'QUEUED'").run();
    store.sqlite.prepare("UPDATE outbox_jobs SET state = 'pending', lease_owner = NULL").run();
    expect(applyOutcome(store.db, stale, AUTH, new Date())).toMatchObject({ from: 'QUEUED', to: 'AUTHORIZED' });
    expect(row()).toMatchObject({ status: 'AUTHORIZED', cufe: 'FE-x', state: 'done' });
    const audit = store.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'document.%'").pluck().all();
    expect(audit).toEqual(['document.authorized']);
  });
});
