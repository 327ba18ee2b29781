// A small chart drawn by uPlot (MIT, ~50 kB, canvas, no dependencies), with a text alternative: the figure has an
// aria-label that says what it shows and its latest values, and a table of every point (collapsed under "Ver
// datos"), so screen readers and tests read the same numbers the lines show.
import { useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from './monitor-model';

const COLOURS = ['#1f5fae', '#b42318', '#137a3f'];
const HEIGHT = 180;

export function TimeChart(props: {
  title: string;
  data: ChartData;
  testId: string;
  /** How an x value is written in the table and on the axis ("14:05", "9 h"). */
  formatX: (x: number) => string;
  /** How a y value is written in the table ("120 ms", "B/. 10.74"); index = point. */
  formatY: (value: number | null, seriesIndex: number, pointIndex: number) => string;
  bars?: boolean;
  summary: string;
}): JSX.Element {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { data, bars, formatX } = props;
  // The callers pass formatY inline: read through a ref so a re-render does not rebuild the chart.
  const formatY = useRef(props.formatY);
  formatY.current = props.formatY;

  useEffect(() => {
    const el = box.current;
    if (!el || data.x.length === 0) return;
    const barPaths = bars ? uPlot.paths.bars?.({ size: [0.7, 40] }) : undefined;
    const opts: uPlot.Options = {
      width: Math.max(260, el.clientWidth),
      height: HEIGHT,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [{ values: (_u, splits) => splits.map((x) => formatX(x)) }, {}],
      // Every legend label and value is ours: uPlot's own defaults ("Value", raw numbers) are English codes.
      series: [
        { label: t('monitor.when'), value: (_u, x) => (x === null ? '—' : formatX(x)) },
        ...data.series.map((s, i) => ({
          label: s.label,
          value: (_u: uPlot, y: number | null, _si: number, idx: number | null) => formatY.current(y, i, idx ?? 0),
          stroke: COLOURS[i % COLOURS.length] ?? '#1f5fae',
          width: 2,
          spanGaps: false,
          ...(barPaths ? { fill: `${COLOURS[i % COLOURS.length] ?? '#1f5fae'}99`, paths: barPaths } : {}),
        })),
      ],
    };
    const plot = new uPlot(opts, [data.x, ...data.series.map((s) => s.values)], el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(260, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, bars, formatX, t]);

  return (
    <figure className="chart" data-testid={props.testId} aria-label={`${props.title}. ${props.summary}`}>
      <figcaption>{props.title}</figcaption>
      {data.x.length === 0 ? (
        <p className="muted">{t('monitor.noData')}</p>
      ) : (
        <div ref={box} className="chart-canvas" aria-hidden="true" />
      )}
      <details className="chart-data">
        <summary>{t('monitor.showData')}</summary>
        <table className="data-table" data-testid={`${props.testId}-table`}>
          <thead>
            <tr>
              <th>{t('monitor.when')}</th>
              {data.series.map((s) => (
                <th key={s.label} className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.x.map((x, i) => (
              <tr key={x}>
                <td>{formatX(x)}</td>
                {data.series.map((s, si) => (
                  <td key={s.label} className="num">
                    {props.formatY(s.values[i] ?? null, si, i)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
