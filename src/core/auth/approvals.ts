// One-action approvals: a manager's PIN yields a random token bound to one action name, good once and only until it
// expires. Tokens live in memory only (a restart voids them), never in the database, the audit trail or a log.
import { randomBytes } from 'node:crypto';

interface Pending {
  action: string;
  actor: string;
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

  issue(action: string, actor: string, now: Date): IssuedApproval {
    this.prune(now);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now.getTime() + this.ttlMs;
    this.pending.set(token, { action, actor, expiresAt });
    return { token, action, approvedBy: actor, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * The approving manager when the token is live and for this action; it is then spent. A token shown for another
   * action is refused but stays good for its own (the screen may simply have asked the wrong channel first).
   */
  consume(token: string, action: string, now: Date): { actor: string } | undefined {
    const entry = this.pending.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= now.getTime()) {
      this.pending.delete(token);
      return undefined;
    }
    if (entry.action !== action) return undefined;
    this.pending.delete(token);
    return { actor: entry.actor };
  }

  private prune(now: Date): void {
    for (const [token, entry] of this.pending) if (entry.expiresAt <= now.getTime()) this.pending.delete(token);
  }
}
