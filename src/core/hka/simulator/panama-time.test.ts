import { describe, expect, it } from 'vitest';
import { addMonths, calendarDaysBetween, panamaDate, panamaIso, panamaSpaced } from './panama-time';

describe('Panamá time', () => {
  const lateEvening = new Date('2026-01-01T03:30:05Z'); // 22:30:05 on Dec 31 in Panamá

  it('formats in UTC−05:00, including the date change', () => {
    expect(panamaIso(lateEvening)).toBe('2025-12-31T22:30:05-05:00');
    expect(panamaSpaced(lateEvening)).toBe('2025-12-31 22:30:05');
    expect(panamaDate(lateEvening)).toBe('2025-12-31');
  });

  it('counts calendar days and adds months with the day clamped', () => {
    expect(calendarDaysBetween('2025-12-31', '2026-01-07')).toBe(7);
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addMonths('2020-08-12', 1)).toBe('2020-09-12');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2020-08-12', 12)).toBe('2021-08-12');
  });
});
