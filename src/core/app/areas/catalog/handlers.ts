// Handlers of the catalog area (src/shared/ipc/areas/catalog/contract.ts): product search and scanner lookup, and
// saving a product or a customer under the store's loss-prevention rules.
import type { catalogContract } from '../../../../shared/ipc/areas/catalog/contract';
import { readLossPrevention } from '../../../loss-prevention/rules-settings';
import { auditedBy } from '../../caller';
import { saveCustomer, searchCustomers } from '../../customers-repo';
import type { IpcHandlers } from '../../dispatch';
import { lookupProduct, saveProduct, searchProducts } from '../../products-repo';
import type { HandlerDeps } from '../../register-context';
import { run } from '../run';

const CATALOG_EDIT_NEEDS_MANAGER = 'Crear o modificar productos (y sus precios) necesita la autorización de un gerente';
const CUSTOMER_EDIT_NEEDS_MANAGER = 'Modificar un cliente registrado necesita la autorización de un gerente';

export type CatalogDeps = Pick<HandlerDeps, 'db' | 'clock'>;

export function createCatalogHandlers(ctx: CatalogDeps): Pick<IpcHandlers, keyof typeof catalogContract> {
  const { db, clock } = ctx;
  return {
    'catalog:search': (req) => run(() => searchProducts(db, req.query, req.limit)),
    'catalog:lookup': (req) => run(() => lookupProduct(db, req.code)),
    'catalog:saveProduct': (req, caller) =>
      run(() => {
        const { approval, ...product } = req;
        // Prices are the store's: with the catalogue rule on, a cashier needs a gerente for any product edit.
        const approver = readLossPrevention(db).catalogEdit
          ? caller.authorize('catalog:saveProduct', approval, CATALOG_EDIT_NEEDS_MANAGER)
          : undefined;
        return saveProduct(db, product, auditedBy(caller.user, approver), clock());
      }),
    'customers:search': (req) => run(() => searchCustomers(db, req.query)),
    'customers:save': (req, caller) =>
      run(() => {
        const { approval, ...customer } = req;
        // A new customer for a sale is the cashier's to add; overwriting one on file needs a gerente when the rule is on.
        const authorizeEdit = () =>
          readLossPrevention(db).customerEdit
            ? caller.authorize('customers:save', approval, CUSTOMER_EDIT_NEEDS_MANAGER).id
            : undefined;
        return saveCustomer(db, customer, caller.user.id, authorizeEdit, clock());
      }),
  };
}
