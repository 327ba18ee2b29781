// Generic credit note (tipo 06), for a refund that references no authorised invoice (no CUFE to cite): a customer,
// free lines and the reason. The total is the core's arithmetic on the lines; the refund goes back as one payment
// of that total. Manager only; it goes through the queue like any document and the page opens it once saved.
import { useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS, codesOf, type FormaPago, type TasaItbms } from '../../../../shared/fiscal/codes';
import { formatBalboas } from '../../../../shared/fiscal/money';
import type { ReceptorInput } from '../../../../shared/fiscal/receptor';
import { attempt, errorLines, sago } from '../../api/sago';
import { useManagerAction } from '../../auth/manager-action';
import { TILL_PAYMENT_FORMS } from '../../checkout/tenders';
import { CONSUMIDOR_FINAL } from '../../checkout/sale-draft';
import { CustomerDialog } from '../../customers/CustomerDialog';
import { Dialog } from '../../ui/Dialog';
import { buildGenericNote, emptyLine, genericTotal, isGovernment, type GenericLine } from './generic-note-form';
import './actions.css';

const customerName = (c: ReceptorInput): string | null =>
  'razonSocial' in c && typeof c.razonSocial === 'string' ? c.razonSocial : null;

export function GenericCreditNoteDialog(props: {
  onCreated: (noteId: string) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const nextKey = useRef(2);
  const [lines, setLines] = useState<GenericLine[]>([emptyLine(1)]);
  const [cliente, setCliente] = useState<ReceptorInput>(CONSUMIDOR_FINAL);
  const [choosingCustomer, setChoosingCustomer] = useState(false);
  const [motivo, setMotivo] = useState('');
  const [formaPago, setFormaPago] = useState<FormaPago>('02');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const update = (key: number, change: Partial<GenericLine>): void =>
    setLines((list) => list.map((l) => (l.key === key ? { ...l, ...change } : l)));

  async function submit(): Promise<void> {
    const note = buildGenericNote({ cliente, lines, motivo, formaPago });
    if (!note.ok) {
      setErrors([t(`documentActions.generic.problems.${note.problem}`, { line: note.line ?? 0 })]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const r = await runAsManager('documents:genericCreditNote', (approval) =>
      attempt(() => sago().documents.genericCreditNote({ ...note.request, approval })),
    );
    setBusy(false);
    if (r === null) return;
    if (r.ok) props.onCreated(r.value.id);
    else setErrors(errorLines(r.error));
  }

  const government = isGovernment(cliente);
  if (choosingCustomer) {
    return (
      <CustomerDialog
        onSelect={(receptor) => {
          setCliente(receptor);
          setChoosingCustomer(false);
        }}
        onClose={() => setChoosingCustomer(false)}
      />
    );
  }
  const footer = (
    <>
      <span className="credit-total" data-testid="generic-total">
        {t('documentActions.credit.total', { total: formatBalboas(genericTotal(lines)) })}
      </span>
      <span className="spacer" />
      <button type="button" className="button secondary" onClick={props.onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className="button primary"
        data-testid="generic-submit"
        disabled={busy}
        onClick={() => void submit()}
      >
        {busy ? t('documentActions.sending') : t('documentActions.generic.submit')}
      </button>
    </>
  );
  return (
    <Dialog
      title={t('documentActions.generic.title')}
      onClose={props.onClose}
      footer={footer}
      testId="generic-note-dialog"
      wide
    >
      <p className="hint">{t('documentActions.generic.intro')}</p>
      <div className="inline-form">
        <p className="field">
          <span>{t('detail.customer')}</span>
          <strong data-testid="generic-customer">{customerName(cliente) ?? t('customerKinds.02')}</strong>
        </p>
        <button type="button" className="button secondary" onClick={() => setChoosingCustomer(true)}>
          {t('checkout.customer.change')}
        </button>
        <label className="field">
          <span>{t('documentActions.generic.refundAs')}</span>
          <select value={formaPago} onChange={(e) => setFormaPago(e.target.value as FormaPago)}>
            {TILL_PAYMENT_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`paymentForms.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('documentActions.credit.description')}</th>
            <th className="num">{t('documentActions.credit.quantity')}</th>
            <th className="num">{t('documentActions.generic.price')}</th>
            <th>{t('documentActions.generic.rate')}</th>
            {government ? (
              <>
                <th>{t('documentActions.generic.cpbs')}</th>
                <th>{t('documentActions.generic.cpbsUnit')}</th>
              </>
            ) : null}
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.key} data-testid="generic-line">
              <td>
                <input
                  type="text"
                  data-testid="generic-descripcion"
                  aria-label={t('documentActions.generic.lineField', {
                    line: i + 1,
                    field: t('documentActions.credit.description'),
                  })}
                  value={l.descripcion}
                  maxLength={500}
                  onChange={(e) => update(l.key, { descripcion: e.target.value })}
                />
              </td>
              <td className="num">
                <input
                  className="qty-input"
                  data-testid="generic-cantidad"
                  inputMode="decimal"
                  aria-label={t('documentActions.generic.lineField', {
                    line: i + 1,
                    field: t('documentActions.credit.quantity'),
                  })}
                  value={l.cantidad}
                  onChange={(e) => update(l.key, { cantidad: e.target.value })}
                />
              </td>
              <td className="num">
                <input
                  className="qty-input"
                  data-testid="generic-precio"
                  inputMode="decimal"
                  aria-label={t('documentActions.generic.lineField', {
                    line: i + 1,
                    field: t('documentActions.generic.price'),
                  })}
                  value={l.precio}
                  onChange={(e) => update(l.key, { precio: e.target.value })}
                />
              </td>
              <td>
                <select
                  data-testid="generic-tasa"
                  aria-label={t('documentActions.generic.lineField', {
                    line: i + 1,
                    field: t('documentActions.generic.rate'),
                  })}
                  value={l.tasaItbms}
                  onChange={(e) => update(l.key, { tasaItbms: e.target.value as TasaItbms })}
                >
                  {codesOf(TASA_ITBMS).map((code) => (
                    <option key={code} value={code}>
                      {t(`itbmsRates.${code}`)}
                    </option>
                  ))}
                </select>
              </td>
              {government ? (
                <>
                  <td>
                    <input
                      className="qty-input"
                      data-testid="generic-cpbs"
                      inputMode="numeric"
                      maxLength={4}
                      aria-label={t('documentActions.generic.lineField', {
                        line: i + 1,
                        field: t('documentActions.generic.cpbs'),
                      })}
                      value={l.codigoCPBS}
                      onChange={(e) => update(l.key, { codigoCPBS: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="qty-input"
                      data-testid="generic-cpbs-unit"
                      maxLength={30}
                      aria-label={t('documentActions.generic.lineField', {
                        line: i + 1,
                        field: t('documentActions.generic.cpbsUnit'),
                      })}
                      value={l.unidadMedidaCPBS}
                      onChange={(e) => update(l.key, { unidadMedidaCPBS: e.target.value })}
                    />
                  </td>
                </>
              ) : null}
              <td>
                {lines.length > 1 ? (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('documentActions.generic.removeLine', { line: i + 1 })}
                    onClick={() => setLines((list) => list.filter((x) => x.key !== l.key))}
                  >
                    ×
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="link-button"
        data-testid="generic-add-line"
        onClick={() => setLines((list) => [...list, emptyLine(nextKey.current++)])}
      >
        {t('documentActions.generic.addLine')}
      </button>
      <label className="field motivo-field">
        <span>{t('documentActions.motivo')}</span>
        <textarea data-testid="generic-motivo" rows={2} value={motivo} onChange={(e) => setMotivo(e.target.value)} />
      </label>
      {errors.length > 0 ? (
        <div className="notice error" role="alert" data-testid="generic-error">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}
