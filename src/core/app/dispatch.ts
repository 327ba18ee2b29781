// One call across a bridge (Electron IPC or the web host's loopback HTTP): look the channel up in the contract,
// enforce its access rule against the register's session, parse the payload with its request schema, run the handler
// with the caller the rule guarantees, and answer an IpcResult. Nobody signed in reaches only `open` channels; malformed
// input never reaches a handler; errors come back as data with a Spanish message, never with a stack trace.
import { z } from 'zod';
import { formatPath, locationPrefix, type Violation } from '../../shared/fiscal/validate';
import { approvalActionOf } from '../../shared/ipc/access';
import type { IpcResult } from '../../shared/ipc/api';
import { ipcContract, type AccessOf, type Channel, type ParsedRequest, type Response } from '../../shared/ipc/contract';
import { AppError, approvalRequired, INTERNAL_ERROR, summarizeViolations } from './app-error';
import {
  approvedCaller,
  MANAGER_REQUIRED,
  MANAGER_SESSION_REQUIRED,
  SIGN_IN_REQUIRED,
  signedInCaller,
  type CallerFor,
  type OpenCaller,
  type SessionGate,
} from './caller';

/** The core's implementation of the contract: one handler per channel, given the caller its access rule guarantees. */
export type IpcHandlers = {
  [C in Channel]: (request: ParsedRequest<C>, caller: CallerFor<AccessOf<C>>) => Promise<Response<C>>;
};

/** What a bridge serves: the handler map and the session that decides who may call what. */
export interface IpcBinding {
  handlers: IpcHandlers;
  session: SessionGate;
  /** Refuses every call while the data is replaced (a backup restore); see maintenance-gate.ts. */
  maintenance?: { refusal(): string | undefined };
}

export interface DispatchLog {
  error(message: string, meta?: Record<string, unknown>): void;
}

const SPANISH = z.locales.es();

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(ipcContract, name);
}

/** Paths as the fiscal domain names them: a sale draft is the document, a customer's receptor is the cliente. */
function fiscalPath(path: readonly PropertyKey[]): readonly PropertyKey[] | undefined {
  if (path[0] === 'draft') return path.slice(1);
  if (path[0] === 'receptor') return ['cliente', ...path.slice(1)];
  return undefined;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Violations with messages for people. Fiscal fields carry their own Spanish messages ("Ítem 2: la cantidad…");
 * other fields get zod's Spanish locale plus the field's name, since those only fail on a programming error.
 */
export function violationsFromZod(issues: readonly z.core.$ZodIssue[]): Violation[] {
  return issues.map((issue) => {
    const fiscal = fiscalPath(issue.path);
    const path = fiscal ?? issue.path;
    const dotted = formatPath(path);
    const prefix = locationPrefix(path);
    const rule =
      issue.code === 'custom' && typeof issue.params?.['rule'] === 'string' ? issue.params['rule'] : issue.code;
    let message = prefix ? `${prefix}${issue.message}` : capitalize(issue.message);
    if (fiscal === undefined && dotted !== '') message = `${message} (${dotted})`;
    return { path: dotted, message, rule };
  });
}

const refused = (message: string): IpcResult<never> => ({ ok: false, error: { code: 'not_allowed', message } });

/** The approval token a request carries (the contract's `approval` field of approval:X channels). */
function approvalTokenOf(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const token = (request as { approval?: unknown }).approval;
  return typeof token === 'string' ? token : undefined;
}

export async function dispatchIpc(
  binding: IpcBinding,
  channel: string,
  payload: unknown,
  log?: DispatchLog,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'invalid_request', message: 'Operación desconocida' } };
  }
  const { access } = ipcContract[channel];
  const closed = binding.maintenance?.refusal();
  if (closed !== undefined) return refused(closed);
  // Who first, what second: a signed-out till learns nothing about a request's shape, and spends nothing.
  const user = binding.session.currentUser();
  if (access !== 'open' && !user) return refused(SIGN_IN_REQUIRED);
  if (access === 'gerente' && user?.role !== 'gerente') return refused(MANAGER_SESSION_REQUIRED);
  // A cashier without any approval token is told so before the payload is read; a token is spent only once the
  // request has parsed (a malformed request must not use up the gerente's PIN).
  const approvalAction = approvalActionOf(access);
  if (approvalAction !== undefined && user?.role !== 'gerente' && approvalTokenOf(payload) === undefined) {
    return { ok: false, error: approvalRequired(approvalAction, MANAGER_REQUIRED).toIpcError() };
  }
  const parsed = ipcContract[channel].request.safeParse(payload ?? {}, { error: SPANISH.localeError });
  if (!parsed.success) {
    const violations = violationsFromZod(parsed.error.issues);
    return { ok: false, error: { code: 'invalid_request', message: summarizeViolations(violations), violations } };
  }
  // The contract guarantees parsed.data and the caller match the channel's handler; TypeScript cannot correlate the
  // unions of a channel picked at run time.
  const handler = binding.handlers[channel] as (request: unknown, caller: unknown) => Promise<unknown>;
  try {
    const caller = callerOf(binding.session, access, parsed.data, user);
    return { ok: true, value: await handler(parsed.data, caller) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
    // Name and message only: a stack or a wrapped cause could carry request data.
    log?.error(`IPC ${channel} failed`, {
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return { ok: false, error: INTERNAL_ERROR };
  }
}

function callerOf(
  session: SessionGate,
  access: AccessOf<Channel>,
  request: unknown,
  user: OpenCaller['user'],
): unknown {
  if (access === 'open') return { user } satisfies OpenCaller;
  if (!user) throw new AppError('not_allowed', SIGN_IN_REQUIRED); // checked above; kept for the type
  const action = approvalActionOf(access);
  return action === undefined
    ? signedInCaller(session, user)
    : approvedCaller(session, user, action, approvalTokenOf(request));
}
