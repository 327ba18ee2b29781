// Editing a line: quantity, unit price and per-unit discount ("0.50" or "10%"). Tab moves between fields, Enter
// applies, Esc cancels. Input is parsed by amount-input.ts; a refused value says why and nothing changes.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../shared/fiscal/money';
import { Dialog } from '../ui/Dialog';
import { parsePrice, parseQuantity, parseUnitDiscount } from './amount-input';
import { formatQuantity, type CartLine } from './cart';
import { quantityRefusal } from './entry-outcome';

export function LineEditor(props: {
  line: CartLine;
  onApply: (edit: { cantidad: string; precioUnitario: string; descuentoUnitario: string }) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { line } = props;
  const [cantidad, setCantidad] = useState(formatQuantity(line.cantidad));
  const [precio, setPrecio] = useState(money(line.precioUnitario).toFixed(2));
  const [descuento, setDescuento] = useState(money(line.descuentoUnitario).gt(0) ? line.descuentoUnitario : '');
  const [problems, setProblems] = useState<Partial<Record<'cantidad' | 'precio' | 'descuento', string>>>({});

  function apply(): void {
    const q = parseQuantity(cantidad);
    const refused = q.ok ? quantityRefusal(t, line.descripcion, q.value, line.unidad) : null;
    const p = parsePrice(precio);
    const d = p.ok ? parseUnitDiscount(descuento, p.value) : ({ ok: true, value: '0' } as const);
    const found = {
      ...(q.ok ? {} : { cantidad: t(`input.${q.problem}`) }),
      ...(refused === null ? {} : { cantidad: refused }),
      ...(p.ok ? {} : { precio: t(`input.${p.problem}`) }),
      ...(d.ok ? {} : { descuento: t(`input.${d.problem}`) }),
    };
    setProblems(found);
    if (q.ok && refused === null && p.ok && d.ok)
      props.onApply({ cantidad: q.value, precioUnitario: p.value, descuentoUnitario: d.value });
  }

  const field = (
    name: 'cantidad' | 'precio' | 'descuento',
    label: string,
    value: string,
    set: (v: string) => void,
    hint?: string,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={`edit-${name}`}
        inputMode="decimal"
        value={value}
        autoFocus={name === 'cantidad'}
        aria-invalid={problems[name] !== undefined}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => set(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
      />
      {problems[name] ? (
        <em className="field-error" role="alert">
          {problems[name]}
        </em>
      ) : hint ? (
        <em className="field-hint">{hint}</em>
      ) : null}
    </label>
  );

  return (
    <Dialog
      title={t('lineEditor.title', { name: line.descripcion })}
      onClose={props.onClose}
      testId="line-editor"
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="button primary" onClick={apply}>
            {t('lineEditor.apply')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <div className="form-grid three">
        {field('cantidad', t('lineEditor.quantity'), cantidad, setCantidad)}
        {field('precio', t('lineEditor.price'), precio, setPrecio)}
        {field('descuento', t('lineEditor.discount'), descuento, setDescuento, t('lineEditor.discountHint'))}
      </div>
    </Dialog>
  );
}
