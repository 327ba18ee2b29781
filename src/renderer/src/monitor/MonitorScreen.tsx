// Monitoreo: the register's health at a glance (cards) and over the last hours (charts of HKA latency and queue
// depth, and today's sales by hour). Refreshed every 15 s and on queue events while on screen (use-monitor.ts).
import { useCallback, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorOverview } from '../../../shared/ipc/areas/monitor/contract';
import { formatBalboas } from '../../../shared/fiscal/money';
import { AuditChainStatus } from '../settings/AuditChainStatus';
import { MonitorCards } from './MonitorCards';
import { TimeChart } from './TimeChart';
import { formatMs, latencyChart, panamaHourMinute, queueChart, salesByHourChart } from './monitor-model';
import { useMonitor } from './use-monitor';
import './monitor.css';

const HOURS = 6;

export function MonitorScreen(): JSX.Element {
  const { t } = useTranslation();
  const { overview, sync, error, readAt, refresh } = useMonitor(HOURS);
  // "Consultar folios" answers before the next refresh: show its figures at once.
  const [folios, setFolios] = useState<MonitorOverview['folios'] | null>(null);
  const shown = useMemo(() => (overview && folios ? { ...overview, folios } : overview), [overview, folios]);

  const latency = useMemo(() => (shown ? latencyChart(shown, { p50: 'p50', p95: 'p95' }) : null), [shown]);
  const queue = useMemo(() => (shown ? queueChart(shown, t('monitor.queue.waiting')) : null), [shown, t]);
  const sales = useMemo(() => (shown ? salesByHourChart(shown, t('monitor.charts.sales')) : null), [shown, t]);
  const hourLabel = useCallback((h: number) => `${h}:00`, []);
  const last = <T,>(values: readonly T[]): T | undefined => values[values.length - 1];

  return (
    <section className="monitor" data-testid="monitor-screen">
      <header className="documents-toolbar">
        <h1>{t('monitor.title')}</h1>
        <span className="muted" data-testid="monitor-read-at">
          {readAt ? t('monitor.readAt', { time: readAt.toLocaleTimeString('es-PA') }) : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="button secondary" data-testid="monitor-refresh" onClick={refresh}>
          {t('monitor.refresh')}
        </button>
      </header>
      {error ? (
        <p className="notice error" role="alert" data-testid="monitor-error">
          {error}
        </p>
      ) : null}
      {!shown ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <>
          <MonitorCards overview={shown} sync={sync} now={readAt ?? new Date()} onFolios={setFolios} />
          <AuditChainStatus />
          <div className="monitor-charts">
            {latency ? (
              <TimeChart
                title={t('monitor.charts.latency', { hours: HOURS })}
                testId="chart-latency"
                data={latency}
                formatX={panamaHourMinute}
                formatY={(v) => formatMs(v)}
                summary={t('monitor.charts.latencySummary', {
                  p50: formatMs(shown.hka.p50Ms),
                  p95: formatMs(shown.hka.p95Ms),
                })}
              />
            ) : null}
            {queue ? (
              <TimeChart
                title={t('monitor.charts.queue', { hours: HOURS })}
                testId="chart-queue"
                data={queue}
                formatX={panamaHourMinute}
                formatY={(v) => (v === null ? '—' : String(v))}
                summary={t('monitor.charts.queueSummary', {
                  count: last(queue.series[0]?.values ?? []) ?? shown.queue.waiting,
                })}
              />
            ) : null}
            {sales ? (
              <TimeChart
                title={t('monitor.charts.salesTitle')}
                testId="chart-sales"
                data={sales}
                bars
                formatX={hourLabel}
                formatY={(_v, _s, i) => `${formatBalboas(sales.totals[i] ?? '0')} (${sales.documents[i] ?? 0})`}
                summary={t('monitor.charts.salesSummary', { documents: sales.documents.reduce((a, b) => a + b, 0) })}
              />
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
