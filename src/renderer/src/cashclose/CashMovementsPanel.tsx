// Entradas y salidas de efectivo: cash put into the drawer (change fund) or taken out (petty cash, a withdrawal to the
// safe) without a sale, each with its reason, in the open shift. The core audits them and counts them in the X/Z; a
// pay-out above the store's limit answers approval_required and the gerente's PIN is asked (useWithApproval).
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import { CASH_MOVEMENT_REASONS, type CashMovement } from '../../../shared/ipc/areas/till/contract';
import { attempt, errorLines, sago } from '../api/sago';
import { useWithApproval } from '../auth/manager-action';
import { parseCash } from './cash-close-model';

type Reason = (typeof CASH_MOVEMENT_REASONS)[number];

export function CashMovementsPanel(props: { onRecorded: () => void }): JSX.Element {
  const { t } = useTranslation();
  const withApproval = useWithApproval();
  const [list, setList] = useState<CashMovement[]>([]);
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<Reason>('caja_chica');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void attempt(() => sago().till.cashMovements({})).then((r) =>
      r.ok ? setList(r.value) : setErrors(errorLines(r.error)),
    );
  }, []);
  useEffect(load, [load]);

  async function record(): Promise<void> {
    const parsed = parseCash(amount);
    if (!parsed.ok) return setErrors([t(`cashClose.${parsed.problem}`)]);
    setBusy(true);
    const request = { kind, amount: parsed.value, reason, ...(note.trim() ? { note: note.trim() } : {}) };
    const result = await withApproval((approval) => attempt(() => sago().till.cashMovement({ ...request, approval })));
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setErrors(errorLines(result.error));
    setErrors([]);
    setAmount('');
    setNote('');
    load();
    props.onRecorded();
  }

  return (
    <section className="card cash-movements" data-testid="cash-movements">
      <h2>{t('cashMovements.title')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void record();
        }}
      >
        <label className="field">
          <span>{t('cashMovements.kind')}</span>
          <select
            data-testid="movement-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value === 'in' ? 'in' : 'out')}
          >
            <option value="in">{t('cashMovements.in')}</option>
            <option value="out">{t('cashMovements.out')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('cashMovements.amount')}</span>
          <input
            data-testid="movement-amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('cashMovements.reason')}</span>
          <select
            data-testid="movement-reason"
            value={reason}
            onChange={(e) => setReason(CASH_MOVEMENT_REASONS.find((r) => r === e.target.value) ?? 'otro')}
          >
            {CASH_MOVEMENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`cashMovements.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('cashMovements.note')}</span>
          <input data-testid="movement-note" maxLength={120} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button primary" data-testid="movement-record" disabled={busy}>
          {t('cashMovements.record')}
        </button>
      </form>
      {errors.length > 0 ? (
        <div className="notice error" role="alert" data-testid="movement-error">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      {list.length > 0 ? (
        <table className="report-table" data-testid="movement-list">
          <tbody>
            {list.map((m) => (
              <tr key={m.id} data-testid="movement-row">
                <td>{t(`cashMovements.${m.kind}`)}</td>
                <td>
                  {t(`cashMovements.reasons.${m.reason}`)}
                  {m.note ? ` · ${m.note}` : ''}
                </td>
                <td>
                  {m.byName}
                  {m.approvedByName ? ` (${t('cashMovements.approvedBy', { name: m.approvedByName })})` : ''}
                </td>
                <td className="num">
                  {m.kind === 'out' ? '-' : ''}
                  {formatBalboas(m.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
