// Console users of the caller's organisation: owners (everything an admin key may do) and accountants (reads only,
// enforced by the route guard). Sign-in exchanges login + password for a session token (`sgu.<org>.<secret>`,
// 12 hours); disabling a user ends their sessions at once (the guard checks the user on every request).
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../shared/sync/storable';
import { hashCredential, newCredential } from '../auth/credential-secrets';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { consoleSessions, consoleUsers } from '../db/head-office-schema';
import { sqlStateOf } from '../db/sql-error';
import { isoUtc, isoUtcOrNull } from '../db/sql-helpers';
import type { TenantDatabase } from '../db/tenant-db';

export const CONSOLE_ROLES = ['owner', 'accountant'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];
export const SESSION_HOURS = 12;

const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._@-]{3,100}$/, { error: 'must be 3-100 letters, digits or "._@-"' });
const password = z.string().min(12).max(200).refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE });

export const createUserSchema = z.object({ login, password, role: z.enum(CONSOLE_ROLES) }).strict();
/** The login is compared in SQL, so it must be text PostgreSQL can hold (a NUL would be a 500). */
export const signInSchema = z
  .object({
    organisationId: z.uuid(),
    login: z.string().min(1).max(100).refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE }),
    password: z.string().min(1).max(200),
  })
  .strict();

export interface ConsoleUserView {
  id: string;
  login: string;
  role: string;
  createdAt: string;
  disabledAt: string | null;
}

export class LoginTakenError extends Error {
  override readonly name = 'LoginTakenError';
}

const userColumns = {
  id: consoleUsers.id,
  login: consoleUsers.login,
  role: consoleUsers.role,
  createdAt: isoUtc(consoleUsers.createdAt),
  disabledAt: isoUtcOrNull(consoleUsers.disabledAt),
};

export async function createConsoleUser(
  db: TenantDatabase,
  orgId: string,
  input: z.output<typeof createUserSchema>,
): Promise<ConsoleUserView> {
  const passwordHash = await hashPassword(input.password);
  return db.withTenant(orgId, async (tx) => {
    const [taken] = await tx
      .select({ id: consoleUsers.id })
      .from(consoleUsers)
      .where(eq(consoleUsers.login, input.login))
      .limit(1);
    if (taken) throw new LoginTakenError(`Login ${input.login} already exists`);
    try {
      const [row] = await tx
        .insert(consoleUsers)
        .values({ orgId, login: input.login, passwordHash, role: input.role })
        .returning(userColumns);
      if (!row) throw new Error('User insert returned nothing');
      return row;
    } catch (error) {
      if (sqlStateOf(error) === '23505') throw new LoginTakenError(`Login ${input.login} already exists`);
      throw error;
    }
  });
}

export async function listConsoleUsers(db: TenantDatabase, orgId: string): Promise<ConsoleUserView[]> {
  return db.withTenant(orgId, (tx) => tx.select(userColumns).from(consoleUsers).orderBy(consoleUsers.login));
}

/** Disables the user (and so every session of theirs); undefined when no such user exists in the organisation. */
export async function disableConsoleUser(
  db: TenantDatabase,
  orgId: string,
  userId: string,
): Promise<ConsoleUserView | undefined> {
  return db.withTenant(orgId, async (tx) => {
    await tx
      .update(consoleUsers)
      .set({ disabledAt: sql`now()` })
      .where(and(eq(consoleUsers.id, userId), isNull(consoleUsers.disabledAt)));
    await tx
      .update(consoleSessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(consoleSessions.userId, userId), isNull(consoleSessions.endedAt)));
    const [row] = await tx.select(userColumns).from(consoleUsers).where(eq(consoleUsers.id, userId));
    return row;
  });
}

export interface SignedIn {
  token: string;
  login: string;
  role: ConsoleRole;
  expiresAt: string;
}

/** A session for the right login and password of an enabled user; undefined otherwise (always as slow). */
export async function signIn(db: TenantDatabase, input: z.output<typeof signInSchema>): Promise<SignedIn | undefined> {
  const orgId = input.organisationId;
  const wanted = input.login.trim().toLowerCase();
  const [user] = await db.withTenant(orgId, (tx) =>
    tx
      .select({
        id: consoleUsers.id,
        login: consoleUsers.login,
        role: consoleUsers.role,
        hash: consoleUsers.passwordHash,
      })
      .from(consoleUsers)
      .where(and(eq(consoleUsers.login, wanted), isNull(consoleUsers.disabledAt)))
      .limit(1),
  );
  const matches = await verifyPassword(input.password, user?.hash ?? (await dummyPasswordHash()));
  if (!user || !matches) return undefined;
  const token = newCredential('user', orgId);
  const [session] = await db.withTenant(orgId, (tx) =>
    tx
      .insert(consoleSessions)
      .values({
        orgId,
        userId: user.id,
        tokenHash: hashCredential(token),
        expiresAt: sql`now() + make_interval(hours => ${SESSION_HOURS})`,
      })
      .returning({ expiresAt: isoUtc(consoleSessions.expiresAt) }),
  );
  if (!session) throw new Error('Session insert returned nothing');
  return {
    token,
    login: user.login,
    role: user.role === 'owner' ? 'owner' : 'accountant',
    expiresAt: session.expiresAt,
  };
}

/** Ends the session of `token` (sign-out). */
export async function endSession(db: TenantDatabase, orgId: string, token: string): Promise<void> {
  await db.withTenant(orgId, (tx) =>
    tx
      .update(consoleSessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(consoleSessions.tokenHash, hashCredential(token)), isNull(consoleSessions.endedAt))),
  );
}

/** The live session's user, for the guard: enabled, session neither ended nor expired. */
export async function sessionUser(
  db: TenantDatabase,
  orgId: string,
  token: string,
): Promise<{ userId: string; role: ConsoleRole } | undefined> {
  return db.withTenant(orgId, async (tx) => {
    const [row] = await tx
      .select({ userId: consoleUsers.id, role: consoleUsers.role })
      .from(consoleSessions)
      .innerJoin(consoleUsers, eq(consoleUsers.id, consoleSessions.userId))
      .where(
        and(
          eq(consoleSessions.tokenHash, hashCredential(token)),
          isNull(consoleSessions.endedAt),
          gt(consoleSessions.expiresAt, sql`now()`),
          isNull(consoleUsers.disabledAt),
        ),
      )
      .limit(1);
    return row && { userId: row.userId, role: row.role === 'owner' ? 'owner' : 'accountant' };
  });
}
