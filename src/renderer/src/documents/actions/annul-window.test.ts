import { describe, expect, it } from 'vitest';
import { annulWindow, checkMotivo, panamaMinute } from './annul-window';

describe('annulWindow', () => {
  const until = '2026-12-05T23:59:59-05:00';

  it('is open until the deadline the core gave, and shows it in Panamá time', () => {
    expect(annulWindow({ status: 'AUTHORIZED', annulableUntil: until }, new Date('2026-12-05T12:00:00-05:00'))).toEqual(
      { kind: 'open', until: '05/12/2026 23:59' },
    );
  });

  it('is closed one second after the deadline', () => {
    expect(annulWindow({ status: 'AUTHORIZED', annulableUntil: until }, new Date('2026-12-06T00:00:00-05:00'))).toEqual(
      { kind: 'closed', until: '05/12/2026 23:59' },
    );
  });

  it('offers nothing for documents that are not authorised', () => {
    for (const status of ['QUEUED', 'REJECTED', 'ANNULLED'] as const) {
      expect(annulWindow({ status, annulableUntil: until }, new Date('2026-12-01T00:00:00Z'))).toEqual({
        kind: 'none',
      });
    }
  });

  it('is unknown when the core gave no (or an unreadable) deadline', () => {
    expect(annulWindow({ status: 'AUTHORIZED' }, new Date())).toEqual({ kind: 'unknown' });
    expect(annulWindow({ status: 'AUTHORIZED', annulableUntil: null }, new Date())).toEqual({ kind: 'unknown' });
    expect(annulWindow({ status: 'AUTHORIZED', annulableUntil: 'mañana' }, new Date())).toEqual({ kind: 'unknown' });
  });
});

describe('panamaMinute', () => {
  it('converts a UTC instant to Panamá (UTC−5)', () => {
    expect(panamaMinute('2026-12-06T03:30:00.000Z')).toBe('05/12/2026 22:30');
  });
  it('leaves an unreadable value as it is', () => {
    expect(panamaMinute('n/a')).toBe('n/a');
  });
});

describe('checkMotivo', () => {
  it('needs 15 to 250 characters once trimmed', () => {
    expect(checkMotivo('   corto        ')).toBe('motivoShort');
    expect(checkMotivo('a'.repeat(14))).toBe('motivoShort');
    expect(checkMotivo('a'.repeat(15))).toBeNull();
    expect(checkMotivo(` ${'a'.repeat(250)} `)).toBeNull();
    expect(checkMotivo('a'.repeat(251))).toBe('motivoLong');
  });
});
