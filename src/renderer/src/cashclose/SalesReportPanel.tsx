// Sales report by day and by product over a date range (Panamá days), each table exportable as CSV.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas, money } from '../../../shared/fiscal/money';
import type { Response } from '../../../shared/ipc/contract';
import { attempt, errorLines, sago } from '../api/sago';
import { saveCsv } from '../ui/save-file';
import { todayInPanama } from './cash-close-model';

type Sales = Response<'reports:sales'>;

export function SalesReportPanel(): JSX.Element {
  const { t } = useTranslation();
  const today = todayInPanama(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [sales, setSales] = useState<Sales | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function load(): Promise<void> {
    setBusy(true);
    const r = await attempt(() => sago().reports.sales({ from, to }));
    setBusy(false);
    if (r.ok) {
      setSales(r.value);
      setErrors([]);
    } else setErrors(errorLines(r.error));
  }

  const range = sales ? `${sales.report.from}_${sales.report.to}` : '';
  return (
    <section className="card sales-report" data-testid="sales-report">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label className="field">
          <span>{t('cashClose.from')}</span>
          <input type="date" data-testid="sales-from" value={from} required onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('cashClose.to')}</span>
          <input type="date" data-testid="sales-to" value={to} required onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="button primary" data-testid="sales-load" disabled={busy}>
          {t('cashClose.query')}
        </button>
      </form>
      {errors.length > 0 ? (
        <div className="notice error" role="alert" data-testid="sales-error">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
      {sales ? (
        <>
          <header className="shift-report-header">
            <h2>{t('cashClose.byDay')}</h2>
            <span className="spacer" />
            <button
              type="button"
              className="button secondary"
              data-testid="sales-csv-day"
              onClick={() => saveCsv(`ventas-por-dia-${range}.csv`, sales.csvByDay)}
            >
              {t('cashClose.csv')}
            </button>
          </header>
          {sales.report.byDay.length === 0 ? (
            <p className="muted">{t('cashClose.noSales')}</p>
          ) : (
            <table className="data-table" data-testid="sales-by-day">
              <thead>
                <tr>
                  <th>{t('cashClose.day')}</th>
                  <th className="num">{t('cashClose.documentsCol')}</th>
                  <th className="num">{t('cashClose.creditNotesCol')}</th>
                  <th className="num">{t('cashClose.base')}</th>
                  <th className="num">{t('cashClose.itbms')}</th>
                  <th className="num">{t('cashClose.total')}</th>
                </tr>
              </thead>
              <tbody>
                {sales.report.byDay.map((d) => (
                  <tr key={d.day}>
                    <td>{d.day.split('-').reverse().join('/')}</td>
                    <td className="num">{d.documents}</td>
                    <td className="num">{d.creditNotes}</td>
                    <td className="num">{formatBalboas(d.base)}</td>
                    <td className="num">{formatBalboas(d.itbms)}</td>
                    <td className="num strong">{formatBalboas(d.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <header className="shift-report-header">
            <h2>{t('cashClose.byProduct')}</h2>
            <span className="spacer" />
            <button
              type="button"
              className="button secondary"
              data-testid="sales-csv-product"
              onClick={() => saveCsv(`ventas-por-producto-${range}.csv`, sales.csvByProduct)}
            >
              {t('cashClose.csv')}
            </button>
          </header>
          {sales.report.byProduct.length === 0 ? (
            <p className="muted">{t('cashClose.noSales')}</p>
          ) : (
            <table className="data-table" data-testid="sales-by-product">
              <thead>
                <tr>
                  <th>{t('cashClose.code')}</th>
                  <th>{t('documentActions.credit.description')}</th>
                  <th className="num">{t('documentActions.credit.quantity')}</th>
                  <th className="num">{t('cashClose.base')}</th>
                  <th className="num">{t('cashClose.itbms')}</th>
                  <th className="num">{t('cashClose.total')}</th>
                </tr>
              </thead>
              <tbody>
                {sales.report.byProduct.map((p) => (
                  <tr key={p.codigo}>
                    <td className="mono">{p.codigo}</td>
                    <td>{p.descripcion}</td>
                    <td className="num">{money(p.cantidad).toFixed()}</td>
                    <td className="num">{formatBalboas(p.base)}</td>
                    <td className="num">{formatBalboas(p.itbms)}</td>
                    <td className="num strong">{formatBalboas(p.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
