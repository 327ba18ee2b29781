// Creating a product at the till (works offline: catalog:saveProduct writes to the local database). Checked with
// the contract's product schema before it is sent; main checks again.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS, codesOf, type TasaItbms } from '../../../shared/fiscal/codes';
import { productSchema, type Product } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import { Dialog } from '../ui/Dialog';
import { parsePrice } from './amount-input';
import { useWithApproval } from '../auth/manager-action';
import { SaleUnitPicker } from '../settings/SaleUnitPicker';

const newProductSchema = productSchema.omit({ id: true });
type Field = 'codigo' | 'barcode' | 'descripcion' | 'unidad' | 'precio' | 'codigoCPBS' | 'unidadMedidaCPBS';
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Starts the form from what was typed in the search field: a code if it has no spaces, else a description. */
function initialFrom(text: string): { codigo: string; barcode: string; descripcion: string } {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return { codigo: '', barcode: '', descripcion: trimmed };
  return /^\d{8,14}$/.test(trimmed)
    ? { codigo: trimmed.slice(-20), barcode: trimmed, descripcion: '' }
    : { codigo: trimmed, barcode: '', descripcion: '' };
}

export function ProductDialog(props: {
  initialText: string;
  onSaved: (product: Product) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const withApproval = useWithApproval();
  const start = initialFrom(props.initialText);
  const [values, setValues] = useState<Record<Field, string>>({
    ...start,
    unidad: 'und',
    precio: '',
    codigoCPBS: '',
    unidadMedidaCPBS: '',
  });
  const [tasa, setTasa] = useState<TasaItbms>('01');
  const [requiereLote, setRequiereLote] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<Field | 'general', string>>>({});
  const [busy, setBusy] = useState(false);
  const firstEmpty: Field = start.descripcion === '' ? 'descripcion' : start.codigo === '' ? 'codigo' : 'precio';

  async function save(): Promise<void> {
    const price = parsePrice(values.precio);
    const candidate = {
      codigo: values.codigo.trim(),
      barcode: orNull(values.barcode),
      descripcion: values.descripcion.trim(),
      unidad: values.unidad.trim(),
      precio: price.ok ? price.value : values.precio,
      tasaItbms: tasa,
      codigoCPBS: orNull(values.codigoCPBS),
      unidadMedidaCPBS: orNull(values.unidadMedidaCPBS),
      requiereLote,
    };
    const parsed = newProductSchema.safeParse(candidate);
    if (!price.ok || !parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const key = String(issue.path[0]) as Field;
        found[key] ??= t(`productDialog.invalid.${key}`);
      }
      if (!price.ok) found.precio = t(`input.${price.problem}`);
      setProblems(found);
      return;
    }
    setBusy(true);
    // Prices are the store's: where its rules want it, a gerente approves the new product (the core answers so).
    const result = await withApproval((approval) =>
      attempt(() => sago().catalog.saveProduct({ ...parsed.data, ...(approval ? { approval } : {}) })),
    );
    if (result === null) return void setBusy(false);
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setProblems({ general: errorLines(result.error).join(' ') });
  }

  const input = (
    name: Field,
    label: string,
    options: { autoFocus?: boolean; inputMode?: 'decimal' | 'numeric' } = {},
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={`product-${name}`}
        value={values[name]}
        autoFocus={options.autoFocus}
        inputMode={options.inputMode}
        aria-invalid={problems[name] !== undefined}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      {problems[name] ? (
        <em className="field-error" role="alert">
          {problems[name]}
        </em>
      ) : null}
    </label>
  );

  return (
    <Dialog
      title={t('productDialog.title')}
      onClose={props.onClose}
      testId="product-dialog"
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
            {t('productDialog.save')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="hint">{t('productDialog.offline')}</p>
      <div className="form-grid two">
        {input('descripcion', t('productDialog.descripcion'), { autoFocus: firstEmpty === 'descripcion' })}
        {input('codigo', t('productDialog.codigo'), { autoFocus: firstEmpty === 'codigo' })}
        {input('precio', t('productDialog.precio'), { inputMode: 'decimal', autoFocus: firstEmpty === 'precio' })}
        {input('barcode', t('productDialog.barcode'), { inputMode: 'numeric' })}
        <SaleUnitPicker
          value={values.unidad}
          onChange={(unidad) => setValues({ ...values, unidad })}
          testId="product-unidad"
        />
        <label className="field">
          <span>{t('productDialog.tasa')}</span>
          <select data-testid="product-tasa" value={tasa} onChange={(e) => setTasa(e.target.value as TasaItbms)}>
            {codesOf(TASA_ITBMS).map((code) => (
              <option key={code} value={code}>
                {t(`itbmsRates.${code}`)}
              </option>
            ))}
          </select>
        </label>
        {input('codigoCPBS', t('productDialog.codigoCPBS'), { inputMode: 'numeric' })}
        {input('unidadMedidaCPBS', t('productDialog.unidadMedidaCPBS'))}
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="product-requiereLote"
            checked={requiereLote}
            onChange={(e) => setRequiereLote(e.target.checked)}
          />
          <span>{t('productDialog.requiereLote')}</span>
        </label>
      </div>
      {problems.general ? (
        <p className="notice error" role="alert">
          {problems.general}
        </p>
      ) : null}
    </Dialog>
  );
}
