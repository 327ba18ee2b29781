// The monitoring panel's cards: queue, HKA latency and errors, contingency, folios (with "Consultar folios"),
// clock check and central sync. Each card says in words what is wrong when something is (data-state="alarm").
import { useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorOverview } from '../../../shared/ipc/areas/monitor/contract';
import type { SyncStatus } from '../../../shared/sync/status';
import { attempt, sago } from '../api/sago';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import { ageOf, clockOff, formatDuration, formatMs, formatOffset, formatRate, syncReasonKey } from './monitor-model';

export const ERROR_KINDS = [
  'rejected',
  'connection_refused',
  'connect_timeout',
  'dns',
  'response_timeout',
  'connection_reset',
  'http_error',
  'soap_fault',
  'unparseable',
] as const;
type KnownKind = (typeof ERROR_KINDS)[number];
export const isKnownKind = (kind: string): kind is KnownKind => (ERROR_KINDS as readonly string[]).includes(kind);

const when = (iso: string | null | undefined): string => (iso ? toPanamaDisplay(new Date(iso)) : '—');

function Card(props: { title: string; testId: string; alarm?: boolean; children: ReactNode }): JSX.Element {
  return (
    <section
      className={props.alarm ? 'card monitor-card alarm' : 'card monitor-card'}
      data-testid={props.testId}
      data-state={props.alarm ? 'alarm' : 'ok'}
      aria-label={props.title}
    >
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Stat(props: { label: string; value: string | number; testId?: string; big?: boolean }): JSX.Element {
  return (
    <div className={props.big ? 'stat big' : 'stat'}>
      <span className="stat-label">{props.label}</span>
      <span className="stat-value" data-testid={props.testId}>
        {props.value}
      </span>
    </div>
  );
}

/** The latest events set aside (refused by the server or parked by the register), in words. */
/** Head office's catalogue on this register: version and when applied, or waiting for the sale; refusals and errors. */
function CatalogLine(props: { catalog: NonNullable<SyncStatus['catalog']> }): JSX.Element {
  const { t } = useTranslation();
  const c = props.catalog;
  const state =
    c.waitingForSaleSince !== null
      ? t('monitor.sync.catalogWaiting')
      : c.version === 0
        ? t('monitor.sync.catalogNone')
        : t('monitor.sync.catalogVersion', { version: c.version, when: when(c.lastAppliedAt) });
  const problems = [
    c.refusedTotal > 0 ? t('monitor.sync.catalogRefused', { count: c.refusedTotal }) : null,
    c.lastError,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <Stat label={t('monitor.sync.catalog')} value={state} testId="sync-catalog" />
      {problems ? (
        <p className="notice error small" data-testid="sync-catalog-problem">
          {problems}
        </p>
      ) : null}
    </>
  );
}

function SyncRejections(props: { rejections: SyncStatus['recentRejections'] }): JSX.Element | null {
  const { t } = useTranslation();
  if (props.rejections.length === 0) return null;
  return (
    <div className="notice info small" data-testid="sync-rejections">
      <p>{t('monitor.sync.rejectedHint')}</p>
      <ul>
        {props.rejections.map((r) => (
          <li key={r.eventId} data-reason={r.reason} title={r.message}>
            {t('monitor.sync.rejection', { seq: r.seq, reason: t(`monitor.sync.reasons.${syncReasonKey(r.reason)}`) })}{' '}
            · {when(r.at)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MonitorCards(props: {
  overview: MonitorOverview;
  sync: SyncStatus | null;
  now: Date;
  onFolios: (folios: MonitorOverview['folios']) => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { queue, hka, contingency, folios, clock } = props.overview;
  const [foliosMessage, setFoliosMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const oldest = ageOf(queue.oldestWaitingSince, props.now);

  async function checkFolios(): Promise<void> {
    setChecking(true);
    setFoliosMessage(null);
    const r = await attempt(() => sago().monitor.checkFolios({}));
    setChecking(false);
    if (r.ok) props.onFolios(r.value);
    else setFoliosMessage(r.error.message);
  }

  const clockWarn = clock.warn || clockOff(clock.hkaOffsetMs) || clockOff(clock.serverOffsetMs);
  return (
    <div className="monitor-cards">
      <Card title={t('monitor.queue.title')} testId="card-queue" alarm={queue.parked + queue.failed > 0}>
        <Stat label={t('monitor.queue.waiting')} value={queue.waiting} testId="queue-waiting" big />
        <Stat label={t('monitor.queue.oldest')} value={oldest ?? '—'} testId="queue-oldest" />
        <Stat label={t('monitor.queue.inFlight')} value={queue.inFlight} />
        <Stat label={t('monitor.queue.attention')} value={queue.parked + queue.failed} testId="queue-attention" />
      </Card>
      <Card title={t('monitor.latency.title')} testId="card-latency">
        <Stat label="p50" value={formatMs(hka.p50Ms)} testId="latency-p50" big />
        <Stat label="p95" value={formatMs(hka.p95Ms)} testId="latency-p95" />
        <Stat label="p99" value={formatMs(hka.p99Ms)} testId="latency-p99" />
        <Stat label={t('monitor.latency.calls')} value={hka.calls} testId="latency-calls" />
      </Card>
      <Card title={t('monitor.errors.title')} testId="card-errors" alarm={hka.errorRate > 0.1}>
        <Stat label={t('monitor.errors.rate')} value={formatRate(hka.errorRate)} testId="error-rate" big />
        {hka.errorsByKind.length === 0 ? (
          <p className="muted">{t('monitor.errors.none')}</p>
        ) : (
          <ul className="plain-list" data-testid="errors-by-kind">
            {hka.errorsByKind.map((e) => (
              <li key={e.kind}>
                <span>{isKnownKind(e.kind) ? t(`monitor.errorKinds.${e.kind}`) : e.kind}</span>
                <strong>{e.count}</strong>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('monitor.contingency.title')} testId="card-contingency" alarm={contingency.active}>
        <Stat
          label={t('monitor.contingency.state')}
          value={t(contingency.active ? 'monitor.contingency.active' : 'monitor.contingency.normal')}
          testId="contingency-state"
          big
        />
        {contingency.active ? (
          <>
            <Stat label={t('monitor.contingency.since')} value={when(contingency.since)} />
            <Stat
              label={t('monitor.contingency.duration')}
              value={contingency.durationMs === null ? '—' : formatDuration(contingency.durationMs)}
              testId="contingency-duration"
            />
            {contingency.motivo ? <p className="small">{contingency.motivo}</p> : null}
          </>
        ) : null}
      </Card>
      <Card title={t('monitor.folios.title')} testId="card-folios" alarm={folios.alarm}>
        <Stat
          label={t('monitor.folios.available')}
          value={folios.available === null ? '—' : folios.available}
          testId="folios-available"
          big
        />
        <Stat label={t('monitor.folios.threshold')} value={folios.threshold} />
        <Stat label={t('monitor.folios.checkedAt')} value={when(folios.checkedAt)} />
        {folios.alarm ? (
          <p className="notice error" role="alert" data-testid="folios-alarm">
            {t('monitor.folios.alarm', { threshold: folios.threshold })}
          </p>
        ) : null}
        <button
          type="button"
          className="button secondary"
          data-testid="check-folios"
          disabled={checking}
          onClick={() => void checkFolios()}
        >
          {t('monitor.folios.check')}
        </button>
        {foliosMessage ? (
          <p className="notice error" role="alert">
            {foliosMessage}
          </p>
        ) : null}
      </Card>
      <Card title={t('monitor.clock.title')} testId="card-clock" alarm={clockWarn}>
        <Stat label={t('monitor.clock.hka')} value={formatOffset(clock.hkaOffsetMs)} testId="clock-hka" />
        <Stat label={t('monitor.clock.server')} value={formatOffset(clock.serverOffsetMs)} testId="clock-server" />
        <p
          className={clockWarn ? 'notice error' : 'muted small'}
          role={clockWarn ? 'alert' : undefined}
          data-testid="clock-status"
        >
          {t(clockWarn ? 'monitor.clock.warn' : 'monitor.clock.ok')}
        </p>
      </Card>
      <Card
        title={t('monitor.sync.title')}
        testId="card-sync"
        alarm={props.sync !== null && props.sync.lastError !== null}
      >
        {props.sync === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : !props.sync.enrolled ? (
          <p className="muted" data-testid="sync-state">
            {t('monitor.sync.notEnrolled')}
          </p>
        ) : (
          <>
            <Stat label={t('monitor.sync.pending')} value={props.sync.pending} testId="sync-pending" big />
            <Stat label={t('monitor.sync.lastPush')} value={when(props.sync.lastPushAt)} />
            {props.sync.lastError ? (
              <p className="notice error small" data-testid="sync-error">
                {props.sync.lastError}
              </p>
            ) : null}
            <Stat label={t('monitor.sync.rejected')} value={props.sync.rejectedTotal} testId="sync-rejected" />
            <SyncRejections rejections={props.sync.recentRejections} />
            {props.sync.catalog ? <CatalogLine catalog={props.sync.catalog} /> : null}
          </>
        )}
      </Card>
    </div>
  );
}
