// "bloqueado hasta HH:MM": when a user's sign-in lock (after too many wrong PINs) ends, in the register's local time.
import type { UserView } from '../../../shared/ipc/areas/auth/contract';

/** The lock's end as HH:MM (24 h), or null when the user is not locked at `now`. */
export function lockedUntilTime(lockedUntil: string | null, now: Date): string | null {
  if (lockedUntil === null) return null;
  const until = new Date(lockedUntil);
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) return null;
  return `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`;
}

/** The lock end of `username` in a fresh auth:users answer, if locked. */
export function lockTimeOf(users: readonly UserView[], username: string, now: Date): string | null {
  const user = users.find((u) => u.username === username);
  return user ? lockedUntilTime(user.lockedUntil, now) : null;
}
