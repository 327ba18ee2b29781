// The search field the checkout keeps focused: scanner input (code + Enter), typed codes, names, "3*code", and the
// keys that act on the cart while it is empty (↑↓ choose a line, + adds one, "-" Enter takes one off, Enter edits it).
import { forwardRef, type JSX, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { Product } from '../../../shared/ipc/schemas';

export interface SearchKeys {
  onEnter: (text: string) => void;
  onMoveLine: (delta: 1 | -1) => void;
  onStepLine: (delta: 1 | -1) => void;
}

interface Props extends SearchKeys {
  value: string;
  onChange: (value: string) => void;
  /** Name-search results to choose from, or null when the list is closed. */
  results: Product[] | null;
  highlighted: number;
  onHighlight: (index: number) => void;
  onPick: (product: Product) => void;
  onCloseResults: () => void;
  busy: boolean;
}

export const ProductSearch = forwardRef<HTMLInputElement, Props>(function ProductSearch(props, ref): JSX.Element {
  const { t } = useTranslation();
  const { results, highlighted } = props;
  const open = results !== null && results.length > 0;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    const empty = props.value.trim() === '';
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      if (open) props.onHighlight(Math.max(0, Math.min(results.length - 1, highlighted + delta)));
      else props.onMoveLine(delta);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = open ? results[highlighted] : undefined;
      if (picked) props.onPick(picked);
      else props.onEnter(props.value);
    } else if (e.key === 'Escape') {
      if (open) props.onCloseResults();
      else props.onChange('');
    } else if (e.key === '+' && empty) {
      e.preventDefault();
      props.onStepLine(1);
    }
    // '-' is typed into the field, never acted on at once: it may start "-1*P012" (refused: returns have their own
    // flow), and "-" then Enter takes one unit off the selected line (keyboard.ts).
  }

  return (
    <div className="search">
      <label className="visually-hidden" htmlFor="product-search">
        {t('checkout.search.label')}
      </label>
      <input
        id="product-search"
        ref={ref}
        className="search-input"
        data-testid="product-search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('checkout.search.placeholder')}
        value={props.value}
        aria-busy={props.busy}
        aria-expanded={open}
        aria-controls="search-results"
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id="search-results" className="search-results" role="listbox" aria-label={t('checkout.search.results')}>
          {results.map((p, i) => (
            <li
              key={p.id}
              role="option"
              aria-selected={i === highlighted}
              className={i === highlighted ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                props.onPick(p);
              }}
            >
              <span className="result-name">{p.descripcion}</span>
              <span className="result-code">
                {p.codigo}
                {p.barcode ? ` · ${p.barcode}` : ''}
              </span>
              <span className="result-price">{formatBalboas(p.precio)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="search-hint">{t('checkout.search.hint')}</p>
    </div>
  );
});
