// Who is at the register: sign-in by user + PIN, the per-user lock after too many wrong PINs, the register-wide brake,
// one-action approvals by a manager, and the user admin a manager does. One service per register database
// (auth-registry.ts); the session lives in memory, so a restart signs everyone out. It is the dispatcher's
// SessionGate: who is signed in, and whose approval a token carries. Every attempt is audited by user id, never with
// the PIN, its hash or an approval token.
import type { SessionView, UserRole, UserView } from '../../shared/ipc/areas/auth/contract';
import { AppError } from '../app/app-error';
import { auditedBy, type ActingUser, type SessionGate } from '../app/caller';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { ApprovalBook, type IssuedApproval } from './approvals';
import { AttemptLimiter } from './attempt-limiter';
import {
  DEFAULT_AUTH_POLICY,
  UNKNOWN_ACTOR,
  WRONG_CREDENTIALS,
  lockedMessage,
  minutesLeft,
  type AuthPolicy,
  type NewUserInput,
} from './auth-policy';
import { decoyHash, hashPin, verifyPin } from './pin-hash';
import {
  clearFailures,
  countActiveManagers,
  countUsers,
  findUser,
  findUserById,
  insertUser,
  listUsers,
  recordFailure,
  setUserActive,
  toUserView,
  updatePinHash,
  type UserRecord,
} from './users-repo';

interface Session extends ActingUser {
  since: Date;
}

const acting = (user: UserRecord): ActingUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

export class AuthService implements SessionGate {
  private session: Session | undefined;
  private readonly approvals: ApprovalBook;
  private readonly limiter: AttemptLimiter;
  /** PIN checks run one at a time, so parallel guesses cannot slip past the lock while a hash is computed. */
  private checks: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: StoreDb,
    private readonly clock: () => Date,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {
    this.approvals = new ApprovalBook(policy.approvalTtlMs);
    this.limiter = new AttemptLimiter(policy.registerMaxFailures, policy.registerWindowMs);
    decoyHash().catch(() => undefined); // computed now, so even the first unknown name answers in a normal check's time
  }

  sessionView(): SessionView {
    const user = this.session
      ? {
          username: this.session.username,
          displayName: this.session.displayName,
          role: this.session.role,
          since: this.session.since.toISOString(),
        }
      : null;
    return { user, setupNeeded: countUsers(this.db) === 0 };
  }

  currentUser(): ActingUser | undefined {
    if (!this.session) return undefined;
    const { id, username, displayName, role } = this.session;
    return { id, username, displayName, role };
  }

  users(): UserView[] {
    const now = this.clock();
    return listUsers(this.db).map((user) => toUserView(user, now));
  }

  async setup(input: NewUserInput): Promise<SessionView> {
    const pinHash = await hashPin(input.pin);
    const now = this.clock();
    const user = this.db.transaction((tx) => {
      if (countUsers(tx) > 0) throw new AppError('not_allowed', 'La caja ya tiene usuarios; inicie sesión');
      const created = insertUser(
        tx,
        { username: input.username, displayName: input.displayName, role: 'gerente', pinHash },
        now,
      );
      appendAudit(
        tx,
        {
          ...auditedBy(acting(created)),
          action: 'auth.setup',
          details: { username: created.username, role: created.role },
        },
        now,
      );
      return created;
    });
    this.startSession(user, now);
    return this.sessionView();
  }

  async signIn(username: string, pin: string): Promise<SessionView> {
    const user = await this.checkPin(username, pin, 'signIn');
    const now = this.clock();
    const previous = this.session?.username;
    this.audit(
      {
        ...auditedBy(acting(user)),
        action: 'auth.signIn',
        details: { role: user.role, ...(previous ? { previous } : {}) },
      },
      now,
    );
    this.startSession(user, now);
    return this.sessionView();
  }

  signOut(): SessionView {
    if (this.session) this.audit({ ...auditedBy(this.session), action: 'auth.signOut' }, this.clock());
    this.session = undefined;
    return this.sessionView();
  }

