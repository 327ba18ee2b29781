import { describe, expect, it } from 'vitest';
import type { UserView } from '../../../shared/ipc/areas/auth/contract';
import { lockTimeOf, lockedUntilTime } from './lock-time';

const at = (h: number, m: number) => new Date(2026, 10, 28, h, m, 0);

describe('lockedUntilTime', () => {
  it('shows the end of a running lock as HH:MM, 24 h, local time', () => {
    expect(lockedUntilTime(at(15, 7).toISOString(), at(15, 2))).toBe('15:07');
    expect(lockedUntilTime(at(9, 0).toISOString(), at(8, 59))).toBe('09:00');
  });

  it('says nothing for no lock, a lock that already ended, or an unreadable time', () => {
    expect(lockedUntilTime(null, at(15, 2))).toBeNull();
    expect(lockedUntilTime(at(15, 2).toISOString(), at(15, 2))).toBeNull();
    expect(lockedUntilTime('mañana', at(15, 2))).toBeNull();
  });
});

describe('lockTimeOf', () => {
  const user = (username: string, lockedUntil: string | null): UserView => ({
    id: username,
    username,
    displayName: username,
    role: 'cajero',
    active: true,
    lockedUntil,
  });

  it('finds the named user in the list and ignores the others', () => {
    const users = [user('ana', null), user('beto', at(10, 30).toISOString())];
    expect(lockTimeOf(users, 'beto', at(10, 25))).toBe('10:30');
    expect(lockTimeOf(users, 'ana', at(10, 25))).toBeNull();
    expect(lockTimeOf(users, 'nadie', at(10, 25))).toBeNull();
  });
});
