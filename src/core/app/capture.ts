// The flows several handler areas share (HandlerDeps in register-context.ts): saving a sale or a note through
// captureSale (sales, documents, document-files), and telling the screens and the worker the queue changed.
import { invoicingGate } from '../hka/hka-connection';
import { queueCounts } from '../queue/outbox-repo';
import { captureSale } from '../sales/capture-sale';
import { readIssuerSettings } from '../store/settings-repo';
import { pointClaimGate } from '../sync/claim-point';
import { afterCommit } from './after-commit';
import { AppError, validationFailed } from './app-error';
import type { CaptureFn, QueueChangedFn, RegisterContext } from './register-context';

export function queueNotifier(ctx: Pick<RegisterContext, 'db' | 'queueEvents' | 'worker'>): QueueChangedFn {
  return (change) => {
    if (change) ctx.queueEvents.emit('document-status', change);
    ctx.queueEvents.emit('queue-counts', queueCounts(ctx.db));
    ctx.worker.tick(); // send now rather than at the next poll
  };
}

/** Saves a sale or a note through captureSale and returns it as saved (QUEUED), before the worker picks it up. */
export function createCapture(
  ctx: Pick<RegisterContext, 'db' | 'clock' | 'contingency' | 'vault' | 'log'>,
  queueChanged: QueueChangedFn,
): CaptureFn {
  const { db, clock } = ctx;
  return (draft, by, audit) => {
    const result = captureSale(
      {
        db,
        issuer: readIssuerSettings(db),
        emissionMode: () => ctx.contingency.emissionMode(),
        clock,
        actor: by.id,
        ...(audit?.approvedBy !== undefined && audit.approvedBy !== by.id ? { approvedBy: audit.approvedBy } : {}),
        ...(audit?.details ? { auditDetails: audit.details } : {}),
        ...(audit?.credit ? { credit: audit.credit } : {}),
        invoicingAllowed: () => {
          const hka = invoicingGate({ db, vault: ctx.vault, clock });
          if (!hka.ok) return hka;
          const issuer = readIssuerSettings(db);
          return pointClaimGate(db, {
            codigoSucursal: issuer.codigoSucursalEmisor,
            puntoFacturacion: issuer.puntoFacturacionFiscal,
          });
        },
      },
      draft,
    );
    if (!result.ok) {
      // Refusals of the register's state (HKA not verified, a series blocked by a collision), not of the sale's data.
      const gate = result.violations.find((v) => v.rule === 'hka_not_verified' || v.rule === 'series_blocked');
      throw gate ? new AppError('not_allowed', gate.message) : validationFailed(result.violations);
    }
    // Committed: the sale, its job, audit, sync events and shift are saved. From here on nothing may turn it into an
    // error for the cashier (who would ring it again): a failing notification is logged, not thrown.
    return afterCommit(
      {
        notify: () => queueChanged({ documentId: result.captured.id, from: 'DRAFT', to: 'QUEUED' }),
        log: ctx.log,
      },
      result.captured,
    );
  };
}
