// While the register's data is being replaced (a backup restore), every IPC call is refused with a Spanish message
// instead of reading half-restored data or writing a sale the restore would then overwrite. The dispatcher asks the
// gate first; the restore runs its work through exclusive().
import { AppError } from './app-error';

export const RESTORE_IN_PROGRESS =
  'Se está restaurando una copia de seguridad; espere unos segundos e intente de nuevo';

export class MaintenanceGate {
  private closedFor: string | undefined;

  /** The Spanish reason calls are refused now, or undefined when the register is open. */
  refusal(): string | undefined {
    return this.closedFor;
  }

  async exclusive<T>(work: () => Promise<T>, reason = RESTORE_IN_PROGRESS): Promise<T> {
    if (this.closedFor !== undefined) throw new AppError('not_allowed', this.closedFor);
    this.closedFor = reason;
    try {
      return await work();
    } finally {
      this.closedFor = undefined;
    }
  }
}
