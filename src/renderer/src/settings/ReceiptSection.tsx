// Recibo e impresora: printer (or the default one), paper 80/58 mm, header and footer lines, copies
// (settings:receipt / settings:saveReceipt).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { checkReceiptForm, receiptToForm, type ReceiptForm, type ReceiptProblems } from './receipt-form';
import { useLoaded } from './use-loaded';
import { useReceiptLayout } from '../receipt/receipt-layout';
import { ThermalPrinterPanel } from './ThermalPrinterPanel';

const loadReceipt = () => sago().settings.receipt({});

function ReceiptEditor(props: { initial: ReceiptForm; printers: string[] }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { reload: reloadReceiptLayout } = useReceiptLayout();
  const [form, setForm] = useState<ReceiptForm>(props.initial);
  const [printers, setPrinters] = useState(props.printers);
  const [problems, setProblems] = useState<ReceiptProblems>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ReceiptForm>): void => {
    setForm({ ...form, ...patch });
    setProblems({});
    setOutcome(null);
  };

  async function save(): Promise<void> {
    const checked = checkReceiptForm(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return setOutcome({ kind: 'error', lines: [t('settings.fixErrors')] });
    }
    setBusy(true);
    const result = await runAsManager('settings:saveReceipt', (approval) =>
      attempt(() => sago().settings.saveReceipt({ ...checked.settings, approval })),
    );
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setForm(receiptToForm(result.value));
    setPrinters(result.value.printers);
    setOutcome({ kind: 'ok', text: t('settings.saved') });
    reloadReceiptLayout(); // the next receipt, printed or on screen, has the new layout
  }

  const known = form.printerName === '' || printers.includes(form.printerName);
  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-grid two">
        <label className="field">
          <span>{t('settings.receipt.printer')}</span>
          <select
            data-testid="receipt-printer"
            value={form.printerName}
            onChange={(e) => set({ printerName: e.target.value })}
          >
            <option value="">{t('settings.receipt.defaultPrinter')}</option>
            {printers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            {known ? null : <option value={form.printerName}>{form.printerName}</option>}
          </select>
        </label>
        <fieldset className="field settings-radios">
          <legend>{t('settings.receipt.paper')}</legend>
          {(['80', '58'] as const).map((paper) => (
            <label key={paper} className="toggle">
              <input
                type="radio"
                name="paper"
                data-testid={`receipt-paper-${paper}`}
                checked={form.paper === paper}
                onChange={() => set({ paper })}
              />
              {t('settings.receipt.paperMm', { mm: paper })}
            </label>
          ))}
        </fieldset>
        {(['header', 'footer'] as const).map((name) => (
          <label key={name} className="field">
            <span>{t(`settings.receipt.${name}`)}</span>
            <textarea
              rows={6}
              data-testid={`receipt-${name}`}
              value={form[name]}
              aria-invalid={problems[name] !== undefined}
              onChange={(e) => set({ [name]: e.target.value })}
            />
            <em className="field-hint">{t('settings.receipt.linesHint')}</em>
            {problems[name] ? (
              <em className="field-error" role="alert">
                {problems[name]}
              </em>
            ) : null}
          </label>
        ))}
        <label className="field">
          <span>{t('settings.receipt.copies')}</span>
          <input
            data-testid="receipt-copies"
            inputMode="numeric"
            value={form.copies}
            aria-invalid={problems.copies !== undefined}
            onChange={(e) => set({ copies: e.target.value })}
          />
          {problems.copies ? (
            <em className="field-error" role="alert">
              {problems.copies}
            </em>
          ) : null}
        </label>
      </div>
      <OutcomeNotice outcome={outcome} testId="receipt-outcome" />
      <div className="settings-actions">
        <button type="submit" className="button primary" data-testid="receipt-save" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

export function ReceiptSection(): JSX.Element {
  const { t } = useTranslation();
  const receipt = useLoaded(loadReceipt);
  if (receipt.error)
    return (
      <p className="notice error" role="alert">
        {receipt.error}
      </p>
    );
  if (!receipt.value) return <p className="muted">{t('common.loading')}</p>;
  return (
    <>
      <ReceiptEditor initial={receiptToForm(receipt.value)} printers={receipt.value.printers} />
      <ThermalPrinterPanel />
    </>
  );
}
