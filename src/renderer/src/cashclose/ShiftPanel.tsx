// The running shift: who opened it and with how much cash, the X report (refreshable), and the close: the counted
// cash against what the register expects, with the difference, before the Z report. Closing while documents are
// not authorised is refused by the core as data (needs_manager): the screen says how many and offers the manager's
// approval (useManagerAction('reports:closeShift')); before any user exists, an explicit confirmation.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { RenderedShiftReport, Shift } from '../../../shared/ipc/contract-reports';
import { attempt, errorLines, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { useSession } from '../auth/session';
import { fechaLocal } from '../receipt/receipt-model';
import { toPanamaDateTime } from '../../../shared/fiscal/panama-time';
import { cashDifference, differenceKind, parseCash } from './cash-close-model';
import { ShiftReportView } from './ShiftReportView';

const when = (iso: string): string => fechaLocal(toPanamaDateTime(new Date(iso)));

export function ShiftPanel(props: { shift: Shift; onClosed: (z: RenderedShiftReport) => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { session } = useSession();
  const [x, setX] = useState<RenderedShiftReport | null>(null);
  const [counted, setCounted] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [needsManager, setNeedsManager] = useState<{ unauthorised: number } | null>(null);

  const loadX = useCallback(() => {
    void attempt(() => sago().reports.xReport({})).then((r) => {
      if (r.ok) setX(r.value);
      else setErrors(errorLines(r.error));
    });
  }, []);
  useEffect(loadX, [loadX]);

  const expected = x?.report.cash.expected ?? null;
  const difference = expected === null ? null : cashDifference(expected, counted);

  async function close(mode: 'plain' | 'manager'): Promise<void> {
    const parsed = parseCash(counted);
    if (!parsed.ok) {
      setErrors([t(`cashClose.${parsed.problem}`)]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const countedCash = parsed.value;
    const single = session?.setupNeeded === true;
    const r = mode === 'plain'
      ? await attempt(() => sago().reports.closeShift({ countedCash }))
      : single
        ? await attempt(() => sago().reports.closeShift({ countedCash, confirm: true }))
        : await runAsManager('reports:closeShift', (approval) => attempt(() => sago().reports.closeShift({ countedCash, approval })));
    setBusy(false);
    if (r === null) return;
    if (!r.ok) {
      setErrors(errorLines(r.error));
      return;
    }
    if (r.value.closed) {
      const { report, text, csv } = r.value;
      props.onClosed({ report, text, csv });
    } else {
      setNeedsManager({ unauthorised: r.value.unauthorised });
      loadX();
    }
  }

  return (
    <div className="shift-panel">
      <section className="card shift-summary" data-testid="shift-open">
        <h2>{t('cashClose.shiftOpen')}</h2>
        <p>{t('cashClose.openedBy', { at: when(props.shift.openedAt), by: props.shift.openedBy })}</p>
        <p>{t('cashClose.openingCash', { amount: formatBalboas(props.shift.openingCash) })}</p>
        <button type="button" className="button secondary" data-testid="x-report-refresh" onClick={loadX}>{t('cashClose.refreshX')}</button>
      </section>
      <section className="card close-form" aria-labelledby="close-title">
        <h2 id="close-title">{t('cashClose.closeTitle')}</h2>
        <form onSubmit={(e) => { e.preventDefault(); void close('plain'); }}>
          <label className="field">
            <span>{t('cashClose.countedLabel')}</span>
            <input data-testid="counted-cash" inputMode="decimal" value={counted} onChange={(e) => { setCounted(e.target.value); setNeedsManager(null); }} />
          </label>
          <dl className="figures">
            <div><dt>{t('cashClose.expected')}</dt><dd data-testid="close-expected">{expected === null ? '—' : formatBalboas(expected)}</dd></div>
            <div className={difference === null ? 'difference' : `difference ${differenceKind(difference)}`}>
              <dt>{t('cashClose.difference')}</dt><dd data-testid="close-difference">{difference === null ? '—' : formatBalboas(difference)}</dd>
            </div>
          </dl>
          <button type="submit" className="button primary" data-testid="close-shift" disabled={busy}>{t('cashClose.closeButton')}</button>
        </form>
        {needsManager ? (
          <div className="notice error" role="alert" data-testid="close-needs-manager">
            <p>{t('cashClose.needsManager', { count: needsManager.unauthorised })}</p>
            <button type="button" className="button danger" data-testid="close-with-manager" disabled={busy} onClick={() => void close('manager')}>
              {t(session?.setupNeeded === true ? 'cashClose.closeAnyway' : 'cashClose.closeWithManager')}
            </button>
          </div>
        ) : null}
        {errors.length > 0 ? <div className="notice error" role="alert" data-testid="close-error">{errors.map((e, i) => <p key={i}>{e}</p>)}</div> : null}
      </section>
      {x ? <ShiftReportView rendered={x} /> : null}
    </div>
  );
}
