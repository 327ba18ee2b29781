// The running shift and its close. With blind count (the store's rule, on by default) a cashier types the cash counted
// before the register says what it expects: no X report, no expected figure; the core then answers, as data, that
// the count differs (needs_reason: the expected and the difference are shown and a reason is asked) or that a gerente
// must approve (documents not authorised, or a difference beyond the limit: useManagerAction('reports:closeShift')).
// A gerente (or a store without blind count) sees the X report and the live difference as before.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { RenderedShiftReport, Shift } from '../../../shared/ipc/areas/reports/contract';
import { reasonProblem } from '../../../shared/ipc/reason';
import { attempt, errorLines, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { useSession } from '../auth/session';
import { useTillRules } from '../auth/use-till-rules';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import { cashDifference, differenceKind, parseCash } from './cash-close-model';
import { ShiftReportView } from './ShiftReportView';

const when = (iso: string): string => toPanamaDisplay(new Date(iso));

interface Refusal {
  reason: 'needs_reason' | 'needs_manager';
  unauthorised: number;
  expected: string;
  difference: string;
  message: string;
}

export function ShiftPanel(props: { shift: Shift; onClosed: (z: RenderedShiftReport) => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { isManager } = useSession();
  const rules = useTillRules();
  const blind = rules === null || (rules.blindCount && !isManager);
  const [x, setX] = useState<RenderedShiftReport | null>(null);
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const loadX = useCallback(() => {
    if (blind) return;
    void attempt(() => sago().reports.xReport({})).then((r) => {
      if (r.ok) setX(r.value);
      else setErrors(errorLines(r.error));
    });
  }, [blind]);
  useEffect(loadX, [loadX]);

  // Known after the count (blind) or live from the X report.
  const expected = refusal?.expected ?? (blind ? null : (x?.report.cash.expected ?? null));
  const difference = expected === null ? null : cashDifference(expected, counted);
  const askReason = difference !== null && differenceKind(difference) !== 'exact';

  async function close(withManager: boolean): Promise<void> {
    const parsed = parseCash(counted);
    if (!parsed.ok) {
      setErrors([t(`cashClose.${parsed.problem}`)]);
      return;
    }
    const problem = askReason ? reasonProblem(reason) : null;
    if (problem) {
      setErrors([t(`cashClose.reason_${problem}`)]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const request = { countedCash: parsed.value, ...(askReason ? { reason: reason.trim() } : {}) };
    const r = withManager
      ? await runAsManager('reports:closeShift', (approval) =>
          attempt(() => sago().reports.closeShift({ ...request, approval })),
        )
      : await attempt(() => sago().reports.closeShift(request));
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
      const { reason: why, unauthorised, expected: e, difference: d, message } = r.value;
      setRefusal({ reason: why, unauthorised, expected: e, difference: d, message });
      loadX();
    }
  }

  const changeCount = (value: string) => {
    setCounted(value);
    // A new count is a new blind count: what the register expected is shown again only after it is submitted.
    if (blind) setRefusal(null);
  };

  return (
    <div className="shift-panel">
      <section className="card shift-summary" data-testid="shift-open">
        <h2>{t('cashClose.shiftOpen')}</h2>
        <p>{t('cashClose.openedBy', { at: when(props.shift.openedAt), by: props.shift.openedByName })}</p>
        <p>{t('cashClose.openingCash', { amount: formatBalboas(props.shift.openingCash) })}</p>
        {blind ? (
          <p className="hint" data-testid="blind-count-hint">
            {t('cashClose.blindHint')}
          </p>
        ) : (
          <button type="button" className="button secondary" data-testid="x-report-refresh" onClick={loadX}>
            {t('cashClose.refreshX')}
          </button>
        )}
      </section>
      <section className="card close-form" aria-labelledby="close-title">
        <h2 id="close-title">{t('cashClose.closeTitle')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void close(false);
          }}
        >
          <label className="field">
            <span>{t('cashClose.countedLabel')}</span>
            <input
              data-testid="counted-cash"
              inputMode="decimal"
              value={counted}
              onChange={(e) => changeCount(e.target.value)}
            />
          </label>
          {expected !== null ? (
            <dl className="figures">
              <div>
                <dt>{t('cashClose.expected')}</dt>
                <dd data-testid="close-expected">{formatBalboas(expected)}</dd>
              </div>
              <div className={difference === null ? 'difference' : `difference ${differenceKind(difference)}`}>
                <dt>{t('cashClose.difference')}</dt>
                <dd data-testid="close-difference">{difference === null ? '—' : formatBalboas(difference)}</dd>
              </div>
            </dl>
          ) : null}
          {askReason ? (
            <label className="field">
              <span>{t('cashClose.reasonLabel')}</span>
              <textarea
                data-testid="close-reason"
                rows={2}
                maxLength={250}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          ) : null}
          <button type="submit" className="button primary" data-testid="close-shift" disabled={busy}>
            {t('cashClose.closeButton')}
          </button>
        </form>
        {refusal?.reason === 'needs_manager' ? (
          <div className="notice error" role="alert" data-testid="close-needs-manager">
            <p>{refusal.message}</p>
            <button
              type="button"
              className="button danger"
              data-testid="close-with-manager"
              disabled={busy}
              onClick={() => void close(true)}
            >
              {t('cashClose.closeWithManager')}
            </button>
          </div>
        ) : null}
        {refusal?.reason === 'needs_reason' ? (
          <p className="notice" role="status" data-testid="close-needs-reason">
            {refusal.message}
          </p>
        ) : null}
        {errors.length > 0 ? (
          <div className="notice error" role="alert" data-testid="close-error">
            {errors.map((e, i) => (
              <p key={i}>{e}</p>
            ))}
          </div>
        ) : null}
      </section>
      {x && !blind ? <ShiftReportView rendered={x} /> : null}
    </div>
  );
}
