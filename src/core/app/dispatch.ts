// One call across a bridge (Electron IPC or the web host's loopback HTTP): look the channel up in the contract, parse
// the payload with its request schema, run the handler, and answer an IpcResult. Malformed input never reaches the
// handler; errors come back as data with a Spanish message, never with a stack trace or an exception's details.
import { z } from 'zod';
import { formatPath, locationPrefix, type Violation } from '../../shared/fiscal/validate';
import type { IpcResult } from '../../shared/ipc/api';
import { ipcContract, type Channel, type ParsedRequest, type Response } from '../../shared/ipc/contract';
import { AppError, INTERNAL_ERROR, summarizeViolations } from './app-error';

/** The core's implementation of the contract: one handler per channel. */
export type IpcHandlers = { [C in Channel]: (request: ParsedRequest<C>) => Promise<Response<C>> };

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
    const rule = issue.code === 'custom' && typeof issue.params?.['rule'] === 'string' ? issue.params['rule'] : issue.code;
    let message = prefix ? `${prefix}${issue.message}` : capitalize(issue.message);
    if (fiscal === undefined && dotted !== '') message = `${message} (${dotted})`;
    return { path: dotted, message, rule };
  });
}

export async function dispatchIpc(handlers: IpcHandlers, channel: string, payload: unknown, log?: DispatchLog): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'invalid_request', message: 'Operación desconocida' } };
  }
  const parsed = ipcContract[channel].request.safeParse(payload ?? {}, { error: SPANISH.localeError });
  if (!parsed.success) {
    const violations = violationsFromZod(parsed.error.issues);
    return { ok: false, error: { code: 'invalid_request', message: summarizeViolations(violations), violations } };
  }
  // The contract guarantees parsed.data matches the channel's handler; TypeScript cannot correlate the two unions.
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
    // Name and message only: a stack or a wrapped cause could carry request data.
    log?.error(`IPC ${channel} failed`, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return { ok: false, error: INTERNAL_ERROR };
  }
}
