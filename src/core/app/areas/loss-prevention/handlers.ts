// Loss prevention at the till (src/shared/ipc/areas/loss-prevention/contract.ts): the store's rules, and a cashier's
// request for a gerente when the rules want one — a price override, a discount over the limit, a line voided after it
// was scanned, a basket cleared, the drawer opened without a sale. Audited always (a gerente's own action too); price
// overrides and discounts become grants that sales:complete checks the sale against.
import type { LossPrevention, TillAction } from '../../../../shared/ipc/areas/loss-prevention/contract';
import type { lossPreventionContract } from '../../../../shared/ipc/areas/loss-prevention/contract';
import { money } from '../../../../shared/fiscal/money';
import type { SaleException } from '../../../../shared/loss-prevention/sale-exceptions';
import { readLossPrevention, saveLossPrevention } from '../../../loss-prevention/rules-settings';
import type { TillGrants } from '../../../loss-prevention/till-grants';
import { appendAudit } from '../../../store/audit';
import type { StoreDb } from '../../../store/open-database';
import { auditedBy, withoutApproval } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { ThermalPrinter } from '../../../printing/thermal-printer';

const exceeds = (part: string, whole: string, limit: number): boolean =>
  money(whole).gt(0) && money(part).times(100).gt(money(whole).times(limit));

/** Does this action need a gerente under the store's rules? */
export function tillActionNeedsManager(action: TillAction, rules: LossPrevention): boolean {
  switch (action.kind) {
    case 'priceOverride':
      return rules.priceOverride;
    case 'lineDiscount':
      return exceeds(action.descuentoUnitario, action.precioUnitario, rules.lineDiscountPercent);
    case 'ticketDiscount':
      return exceeds(action.descuento, action.itemsTotal, rules.ticketDiscountPercent);
    case 'voidLine':
      return rules.voidLine;
    case 'clearBasket':
      return rules.clearBasket;
    case 'drawerOpen':
      return rules.drawerOpen;
  }
}

/** The sale exception a price/discount action grants (what sales:complete will look for). */
function grantedException(action: TillAction): SaleException | undefined {
  switch (action.kind) {
    case 'priceOverride':
      return { kind: 'priceOverride', codigo: action.codigo, before: action.before, after: action.after };
    case 'lineDiscount':
      return {
        kind: 'lineDiscount',
        codigo: action.codigo,
        precioUnitario: action.precioUnitario,
        descuentoUnitario: action.descuentoUnitario,
      };
    case 'ticketDiscount':
      return { kind: 'ticketDiscount', itemsTotal: action.itemsTotal, descuento: action.descuento };
    case 'voidLine':
    case 'clearBasket':
    case 'drawerOpen':
      return undefined;
  }
}

export function createTillHandlers(deps: {
  db: StoreDb;
  clock: () => Date;
  grants: TillGrants;
  thermal: Pick<ThermalPrinter, 'kickDrawer'>;
}): Pick<IpcHandlers, keyof typeof lossPreventionContract> {
  const { db, clock, grants } = deps;
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  const authorize: Pick<IpcHandlers, 'till:authorize'>['till:authorize'] = (req, caller) =>
    run(() => {
      const { action } = req;
      const needs = tillActionNeedsManager(action, readLossPrevention(db));
      const approver = needs ? caller.authorize(`till.${action.kind}`, req.approval) : undefined;
      const at = clock();
      const { kind, ...values } = action;
      appendAudit(
        db,
        {
          ...auditedBy(caller.user, approver),
          action: `till.${kind}`,
          details: { ...values, approvalRequired: needs },
        },
        at,
      );
      const exception = grantedException(action);
      if (exception) grants.add(caller.user.id, exception, approver?.id, at);
      return { approvedBy: approver && approver.id !== caller.user.id ? approver.displayName : null };
    });
  return {
    'settings:lossPrevention': () => run(() => readLossPrevention(db)),
    'settings:saveLossPrevention': (req, caller) =>
      run(() => {
        const rules = withoutApproval(req);
        return saveLossPrevention({ db, clock }, rules, auditedBy(caller.user, caller.manager));
      }),
    'till:rules': () => run(() => readLossPrevention(db)),
    'till:authorize': async (req, caller) => {
      const answer = await authorize(req, caller);
      // "Abrir gaveta": once allowed and audited, the drawer wired to the thermal printer opens (an error if it
      // cannot).
      if (req.action.kind === 'drawerOpen') await deps.thermal.kickDrawer();
      return answer;
    },
  };
}
