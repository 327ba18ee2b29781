// The dialogs a product entry can open: the new-product form (from an unknown code or the button) and a medicine's
// lot. Split from Checkout.tsx so the screen stays a wiring of parts.
import type { JSX } from 'react';
import { addProduct, type CheckoutOpen, type OutcomeContext } from './entry-outcome';
import { LotDialog } from './LotDialog';
import { proposedLotQuantity } from './lot-input';
import { ProductDialog } from './ProductDialog';

export function EntryDialogs(props: {
  open: CheckoutOpen;
  ctx: OutcomeContext;
  clearSearch: () => void;
  close: () => void;
}): JSX.Element | null {
  const { open, ctx, close } = props;
  const { t, setMessage, dispatch } = ctx;
  if (open.kind === 'product') {
    return (
      <ProductDialog
        initialText={open.text}
        onClose={close}
        onSaved={(product) => {
          props.clearSearch();
          if (product.requiereLote) return addProduct(product, '1', '', ctx);
          addProduct(product, '1', t('checkout.productCreated', { name: product.descripcion }), ctx);
          close();
        }}
      />
    );
  }
  if (open.kind === 'lot') {
    return (
      <LotDialog
        descripcion={open.product.descripcion}
        cantidad={proposedLotQuantity(open.cantidad)}
        onClose={() => {
          setMessage({ kind: 'info', lines: [t('checkout.errors.lotSkipped', { name: open.product.descripcion })] });
          close();
        }}
        onAdd={(medicina) => {
          dispatch({ type: 'add', product: open.product, cantidad: open.cantidad, medicina });
          setMessage({ kind: 'ok', lines: [t('checkout.added', { name: open.product.descripcion })] });
          close();
        }}
      />
    );
  }
  return null;
}
