// The lot of a medicine, asked for as soon as it is scanned (the DGI's gMedicina: lot number and quantity of the lot).
// Keyboard first: the lot field has the focus, the quantity is the line's; Enter adds the line, Esc leaves it out.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { checkLot, type LotProblem } from './lot-input';
import type { Medicina } from './cart';

export function LotDialog(props: {
  descripcion: string;
  cantidad: string;
  onAdd: (medicina: Medicina) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [nroLote, setNroLote] = useState('');
  const [cantidad, setCantidad] = useState(props.cantidad);
  const [problems, setProblems] = useState<Partial<Record<'nroLote' | 'cantProductosLote', LotProblem>>>({});

  function add(): void {
    const checked = checkLot(nroLote, cantidad);
    if (!checked.ok) return setProblems(checked.problems);
    props.onAdd(checked.medicina);
  }

  const field = (name: 'nroLote' | 'cantProductosLote', value: string, set: (v: string) => void) => (
    <label className="field">
      <span>{t(`lotDialog.${name}`)}</span>
      <input
        data-testid={`lot-${name}`}
        value={value}
        autoFocus={name === 'nroLote'}
        inputMode={name === 'cantProductosLote' ? 'numeric' : undefined}
        aria-invalid={problems[name] !== undefined}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          set(e.target.value);
          setProblems({});
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      {problems[name] ? (
        <em className="field-error" role="alert">
          {t(`lotDialog.problems.${problems[name]}`)}
        </em>
      ) : null}
    </label>
  );

  return (
    <Dialog
      title={t('lotDialog.title', { name: props.descripcion })}
      onClose={props.onClose}
      testId="lot-dialog"
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="button primary" onClick={add}>
            {t('lotDialog.add')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="hint">{t('lotDialog.hint')}</p>
      <div className="form-grid two">
        {field('nroLote', nroLote, setNroLote)}
        {field('cantProductosLote', cantidad, setCantidad)}
      </div>
    </Dialog>
  );
}
