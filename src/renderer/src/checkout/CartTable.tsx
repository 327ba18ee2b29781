// The lines of the sale. Rows are clickable (select; double-click or the quantity/price cells open the line
// editor) so the mouse works as well as the keyboard.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS } from '../../../shared/fiscal/codes';
import { formatBalboas, money } from '../../../shared/fiscal/money';
import { formatQuantity, lineTotal, type CartLine } from './cart';

export function CartTable(props: {
  lines: CartLine[];
  selected: number | null;
  onSelect: (key: number) => void;
  onEdit: (key: number) => void;
  onRemove: (key: number) => void;
}): JSX.Element {
  const { t } = useTranslation();
  if (props.lines.length === 0) {
    return (
      <div className="cart-empty" data-testid="cart-empty">
        <p className="cart-empty-title">{t('checkout.cart.emptyTitle')}</p>
        <p>{t('checkout.cart.emptyHint')}</p>
      </div>
    );
  }
  return (
    <div className="cart-scroll">
      <table className="cart" data-testid="cart">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('checkout.cart.description')}</th>
            <th className="num">{t('checkout.cart.quantity')}</th>
            <th className="num">{t('checkout.cart.price')}</th>
            <th className="num">{t('checkout.cart.discount')}</th>
            <th className="num">{t('checkout.cart.itbms')}</th>
            <th className="num">{t('checkout.cart.total')}</th>
            <th aria-label={t('checkout.cart.actions')} />
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, i) => {
            const discounted = money(line.descuentoUnitario).gt(0);
            return (
              <tr
                key={line.key}
                data-testid="cart-line"
                aria-selected={line.key === props.selected}
                className={line.key === props.selected ? 'selected' : undefined}
                onClick={() => props.onSelect(line.key)}
                onDoubleClick={() => props.onEdit(line.key)}
              >
                <td className="num muted">{i + 1}</td>
                <td>
                  <div className="line-name">{line.descripcion}</div>
                  <div className="line-code">
                    {line.codigo}
                    {line.medicina ? (
                      <span data-testid="line-lot">
                        {' '}
                        ·{' '}
                        {t('checkout.cart.lot', {
                          lote: line.medicina.nroLote,
                          cantidad: line.medicina.cantProductosLote,
                        })}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td className="num editable" data-testid="line-quantity" onClick={() => props.onEdit(line.key)}>
                  {formatQuantity(line.cantidad)}
                </td>
                <td className="num editable" onClick={() => props.onEdit(line.key)}>
                  {formatBalboas(line.precioUnitario)}
                </td>
                <td className="num">{discounted ? `-${formatBalboas(line.descuentoUnitario)}` : '—'}</td>
                <td className="num muted">
                  {TASA_ITBMS[line.tasaItbms].rate === '0'
                    ? t('checkout.cart.exempt')
                    : `${money(TASA_ITBMS[line.tasaItbms].rate).times(100).toFixed()} %`}
                </td>
                <td className="num strong" data-testid="line-total">
                  {formatBalboas(lineTotal(line))}
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button danger"
                    aria-label={t('checkout.cart.remove', { name: line.descripcion })}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onRemove(line.key);
                    }}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
