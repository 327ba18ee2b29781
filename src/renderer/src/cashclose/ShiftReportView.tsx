// An X or Z report on screen: the figures a manager checks (sales by payment form, ITBMS by rate, document counts,
// credit notes, expected vs counted cash), the 80 mm text exactly as it prints, "Imprimir" and the CSV.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { RenderedShiftReport } from '../../../shared/ipc/areas/reports/contract';
import { printReceipt } from '../receipt/ReceiptView';
import { saveCsv } from '../ui/save-file';
import { differenceKind } from './cash-close-model';

const COUNT_KEYS = ['total', 'authorized', 'pending', 'contingency', 'rejected', 'failed', 'annulled'] as const;

export function ShiftReportView(props: { rendered: RenderedShiftReport }): JSX.Element {
  const { t } = useTranslation();
  const { report, text, csv } = props.rendered;
  const kind = report.kind;
  const difference = report.cash.difference;
  const fileName = `informe-${kind.toLowerCase()}-${report.until.slice(0, 10)}.csv`;
  return (
    <section
      className="shift-report"
      data-testid={`${kind.toLowerCase()}-report`}
      aria-label={t(kind === 'X' ? 'cashClose.xTitle' : 'cashClose.zTitle')}
    >
      <header className="shift-report-header">
        <h2>{t(kind === 'X' ? 'cashClose.xTitle' : 'cashClose.zTitle')}</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button secondary"
          data-testid="report-print"
          onClick={() => void printReceipt()}
        >
          {t('cashClose.print')}
        </button>
        <button
          type="button"
          className="button secondary"
          data-testid="report-csv"
          onClick={() => saveCsv(fileName, csv)}
        >
          {t('cashClose.csv')}
        </button>
      </header>
      <div className="shift-report-body">
        <div className="shift-report-figures">
          <dl className="figures">
            <div>
              <dt>{t('cashClose.salesTotal')}</dt>
              <dd data-testid="report-sales-total">{formatBalboas(report.salesTotal)}</dd>
            </div>
            <div>
              <dt>{t('cashClose.annulledTotal')}</dt>
              <dd data-testid="report-annulled-total">{formatBalboas(report.annulledTotal)}</dd>
            </div>
            <div>
              <dt>{t('cashClose.creditNotes', { count: report.creditNotes.count })}</dt>
              <dd data-testid="report-credit-total">{formatBalboas(report.creditNotes.total)}</dd>
            </div>
          </dl>
          <h3>{t('cashClose.byPaymentForm')}</h3>
          <table className="data-table" data-testid="report-payment-forms">
            <tbody>
              {report.byPaymentForm.map((p) => (
                <tr key={p.formaPago} data-forma={p.formaPago}>
                  <td>{p.label}</td>
                  <td className="num">{p.count}</td>
                  <td className="num">{formatBalboas(p.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('cashClose.itbmsByRate')}</h3>
          <table className="data-table" data-testid="report-itbms">
            <thead>
              <tr>
                <th>{t('cashClose.rate')}</th>
                <th className="num">{t('cashClose.base')}</th>
                <th className="num">{t('cashClose.itbms')}</th>
              </tr>
            </thead>
            <tbody>
              {report.itbmsByRate.map((r) => (
                <tr key={r.tasaItbms} data-tasa={r.tasaItbms}>
                  <td>{r.label}</td>
                  <td className="num">{formatBalboas(r.base)}</td>
                  <td className="num">{formatBalboas(r.itbms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('cashClose.documents')}</h3>
          <dl className="figures counts">
            {COUNT_KEYS.map((key) => (
              <div key={key}>
                <dt>{t(`cashClose.counts.${key}`)}</dt>
                <dd data-testid={`report-count-${key}`}>{report.counts[key]}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('cashClose.cash')}</h3>
          <dl className="figures">
            <div>
              <dt>{t('cashClose.opening')}</dt>
              <dd>{formatBalboas(report.cash.opening)}</dd>
            </div>
            <div>
              <dt>{t('cashClose.received')}</dt>
              <dd>{formatBalboas(report.cash.received)}</dd>
            </div>
            <div>
              <dt>{t('cashClose.change')}</dt>
              <dd>{formatBalboas(report.cash.change)}</dd>
            </div>
            <div>
              <dt>{t('cashClose.refunds')}</dt>
              <dd>{formatBalboas(report.cash.refunds)}</dd>
            </div>
            <div>
              <dt>{t('cashClose.expected')}</dt>
              <dd data-testid="report-cash-expected">{formatBalboas(report.cash.expected)}</dd>
            </div>
            {report.cash.counted !== null ? (
              <div>
                <dt>{t('cashClose.counted')}</dt>
                <dd data-testid="report-cash-counted">{formatBalboas(report.cash.counted)}</dd>
              </div>
            ) : null}
            {difference !== null ? (
              <div className={`difference ${differenceKind(difference)}`}>
                <dt>{t('cashClose.difference')}</dt>
                <dd data-testid="report-cash-difference">{formatBalboas(difference)}</dd>
              </div>
            ) : null}
            {report.shift.differenceReason ? (
              <div>
                <dt>{t('cashClose.reasonShown')}</dt>
                <dd data-testid="report-difference-reason">{report.shift.differenceReason}</dd>
              </div>
            ) : null}
            {report.shift.closeApprovedByName ? (
              <div>
                <dt>{t('cashClose.approvedBy')}</dt>
                <dd data-testid="report-close-approver">{report.shift.closeApprovedByName}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <pre className="report-text print-area" data-testid="report-text">
          {text}
        </pre>
      </div>
    </section>
  );
}
