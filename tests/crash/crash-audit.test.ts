// The crash test's judge must be able to say no: each kind of damage a crash could do is planted here and must be
// reported. Also pins how a kill is placed in its window, from the child's last line, the file and the ledger.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/core/hka/simulator';
import { formatEvent, parseEvent, type ChildEvent } from './child-protocol';
import { auditOutcome, killWindows, type RegisterDocument, type RegisterSnapshot } from './crash-audit';

const SERIES = '0000/001/01';
const cufeOf = (n: number): string => `CUFE-${n}`;
const doc = (n: number, extra: Partial<RegisterDocument> = {}): RegisterDocument => ({
  id: `doc-${n}`,
  series: SERIES,
  numero: n,
  status: 'AUTHORIZED',
  cufe: cufeOf(n),
  ...extra,
});
const entry = (n: number, cufe = cufeOf(n)): LedgerEntry => ({
  cufe,
  ruc: '155596713-2-2015',
  codigoSucursalEmisor: '0000',
  puntoFacturacionFiscal: '001',
  numeroDocumentoFiscal: String(n).padStart(10, '0'),
  tipoDocumento: '01',
  tipoEmision: '01',
  authorizedAt: '2026-11-28T10:00:00-05:00',
});
function registerOf(
  docs: RegisterDocument[],
  jobs: RegisterSnapshot['jobs'] = docs.map((d) => ({ documentId: d.id, state: 'done', updatedAtMs: 0 })),
): RegisterSnapshot {
  return { documents: docs, jobs, lastNumbers: new Map([[SERIES, Math.max(0, ...docs.map((d) => d.numero))]]) };
}
const acked = (...numbers: number[]) => numbers.map((n) => ({ documentId: `doc-${n}`, numero: n }));

describe('auditOutcome', () => {
  it('accepts a clean run, including a sale committed but never acknowledged', () => {
    expect(auditOutcome(registerOf([doc(1), doc(2), doc(3)]), [entry(1), entry(3), entry(2)], acked(1, 2))).toEqual([]);
  });

  it('reports a lost acknowledged sale, a gap, a repeat and a stale last number', () => {
    const register = registerOf([doc(1), doc(3), doc(3, { id: 'doc-3b' })]);
    register.lastNumbers.set(SERIES, 5);
    expect(auditOutcome(register, [entry(1), entry(3)], acked(1, 2))).toEqual(
      expect.arrayContaining([
        'acknowledged sale doc-2 (número 2) is missing from the register',
        `series ${SERIES}: 1 números missing (gaps), first 2`,
        `series ${SERIES}: 1 números used twice, first 3`,
        `series ${SERIES}: last number taken is 5, but 3 documents exist`,
      ]),
    );
  });

  it('reports documents not authorised, jobs not done, and every disagreement with HKA’s ledger', () => {
    const register = registerOf([doc(1), doc(2, { status: 'QUEUED', cufe: null }), doc(3)]);
    const problems = auditOutcome(register, [entry(1), entry(1), entry(3, 'OTHER'), entry(4)], acked(1));
    expect(problems).toEqual(
      expect.arrayContaining([
        `document ${SERIES}#2 is QUEUED (cufe none)`,
        `HKA authorised ${SERIES}#1 more than once`,
        `document ${SERIES}#2 is not in HKA's ledger`,
        `document ${SERIES}#3: register CUFE CUFE-3, HKA's OTHER`,
        `HKA's ledger has ${SERIES}#4, which the register never issued`,
      ]),
    );
    const pending = registerOf([doc(1)], [{ documentId: 'doc-1', state: 'pending', updatedAtMs: 0 }]);
    expect(auditOutcome(pending, [entry(1)], [])).toEqual([`document ${SERIES}#1 has job state pending`]);
  });
});

describe('killWindows', () => {
  const spawnedAtMs = 1_000;
  const events = (...kinds: ChildEvent[]): ChildEvent[] => [{ kind: 'READY' }, ...kinds];

  it('tells a rolled-back transaction from a committed, unacknowledged one', () => {
    const base = { spawnedAtMs, ledgerAtKill: [], ledgerLengthAtSpawn: 0 };
    const tx: ChildEvent = { kind: 'TX', documentId: 'doc-2' };
    expect(killWindows({ ...base, events: events(tx), register: registerOf([doc(1)]) })).toEqual([
      'capture: mid-transaction (rolled back)',
    ]);
    expect(killWindows({ ...base, events: events(tx), register: registerOf([doc(1), doc(2)]) })).toEqual([
      'capture: committed, not yet acknowledged',
    ]);
    expect(killWindows({ ...base, events: [{ kind: 'CAP' }], register: registerOf([]) })).toEqual([
      'starting up (before READY)',
      'capture: before its transaction',
    ]);
  });

  it('places this child’s leases against the ledger at the kill, and ignores leases of earlier children', () => {
    const jobs = [
      { documentId: 'doc-1', state: 'leased', updatedAtMs: spawnedAtMs + 5 }, // HKA had it before this child: recovery
      { documentId: 'doc-2', state: 'leased', updatedAtMs: spawnedAtMs + 5 }, // committed during this child's life
      { documentId: 'doc-3', state: 'leased', updatedAtMs: spawnedAtMs + 5 }, // not at HKA
      { documentId: 'doc-4', state: 'leased', updatedAtMs: spawnedAtMs - 5 }, // an earlier child's lease
    ];
    const register = registerOf([doc(1), doc(2), doc(3), doc(4)], jobs);
    const windows = killWindows({
      events: events({ kind: 'ACK', documentId: 'doc-4', numero: 4 }),
      spawnedAtMs,
      register,
      ledgerAtKill: [entry(1), entry(2)],
      ledgerLengthAtSpawn: 1,
    });
    expect(windows).toEqual([
      'transmission: claimed or Enviar in flight, not at HKA',
      'transmission: HKA committed, reply not applied',
      'recovery: re-claimed a sale HKA already had',
    ]);
    const onlyOld = registerOf([doc(4)], [jobs[3] as RegisterSnapshot['jobs'][number]]);
    expect(
      killWindows({ events: events(), spawnedAtMs, register: onlyOld, ledgerAtKill: [], ledgerLengthAtSpawn: 0 }),
    ).toEqual(['idle (between sales, nothing in flight)']);
  });
});

describe('child protocol', () => {
  it('round-trips every event and ignores stray output', () => {
    const all: ChildEvent[] = [
      { kind: 'READY' },
      { kind: 'CAP' },
      { kind: 'TX', documentId: 'a-1' },
      { kind: 'ACK', documentId: 'a-1', numero: 12 },
      { kind: 'DRAINED', parked: 0, failed: 1 },
      { kind: 'ERROR', message: 'boom at line 3' },
    ];
    expect(all.map((e) => parseEvent(formatEvent(e)))).toEqual(all);
    expect(parseEvent('(node:1) Warning: something')).toBeUndefined();
    expect(parseEvent('ACK a-1 twelve')).toBeUndefined();
  });
});
