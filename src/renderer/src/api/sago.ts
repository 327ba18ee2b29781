// Calls to window.sago with errors as data: every operation returns IpcResult, and a rejected promise (the bridge
// itself failed) becomes the same shape, so screens handle one kind of failure.
import type { IpcResult } from '../../../shared/ipc/api';
import type { IpcError } from '../../../shared/ipc/schemas';

/** Read at call time: the web host's shim may install window.sago after this module loads. */
export function sago(): Window['sago'] {
  return window.sago;
}

/** Used when the bridge itself fails (main gone, web host stopped): Spanish, like every error main returns. */
export const BRIDGE_DOWN: IpcError = {
  code: 'internal',
  message: 'No se pudo comunicar con el registro. Intente de nuevo.',
};

export async function attempt<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: BRIDGE_DOWN };
  }
}

/** The message to show for an error: its violations (field messages from the fiscal core) or its message. */
export function errorLines(error: IpcError): string[] {
  const violations = error.violations ?? [];
  return violations.length > 0 ? violations.map((v) => v.message) : [error.message];
}
