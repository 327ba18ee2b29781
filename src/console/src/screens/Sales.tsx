// Net sales per store and day or hour, as a uPlot chart (one line per store) with its numbers in a table under it,
// a total per store and overall, and a CSV export of the table.
import { useEffect, useRef, useState, type FormEvent, type JSX } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Items, SalesRow } from '../api/types';
import { useT } from '../i18n/i18n';
import { downloadCsv } from '../ui/csv-download';
import { ErrorLine, failureText } from '../ui/errors';
import { formText } from '../ui/form-text';
import { balboas } from '../ui/format';
import { useLoad } from '../ui/session';
import { salesView, type SalesView } from './sales-model';

const COLOURS = ['#1f5fae', '#b42318', '#137a3f', '#8a5a00', '#6b3fa0', '#0f7285'];

function SalesChart(props: { view: SalesView; label: string; periodLabel: string }): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const { view, periodLabel } = props;
  useEffect(() => {
    const el = box.current;
    if (!el || view.periods.length === 0) return;
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 240,
        scales: { x: { time: false } },
        axes: [{ values: (_u, splits) => splits.map((x) => view.periods[x] ?? '') }, {}],
        // The legend names the period (uPlot's default x label is the English "Value").
        series: [
          { label: periodLabel, value: (_u, x) => (x === null ? '—' : (view.periods[x] ?? '')) },
          ...view.stores.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length] ?? '#1f5fae',
            width: 2,
          })),
        ],
      },
      [view.periods.map((_p, i) => i), ...view.stores.map((s) => s.values)],
      el,
    );
    return () => plot.destroy();
  }, [view, periodLabel]);
  return (
    <figure className="chart" aria-label={props.label}>
      <div ref={box} aria-hidden="true" />
    </figure>
  );
}

export function Sales(): JSX.Element {
  const { t } = useT();
  const [query, setQuery] = useState<{ from: string; to: string; by: 'day' | 'hour' }>({ from: '', to: '', by: 'day' });
  const sales = useLoad((a) => a.get<Items<SalesRow>>('/v1/sales', query), [query]);
  const view = salesView(sales.data?.items ?? []);

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setQuery({
      from: formText(form, 'from'),
      to: formText(form, 'to'),
      by: form.get('by') === 'hour' ? 'hour' : 'day',
    });
  }

  const byLabel = query.by === 'hour' ? t('sales.byHour') : t('sales.byDay');
  const exportCsv = () =>
    downloadCsv(
      'ventas.csv',
      [t('documents.store'), t('sales.period'), t('sales.documents'), t('sales.total')],
      (sales.data?.items ?? []).map((r) => [r.storeCode, r.period, r.documents, r.total]),
    );

  return (
    <section>
      <h2>{t('sales.title')}</h2>
      <p className="muted">{t('sales.hint')}</p>
      <form className="inline" onSubmit={apply}>
        <label>
          {t('documents.from')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('documents.to')}
          <input name="to" type="date" />
        </label>
        <label>
          {t('sales.by')}
          <select name="by" defaultValue="day">
            <option value="day">{t('sales.byDay')}</option>
            <option value="hour">{t('sales.byHour')}</option>
          </select>
        </label>
        <button type="submit">{t('documents.search')}</button>
        <button type="button" onClick={exportCsv} disabled={view.periods.length === 0}>
          {t('documents.exportCsv')}
        </button>
      </form>
      <ErrorLine text={sales.failure ? failureText(t, sales.failure) : null} />
      {sales.data && view.periods.length === 0 && <p className="muted">{t('sales.noData')}</p>}
      {view.periods.length > 0 && (
        <>
          <SalesChart
            view={view}
            periodLabel={t('sales.period')}
            label={`${t('sales.chart', { by: byLabel })}. ${t('sales.chartSummary', { count: view.periods.length, total: balboas(view.grandTotal) })}`}
          />
          <table className="data-table" data-testid="sales-totals">
            <thead>
              <tr>
                <th>{t('documents.store')}</th>
                <th className="num">{t('sales.documents')}</th>
                <th className="num">{t('sales.total')}</th>
              </tr>
            </thead>
            <tbody>
              {view.stores.map((s) => (
                <tr key={s.storeId} data-testid={`sales-${s.label.slice(0, 4)}`}>
                  <td>{s.label}</td>
                  <td className="num">{s.documents}</td>
                  <td className="num">{balboas(s.total)}</td>
                </tr>
              ))}
              <tr className="total">
                <td>{t('sales.grandTotal')}</td>
                <td />
                <td className="num" data-testid="sales-grand-total">
                  {balboas(view.grandTotal)}
                </td>
              </tr>
            </tbody>
          </table>
          <details>
            <summary>{t('sales.showData')}</summary>
            <table className="data-table" data-testid="sales-periods">
              <thead>
                <tr>
                  <th>{t('sales.period')}</th>
                  {view.stores.map((s) => (
                    <th key={s.storeId} className="num">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.periods.map((p) => (
                  <tr key={p}>
                    <td>{p}</td>
                    {view.stores.map((s) => {
                      const row = sales.data?.items.find((r) => r.storeId === s.storeId && r.period === p);
                      return (
                        <td key={s.storeId} className="num">
                          {row ? balboas(row.total) : '—'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