  /** A manager's PIN, typed over whoever is signed in, for one named action. The session does not change. */
  async approve(username: string, pin: string, action: string): Promise<IssuedApproval> {
    const user = await this.checkPin(username, pin, 'approve');
    const now = this.clock();
    const over = this.session;
    if (user.role !== 'gerente') {
      this.audit(
        { ...auditedBy(acting(user)), action: 'auth.approvalRefused', details: { for: action, reason: 'not_manager' } },
        now,
      );
      throw new AppError('not_allowed', 'Solo un gerente puede autorizar esta acción');
    }
    this.audit(
      {
        ...auditedBy(acting(user)),
        action: 'auth.approved',
        details: { for: action, ...(over ? { over: over.username } : {}) },
      },
      now,
    );
    return this.approvals.issue(action, user, over?.id, now);
  }

  /**
   * The approving gerente, if the token is good for this action, is spent by the session it was given over, and the
   * gerente is still active (not deactivated since).
   */
  consumeApproval(token: string, action: string): ActingUser | undefined {
    const approved = this.approvals.consume(token, action, this.session?.id, this.clock());
    const approver = approved ? findUserById(this.db, approved.approverId) : undefined;
    return approver?.active && approver.role === 'gerente' ? acting(approver) : undefined;
  }

  /** `manager`: the gerente answerable (the dispatcher checked the channel's approval rule). */
  async createUser(input: NewUserInput & { role: UserRole }, manager: ActingUser): Promise<UserView> {
    const pinHash = await hashPin(input.pin);
    const now = this.clock();
    const created = this.db.transaction((tx) => {
      if (findUser(tx, input.username))
        throw new AppError('invalid_request', `El usuario «${input.username}» ya existe`);
      const user = insertUser(
        tx,
        { username: input.username, displayName: input.displayName, role: input.role, pinHash },
        now,
      );
      appendAudit(
        tx,
        {
          ...this.byManager(manager),
          action: 'auth.userCreated',
          details: { username: user.username, role: user.role },
        },
        now,
      );
      return user;
    });
    return toUserView(created, now);
  }

  /** The signed-in user changes their own PIN, proving the current one. */
  async changeOwnPin(self: ActingUser, currentPin: string, newPin: string): Promise<void> {
    const user = await this.checkPin(self.username, currentPin, 'changePin');
    const pinHash = await hashPin(newPin);
    const now = this.clock();
    this.db.transaction((tx) => {
      updatePinHash(tx, user.id, pinHash);
      appendAudit(
        tx,
        { ...auditedBy(acting(user)), action: 'auth.pinChanged', details: { username: user.username } },
        now,
      );
    });
  }

  /** A manager resets someone's PIN (which also lifts a lock). */
  async resetPin(username: string, newPin: string, manager: ActingUser): Promise<void> {
    const pinHash = await hashPin(newPin);
    const now = this.clock();
    this.db.transaction((tx) => {
      const user = findUser(tx, username);
      if (!user) throw new AppError('not_found', 'El usuario no existe');
      updatePinHash(tx, user.id, pinHash);
      clearFailures(tx, user.id);
      appendAudit(
        tx,
        { ...this.byManager(manager), action: 'auth.pinReset', details: { username: user.username } },
        now,
      );
    });
  }

  /**
   * A manager deactivates someone who left (no sign-in, no approvals; history and audit keep the name) or brings
   * them back. Never the last active gerente (nobody could manage the register), never oneself.
   */
  setActive(input: { username: string; active: boolean }, manager: ActingUser): UserView {
    const now = this.clock();
    const updated = this.db.transaction((tx) => {
      const user = findUser(tx, input.username);
      if (!user) throw new AppError('not_found', 'El usuario no existe');
      if (user.active === input.active) return user;
      if (!input.active && user.id === manager.id)
        throw new AppError('not_allowed', 'No puede desactivar su propio usuario');
      // Defence in depth: with approvals bound to active managers and "never oneself", only a race could get here.
      if (!input.active && user.role === 'gerente' && countActiveManagers(tx) <= 1) {
        throw new AppError('not_allowed', 'Debe quedar al menos un gerente activo');
      }
      setUserActive(tx, user.id, input.active);
      appendAudit(
        tx,
        {
          ...this.byManager(manager),
          action: input.active ? 'auth.userReactivated' : 'auth.userDeactivated',
          details: { username: user.username, role: user.role },
        },
        now,
      );
      return { ...user, active: input.active };
    });
    // A cashier deactivated over their own session (a manager's approval) is signed out there and then.
    if (!updated.active && this.session?.id === updated.id) this.session = undefined;
    return toUserView(updated, now);
  }

