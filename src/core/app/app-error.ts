// Errors that cross the IPC boundary as data (IpcError): a stable code, a Spanish message for the cashier and, for
// validation problems, every violation with its field path. Handlers throw AppError; the dispatcher turns it into
// { ok: false, error }. Anything else thrown becomes 'internal' with a generic message (no stack, no details).
import type { IpcError } from '../../shared/ipc/schemas';
import type { Violation } from '../../shared/fiscal/validate';

export type AppErrorCode = IpcError['code'];

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    /** Spanish, shown to the cashier as is. */
    message: string,
    readonly violations?: Violation[],
    /** approval_required: the action a gerente's approval must name. */
    readonly approvalAction?: string,
  ) {
    super(message);
  }

  toIpcError(): IpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.violations ? { violations: this.violations } : {}),
      ...(this.approvalAction ? { approvalAction: this.approvalAction } : {}),
    };
  }
}

/** A gerente's approval for `action` would let this through (the screen asks for the PIN and calls again). */
export function approvalRequired(action: string, message: string): AppError {
  return new AppError('approval_required', message, undefined, action);
}

/** "Revise: el RUC no es válido (y 2 problemas más)": one line for a banner, the list goes with it. */
export function summarizeViolations(violations: readonly Violation[]): string {
  const [first] = violations;
  if (!first) return 'Los datos no son válidos';
  const more = violations.length - 1;
  return more === 0 ? first.message : `${first.message} (y ${more} ${more === 1 ? 'problema más' : 'problemas más'})`;
}

export function validationFailed(violations: Violation[]): AppError {
  return new AppError('validation_failed', summarizeViolations(violations), violations);
}

export const INTERNAL_ERROR: IpcError = {
  code: 'internal',
  message: 'Ocurrió un error inesperado. Intente de nuevo; si se repite, avise al administrador.',
};
