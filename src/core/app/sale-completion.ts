// sales:complete, the cashier's "Cobrar": only sales (credit and debit notes have their own, manager-approved paths),
// and every loss-prevention exception of the sale (a changed price, a discount over the limit) must carry the
// gerente's approval the till asked for when the change was made (till:authorize) — unless a gerente is the one
// selling. The approvals are spent by the saved sale and named in its audit entry.
import { NOTE_DOCUMENT_TYPES } from '../../shared/fiscal/codes';
import type { SaleDraft } from '../../shared/ipc/schemas';
import { saleExceptions, type SaleException } from '../../shared/loss-prevention/sale-exceptions';
import { readLossPrevention } from '../loss-prevention/rules-settings';
import type { TillGrants } from '../loss-prevention/till-grants';
import type { StoreDb } from '../store/open-database';
import { AppError } from './app-error';
import type { SignedInCaller } from './caller';
import type { CaptureFn } from './register-context';
import { catalogPrice } from './products-repo';

export interface SaleCompletionDeps {
  db: StoreDb;
  clock: () => Date;
  grants: TillGrants;
  capture: CaptureFn;
}

function describe(missing: SaleException): string {
  switch (missing.kind) {
    case 'priceOverride':
      return missing.before === null
        ? `el producto ${missing.codigo || '(sin código)'} no está en el catálogo`
        : `el precio de ${missing.codigo} cambió de ${missing.before} a ${missing.after}`;
    case 'lineDiscount':
      return `el descuento de ${missing.descuentoUnitario} por unidad en ${missing.codigo} supera el límite`;
    case 'ticketDiscount':
      return `el descuento de ${missing.descuento} a la venta supera el límite`;
  }
}

export function completeSale(
  deps: SaleCompletionDeps,
  draft: SaleDraft,
  caller: SignedInCaller,
): ReturnType<CaptureFn> {
  if ((NOTE_DOCUMENT_TYPES as readonly string[]).includes(draft.tipoDocumento)) {
    throw new AppError(
      'not_allowed',
      'Las notas de crédito y débito se emiten desde la página del documento, con autorización de un gerente',
    );
  }
  const { db, clock, grants, capture } = deps;
  const exceptions = saleExceptions(draft, catalogPrice(db), readLossPrevention(db));
  if (exceptions.length === 0) return capture(draft, caller.user);
  if (caller.user.role === 'gerente') {
    return capture(draft, caller.user, {
      details: { exceptions: exceptions.map((e) => ({ ...e, approvedBy: caller.user.id })) },
    });
  }
  const matched = grants.match(caller.user.id, exceptions, clock());
  if (!matched.ok) {
    throw new AppError(
      'not_allowed',
      `Falta la autorización de un gerente: ${matched.missing.map(describe).join('; ')}`,
    );
  }
  const approvers = [...new Set(matched.grants.map((g) => g.approverId).filter((id) => id !== undefined))];
  const onlyApprover = approvers.length === 1 ? approvers[0] : undefined;
  const saved = capture(draft, caller.user, {
    approvedBy: onlyApprover,
    details: { exceptions: matched.grants.map((g) => ({ ...g.exception, approvedBy: g.approverId ?? null })) },
  });
  grants.spend(caller.user.id, matched.grants);
  return saved;
}