  /** Audit fields of a manager's action: the signed-in user, and the approving manager when that is someone else. */
  private byManager(manager: ActingUser): Pick<AuditEntry, 'actor' | 'approvedBy'> {
    return auditedBy(this.session ?? manager, manager);
  }

  /**
   * After the users table was replaced (a restored backup): the session survives only if its user exists there, is
   * active and has the same role; otherwise nobody is signed in. Returns whether the session was kept.
   */
  revalidateSession(): boolean {
    if (!this.session) return false;
    const user = findUserById(this.db, this.session.id);
    if (user?.active === true && user.role === this.session.role) return true;
    this.session = undefined;
    return false;
  }

  private startSession(user: UserRecord, at: Date): void {
    this.session = { ...acting(user), since: at };
  }

  private audit(entry: AuditEntry, at: Date): void {
    appendAudit(this.db, entry, at);
  }

  /** The user when the PIN is right; otherwise audits the attempt, counts it, and throws a Spanish not_allowed. */
  private checkPin(username: string, pin: string, purpose: string): Promise<UserRecord> {
    const run = this.checks.then(() => this.checkPinNow(username, pin, purpose));
    this.checks = run.catch(() => undefined);
    return run;
  }

  private async checkPinNow(username: string, pin: string, purpose: string): Promise<UserRecord> {
    const started = this.clock();
    const wait = this.limiter.waitMs(started);
    if (wait > 0) {
      this.audit({ ...UNKNOWN_ACTOR, action: 'auth.refused', details: { purpose, reason: 'rate_limited' } }, started);
      throw new AppError(
        'not_allowed',
        `Demasiados intentos fallidos en esta caja; espere ${Math.ceil(wait / 1000)} s e intente de nuevo`,
      );
    }
    const user = findUser(this.db, username);
    if (!user || !user.active) {
      await verifyPin(pin, await decoyHash()); // same time as a real check: the answer does not tell who exists
      const now = this.clock();
      this.limiter.recordFailure(now);
      this.audit(
        {
          ...(user ? auditedBy(acting(user)) : UNKNOWN_ACTOR),
          action: 'auth.failed',
          details: { purpose, reason: user ? 'inactive' : 'unknown_user' },
        },
        now,
      );
      throw new AppError('not_allowed', WRONG_CREDENTIALS);
    }
    if (user.lockedUntil !== null && user.lockedUntil > started.getTime()) {
      this.audit(
        { ...auditedBy(acting(user)), action: 'auth.refused', details: { purpose, reason: 'locked' } },
        started,
      );
      throw new AppError('not_allowed', lockedMessage(user.lockedUntil - started.getTime()));
    }
    const matches = await verifyPin(pin, user.pinHash);
    const now = this.clock();
    if (matches) {
      if (user.failedAttempts > 0 || user.lockedUntil !== null) clearFailures(this.db, user.id);
      return user;
    }
    this.limiter.recordFailure(now);
    const { locked } = this.db.transaction((tx) => {
      const outcome = recordFailure(tx, user.id, this.policy.maxFailures, now.getTime() + this.policy.lockMs);
      appendAudit(
        tx,
        { ...auditedBy(acting(user)), action: 'auth.failed', details: { purpose, reason: 'wrong_pin' } },
        now,
      );
      if (outcome.locked)
        appendAudit(
          tx,
          { ...auditedBy(acting(user)), action: 'auth.locked', details: { minutes: minutesLeft(this.policy.lockMs) } },
          now,
        );
      return outcome;
    });
    throw new AppError('not_allowed', locked ? lockedMessage(this.policy.lockMs) : WRONG_CREDENTIALS);
  }
}
