// One product of the catalogue, new or existing (catalog:saveProduct; an id updates it). Checked with the contract's
// product schema first, the price as the checkout parses it ("1,5" → 1.5).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS, codesOf, type TasaItbms } from '../../../shared/fiscal/codes';
import { productSchema, type Product } from '../../../shared/ipc/schemas';
import { attempt, sago } from '../api/sago';
import { parsePrice } from '../checkout/amount-input';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { useWithApproval } from '../auth/manager-action';
import { SaleUnitPicker } from './SaleUnitPicker';

const productInput = productSchema.omit({ id: true });
type Field = 'codigo' | 'barcode' | 'descripcion' | 'unidad' | 'precio' | 'codigoCPBS' | 'unidadMedidaCPBS';
/** Typed fields; the unit is picked (SaleUnitPicker). */
const FIELDS: readonly Field[] = ['codigo', 'barcode', 'descripcion', 'precio', 'codigoCPBS', 'unidadMedidaCPBS'];
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function ProductEditor(props: {
  product: Product | null;
  onSaved: (product: Product) => void;
  onCancel: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const withApproval = useWithApproval();
  const p = props.product;
  const [values, setValues] = useState<Record<Field, string>>({
    codigo: p?.codigo ?? '',
    barcode: p?.barcode ?? '',
    descripcion: p?.descripcion ?? '',
    unidad: p?.unidad ?? 'und',
    precio: p?.precio ?? '',
    codigoCPBS: p?.codigoCPBS ?? '',
    unidadMedidaCPBS: p?.unidadMedidaCPBS ?? '',
  });
  const [tasa, setTasa] = useState<TasaItbms>(p?.tasaItbms ?? '01');
  const [requiereLote, setRequiereLote] = useState(p?.requiereLote ?? false);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const price = parsePrice(values.precio);
    const parsed = productInput.safeParse({
      codigo: values.codigo.trim(),
      barcode: orNull(values.barcode),
      descripcion: values.descripcion.trim(),
      unidad: values.unidad.trim(),
      precio: price.ok ? price.value : values.precio,
      tasaItbms: tasa,
      codigoCPBS: orNull(values.codigoCPBS),
      unidadMedidaCPBS: orNull(values.unidadMedidaCPBS),
      requiereLote,
    });
    if (!price.ok || !parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.success ? [] : parsed.error.issues)
        found[String(issue.path[0]) as Field] ??= t(`productDialog.invalid.${String(issue.path[0]) as Field}`);
      if (!price.ok) found.precio = t(`input.${price.problem}`);
      setProblems(found);
      return setOutcome({ kind: 'error', lines: [t('settings.fixErrors')] });
    }
    setBusy(true);
    const result = await withApproval((approval) =>
      attempt(() =>
        sago().catalog.saveProduct({ ...parsed.data, ...(p ? { id: p.id } : {}), ...(approval ? { approval } : {}) }),
      ),
    );
    if (result === null) return void setBusy(false);
    setBusy(false);
    if (!result.ok) return setOutcome(failed(result.error));
    props.onSaved(result.value);
  }

  return (
    <form
      className="settings-card"
      data-testid="product-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{p ? t('settings.catalog.edit', { codigo: p.codigo }) : t('settings.catalog.new')}</h3>
      <div className="form-grid three">
        {FIELDS.map((name) => (
          <label key={name} className={name === 'descripcion' ? 'field span-2' : 'field'}>
            <span>{t(`productDialog.${name}`)}</span>
            <input
              data-testid={`product-editor-${name}`}
              value={values[name]}
              inputMode={name === 'precio' ? 'decimal' : name === 'codigoCPBS' ? 'numeric' : undefined}
              aria-invalid={problems[name] !== undefined}
              onChange={(e) => {
                setValues({ ...values, [name]: e.target.value });
                setProblems({});
                setOutcome(null);
              }}
            />
            {problems[name] ? (
              <em className="field-error" role="alert">
                {problems[name]}
              </em>
            ) : null}
          </label>
        ))}
        <SaleUnitPicker
          value={values.unidad}
          onChange={(unidad) => setValues({ ...values, unidad })}
          testId="product-editor-unidad"
        />
        <label className="field">
          <span>{t('productDialog.tasa')}</span>
          <select data-testid="product-editor-tasa" value={tasa} onChange={(e) => setTasa(e.target.value as TasaItbms)}>
            {codesOf(TASA_ITBMS).map((code) => (
              <option key={code} value={code}>
                {TASA_ITBMS[code].label}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle span-2">
          <input
            type="checkbox"
            data-testid="product-editor-requiereLote"
            checked={requiereLote}
            onChange={(e) => setRequiereLote(e.target.checked)}
          />
          <span>{t('productDialog.requiereLote')}</span>
        </label>
      </div>
      <OutcomeNotice outcome={outcome} testId="product-editor-outcome" />
      <div className="settings-actions">
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" data-testid="product-editor-save" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
