import { describe, expect, it } from 'vitest';
import { toPanamaDate, toPanamaDateTime, toPanamaDisplay } from './panama-time';

describe('Panamá time', () => {
  it('renders instants at −05:00, across midnight and year end', () => {
    expect(toPanamaDateTime(new Date('2026-11-28T15:04:05.678Z'))).toBe('2026-11-28T10:04:05-05:00');
    expect(toPanamaDateTime(new Date('2027-01-01T03:00:00Z'))).toBe('2026-12-31T22:00:00-05:00');
    expect(toPanamaDate(new Date('2027-01-01T04:59:59Z'))).toBe('2026-12-31');
    expect(toPanamaDate(new Date('2027-01-01T05:00:00Z'))).toBe('2027-01-01');
    // Day first, as Panamanians read it (not Intl's es-PA month-first short date).
    expect(toPanamaDisplay(new Date('2027-01-01T03:00:00Z'))).toBe('31/12/2026 22:00:00');
    expect(toPanamaDisplay(new Date('2026-05-12T17:07:42Z'))).toBe('12/05/2026 12:07:42');
  });
});
