// Caja: the cash shift (open with the opening cash; X report while it runs; close with the counted cash → Z report)
// and the sales report. The Z report stays on screen after the close, printable and exportable, until a new shift
// is opened.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedShiftReport, Shift } from '../../../shared/ipc/areas/reports/contract';
import { attempt, errorLines, sago } from '../api/sago';
import { useSession } from '../auth/session';
import { parseCash } from './cash-close-model';
import { CashMovementsPanel } from './CashMovementsPanel';
import { OpenDrawerPanel } from './OpenDrawerPanel';
import { ParkedWarning } from './ParkedWarning';
import { SalesReportPanel } from './SalesReportPanel';
import { ShiftPanel } from './ShiftPanel';
import { ShiftReportView } from './ShiftReportView';
import './cashclose.css';

type Tab = 'shift' | 'sales';

function OpenShiftForm(props: { onOpened: (shift: Shift) => void; closedBefore: boolean }): JSX.Element {
  const { t } = useTranslation();
  const [cash, setCash] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function open(): Promise<void> {
    const parsed = parseCash(cash);
    if (!parsed.ok) {
      setErrors([t(`cashClose.${parsed.problem}`)]);
      return;
    }
    setBusy(true);
    const r = await attempt(() => sago().reports.openShift({ openingCash: parsed.value }));
    setBusy(false);
    if (r.ok) props.onOpened(r.value);
    else setErrors(errorLines(r.error));
  }

  return (
    <section className="card open-shift" data-testid="shift-closed">
      <h2>{t(props.closedBefore ? 'cashClose.newShift' : 'cashClose.noShift')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label className="field">
          <span>{t('cashClose.openingLabel')}</span>
          <input
            data-testid="opening-cash"
            inputMode="decimal"
            value={cash}
            autoFocus
            onChange={(e) => setCash(e.target.value)}
          />
        </label>
        <button type="submit" className="button primary" data-testid="open-shift" disabled={busy}>
          {t('cashClose.openButton')}
        </button>
      </form>
      {errors.length > 0 ? (
        <div className="notice error" role="alert" data-testid="open-error">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}

export function CashCloseScreen(): JSX.Element {
  const { t } = useTranslation();
  const { isManager } = useSession();
  const [tab, setTab] = useState<Tab>('shift');
  /** undefined while loading; null when no shift is open. */
  const [shift, setShift] = useState<Shift | null | undefined>(undefined);
  const [closed, setClosed] = useState<RenderedShiftReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by each pay-in/pay-out, so the shift panel reads the X report (expected cash) again. */
  const [movements, setMovements] = useState(0);

  const load = useCallback(() => {
    void attempt(() => sago().reports.currentShift({})).then((r) => {
      if (r.ok) setShift(r.value);
      else setError(r.error.message);
    });
  }, []);
  useEffect(load, [load]);

  const tabButton = (key: Tab) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === key}
      className={tab === key ? 'chip active' : 'chip'}
      data-testid={`cashclose-tab-${key}`}
      onClick={() => setTab(key)}
    >
      {t(`cashClose.tabs.${key}`)}
    </button>
  );
  return (
    <section className="cashclose" data-testid="cashclose-screen">
      <header className="documents-toolbar">
        <h1>{t('cashClose.title')}</h1>
        {/* The sales report is the gerente's (reports:sales); a cashier's Caja is the shift and its close. */}
        {isManager ? (
          <div className="filters" role="tablist">
            {tabButton('shift')}
            {tabButton('sales')}
          </div>
        ) : null}
      </header>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {tab === 'sales' && isManager ? (
        <SalesReportPanel />
      ) : shift === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          {shift === null ? (
            <OpenShiftForm
              closedBefore={closed !== null}
              onOpened={(s) => {
                setClosed(null);
                setShift(s);
              }}
            />
          ) : (
            <>
              <ParkedWarning />
              <ShiftPanel
                key={`${shift.id}-${movements}`}
                shift={shift}
                onClosed={(z) => {
                  setClosed(z);
                  setShift(null);
                }}
              />
              <CashMovementsPanel onRecorded={() => setMovements((n) => n + 1)} />
              <OpenDrawerPanel />
            </>
          )}
          {closed ? <ShiftReportView rendered={closed} /> : null}
        </>
      )}
    </section>
  );
}
