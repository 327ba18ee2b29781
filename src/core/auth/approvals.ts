// One-action approvals: a manager's PIN yields a random token bound to one action name and to the session it was
// given over, good once and only until it expires. Tokens live in memory only (a restart voids them), never in the
// database, the audit trail or a log.
import { randomBytes } from 'node:crypto';

interface Pending {
  action: string;
  /** The approving gerente's user id. */
  approverId: string;
  /** The user signed in when the approval was given (undefined: nobody); only that session may spend it. */
  overUserId: string | undefined;
  expiresAt: number;
}

export interface IssuedApproval {
  token: string;
  action: string;
  approvedBy: string;
  expiresAt: string;
}

export class ApprovalBook {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly ttlMs: number) {}

  issue(
    action: string,
    approver: { id: string; username: string },
    overUserId: string | undefined,
    now: Date,
  ): IssuedApproval {
    this.prune(now);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now.getTime() + this.ttlMs;
    this.pending.set(token, { action, approverId: approver.id, overUserId, expiresAt });
    return { token, action, approvedBy: approver.username, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * The approving gerente's id when the token is live, for this action and spent by the session it was given over;
   * it is then used up. A token shown for another action is refused but stays good for its own (the screen may
   * simply have asked the wrong channel first).
   */
  consume(token: string, action: string, spenderId: string | undefined, now: Date): { approverId: string } | undefined {
    const entry = this.pending.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= now.getTime()) {
      this.pending.delete(token);
      return undefined;
    }
    if (entry.action !== action || entry.overUserId !== spenderId) return undefined;
    this.pending.delete(token);
    return { approverId: entry.approverId };
  }

  private prune(now: Date): void {
    for (const [token, entry] of this.pending) if (entry.expiresAt <= now.getTime()) this.pending.delete(token);
  }
}
