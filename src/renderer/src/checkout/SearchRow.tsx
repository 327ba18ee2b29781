// The till's top row: the search field (scanner, typed codes, search as you type) with "Nuevo producto" and
// "Devolución" beside it. The field's keys move or step the selected cart line; an entry's outcome goes back to the
// checkout (entry-outcome.ts).
import { forwardRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartAction } from './cart';
import { ProductSearch } from './ProductSearch';
import type { EntryOutcome, ProductEntry } from './use-product-entry';

export const SearchRow = forwardRef<
  HTMLInputElement,
  {
    entry: ProductEntry;
    dispatch: (action: CartAction) => void;
    /** '+' on the empty field: one more unit of the selected line. */
    onStepLine: (delta: 1 | -1) => void;
    onOutcome: (outcome: EntryOutcome) => void;
    onNewProduct: () => void;
    onReturn: () => void;
  }
>(function SearchRow(props, ref): JSX.Element {
  const { t } = useTranslation();
  const { entry, dispatch } = props;
  return (
    <div className="search-row">
      <ProductSearch
        ref={ref}
        value={entry.text}
        onChange={entry.setText}
        results={entry.results}
        highlighted={entry.highlighted}
        onHighlight={entry.setHighlighted}
        onPick={(p) => props.onOutcome(entry.pick(p))}
        onCloseResults={entry.closeResults}
        busy={entry.busy}
        onEnter={(text) => entry.submit(text, props.onOutcome)}
        onMoveLine={(delta) => dispatch({ type: 'move', delta })}
        onStepLine={props.onStepLine}
      />
      <button type="button" className="button secondary" data-testid="new-product" onClick={props.onNewProduct}>
        {t('checkout.newProduct')}
      </button>
      <button type="button" className="button secondary" data-testid="till-return" onClick={props.onReturn}>
        <kbd>Shift+F9</kbd> {t('tillReturn.button')}
      </button>
    </div>
  );
});
