// Who is behind an IPC call, as the dispatcher established it from the register's session (never from the payload).
// Each handler receives the caller its channel's access rule guarantees: an `open` channel may have nobody signed in;
// every other channel has a signed-in user; an `approval:X` channel also names the gerente answerable for the call
// (the user when a gerente, else the one whose one-shot approval the cashier presented).
import type { AccessRule, ApprovalRule } from '../../shared/ipc/access';
import type { UserRole } from '../../shared/ipc/areas/auth/contract';
import type { AuditActor } from '../store/audit';
import { approvalRequired } from './app-error';

export interface ActingUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
}

/** The register's session as the dispatcher needs it (core/auth/auth-service.ts implements it). */
export interface SessionGate {
  currentUser(): ActingUser | undefined;
  /** Spends a gerente's approval for `action`: the approving gerente, or undefined (unknown, used, expired, other action, deactivated). */
  consumeApproval(token: string, action: string): ActingUser | undefined;
}

export interface OpenCaller {
  readonly user: ActingUser | undefined;
}

export interface SignedInCaller {
  readonly user: ActingUser;
  /**
   * A conditional approval inside a signed-in channel (loss prevention: a price override, a Z with a difference…):
   * the gerente who authorises `action` — the user when a gerente, else the gerente whose approval token is given,
   * spending it — or AppError approval_required (with `message`, which says what needs the gerente).
   */
  authorize(action: string, approval: string | undefined, message?: string): ActingUser;
}

export interface ApprovedCaller extends SignedInCaller {
  /** The gerente answerable for this call: the user when a gerente, else the approver. */
  readonly manager: ActingUser;
  /** The approving gerente when the user is not one (audit: "approved by"). */
  readonly approvedBy: ActingUser | undefined;
}

export type CallerFor<R extends AccessRule> = R extends 'open'
  ? OpenCaller
  : R extends ApprovalRule
    ? ApprovedCaller
    : SignedInCaller;

export const SIGN_IN_REQUIRED = 'Inicie sesión para continuar';
export const MANAGER_SESSION_REQUIRED = 'Solo un gerente con sesión iniciada puede hacer esto';
export const MANAGER_REQUIRED = 'Esta acción necesita la autorización de un gerente (usuario y PIN)';

export function signedInCaller(gate: SessionGate, user: ActingUser): SignedInCaller {
  return {
    user,
    authorize(action, approval, message = MANAGER_REQUIRED) {
      if (user.role === 'gerente') return user;
      const approver = approval === undefined ? undefined : gate.consumeApproval(approval, action);
      if (!approver) throw approvalRequired(action, message);
      return approver;
    },
  };
}

/** The caller of an approval:X channel, or AppError approval_required when neither the user nor the token is a gerente's. */
export function approvedCaller(
  gate: SessionGate,
  user: ActingUser,
  action: string,
  approval: string | undefined,
): ApprovedCaller {
  const base = signedInCaller(gate, user);
  const manager = base.authorize(action, approval);
  return { ...base, manager, approvedBy: manager === user ? undefined : manager };
}

/** Audit fields naming the person behind a call (and the approving gerente, when another person approved it). */
export function auditedBy(user: ActingUser, approver?: ActingUser): AuditActor {
  return { actor: user.id, ...(approver && approver.id !== user.id ? { approvedBy: approver.id } : {}) };
}

/** A request without its approval token: what the use case is given (the token was the dispatcher's business). */
export function withoutApproval<T extends { approval?: unknown }>(request: T): Omit<T, 'approval'> {
  const copy: Partial<T> = { ...request };
  delete copy.approval;
  return copy as Omit<T, 'approval'>;
}
