// The users table: who may sign in, their role, their PIN hash and the lock counters. The hash never leaves this
// module except to the PIN check (UserRecord); what the IPC answers is a UserView.
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { UserRole, UserView } from '../../shared/ipc/areas/auth/contract';
import type { StoreDb } from '../store/open-database';
import { users } from '../store/schema';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: number | null;
  active: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: UserRole;
  pinHash: string;
}

type Tx = Pick<StoreDb, 'select' | 'insert' | 'update'>;

function toRecord(row: typeof users.$inferSelect): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as UserRole,
    pinHash: row.pinHash,
    failedAttempts: row.failedAttempts,
    lockedUntil: row.lockedUntil,
    active: row.active === 1,
  };
}

export function toUserView(record: UserRecord, now: Date): UserView {
  const locked = record.lockedUntil !== null && record.lockedUntil > now.getTime();
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    active: record.active,
    lockedUntil: locked && record.lockedUntil !== null ? new Date(record.lockedUntil).toISOString() : null,
  };
}

export function findUser(db: Tx, username: string): UserRecord | undefined {
  const row = db.select().from(users).where(eq(users.username, username)).get();
  return row ? toRecord(row) : undefined;
}

export function findUserById(db: Tx, id: string): UserRecord | undefined {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  return row ? toRecord(row) : undefined;
}

export function listUsers(db: Tx): UserRecord[] {
  return db.select().from(users).orderBy(users.displayName).all().map(toRecord);
}

export function countUsers(db: Tx): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function insertUser(db: Tx, user: NewUser, at: Date): UserRecord {
  const row = db
    .insert(users)
    .values({ id: randomUUID(), ...user, createdAt: at.toISOString() })
    .returning()
    .get();
  return toRecord(row);
}

/** One more wrong PIN; at `maxFailures` the user is locked until `lockUntil` and the count starts again. */
export function recordFailure(db: Tx, userId: string, maxFailures: number, lockUntil: number): { locked: boolean } {
  const current = db.select({ failedAttempts: users.failedAttempts }).from(users).where(eq(users.id, userId)).get();
  const failures = (current?.failedAttempts ?? 0) + 1;
  const locked = failures >= maxFailures;
  db.update(users)
    .set(locked ? { failedAttempts: 0, lockedUntil: lockUntil } : { failedAttempts: failures })
    .where(eq(users.id, userId))
    .run();
  return { locked };
}

export function clearFailures(db: Tx, userId: string): void {
  db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
}

export function setUserActive(db: Tx, userId: string, active: boolean): void {
  db.update(users)
    .set({ active: active ? 1 : 0 })
    .where(eq(users.id, userId))
    .run();
}

export function countActiveManagers(db: Tx): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'gerente'), eq(users.active, 1)))
      .get()?.n ?? 0
  );
}

export function updatePinHash(db: Tx, userId: string, pinHash: string): void {
  db.update(users).set({ pinHash, failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
}
