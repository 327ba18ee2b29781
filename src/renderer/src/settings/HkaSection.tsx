// HKA: environment (Simulador / Demo / Producción), the endpoint for Demo/Producción, and the two tokens as
// write-only fields — the panel only ever shows "configurado ··1234" (the core sends nothing more). "Probar conexión"
// runs FoliosRestantes with the saved values; until it succeeds, invoicing in Demo/Producción stays disabled. With
// documents still waiting for HKA, a change needs a confirmation. Typed tokens are dropped as soon as they are saved.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { Dialog } from '../ui/Dialog';
import { HkaContract } from './HkaContract';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { RestartNotice } from './RestartNotice';
import { SeriesPanel } from './SeriesPanel';
import { useLoaded } from './use-loaded';

type HkaView = Response<'settings:hka'>;
type Environment = HkaView['environment'];
type FoliosReport = Response<'settings:testHka'>;
const ENVIRONMENTS: readonly Environment[] = ['simulador', 'demo', 'produccion'];

const loadHka = () => sago().settings.hka({});

function SecretState(props: { secret: HkaView['tokenEmpresa']; testId: string }): JSX.Element {
  const { t } = useTranslation();
  const { secret } = props;
  return (
    <em className={secret.configured ? 'field-ok' : 'field-hint'} data-testid={props.testId}>
      {secret.configured
        ? t('settings.hka.configured', { last: secret.lastFour ?? '' })
        : t('settings.hka.notConfigured')}
    </em>
  );
}

function Folios(props: { report: FoliosReport }): JSX.Element {
  const { t } = useTranslation();
  const r = props.report;
  const row = (key: string, label: string, value: string | number | null) => (
    <div className="detail-field">
      <dt>{label}</dt>
      <dd data-testid={`hka-test-${key}`}>{value ?? '—'}</dd>
    </div>
  );
  return (
    <>
      <p className="muted" data-testid="hka-test-values">
        {r.tested === 'typed' ? t('settings.hka.testedTyped') : t('settings.hka.testedSaved')}
      </p>
      <dl className="detail-grid settings-folios" data-testid="hka-test-result">
        {row('licencia', t('settings.hka.licencia'), r.licencia)}
        {row('fechaLicencia', t('settings.hka.fechaLicencia'), r.fechaLicencia)}
        {row('ciclo', t('settings.hka.ciclo'), r.ciclo)}
        {row('foliosTotales', t('settings.hka.foliosTotales'), r.foliosTotalesCiclo)}
        {row('foliosUtilizados', t('settings.hka.foliosUtilizados'), r.foliosUtilizadosCiclo)}
        {row('foliosDisponibles', t('settings.hka.foliosDisponibles'), r.foliosDisponibleCiclo)}
      </dl>
    </>
  );
}

function HkaEditor(props: { view: HkaView; onView: (view: HkaView) => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { view } = props;
  const [environment, setEnvironment] = useState<Environment>(view.environment);
  const [endpoint, setEndpoint] = useState(view.endpoint ?? '');
  const [tokenEmpresa, setTokenEmpresa] = useState('');
  const [tokenPassword, setTokenPassword] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [test, setTest] = useState<{ report: FoliosReport } | { error: Outcome } | null>(null);
  const [busy, setBusy] = useState(false);
  const needsEndpoint = environment !== 'simulador';

  /** Documents waiting for HKA now (the core refuses a change while there are any, unless confirmed). */
  async function waitingNow(): Promise<number> {
    const status = await attempt(() => sago().app.status({}));
    return status.ok ? status.value.queue.waiting : 0;
  }

  async function save(confirmQueued: boolean): Promise<void> {
    setWaiting(null);
    if (!confirmQueued) {
      const queued = await waitingNow();
      if (queued > 0) return setWaiting(queued);
    }
    setBusy(true);
    const request = {
      environment,
      ...(needsEndpoint && endpoint.trim() !== '' ? { endpoint: endpoint.trim() } : {}),
      ...(tokenEmpresa !== '' ? { tokenEmpresa } : {}),
      ...(tokenPassword !== '' ? { tokenPassword } : {}),
      ...(confirmQueued ? { confirmQueued: true } : {}),
    };
    const result = await runAsManager('settings:saveHka', (approval) =>
      attempt(() => sago().settings.saveHka({ ...request, approval })),
    );
    setBusy(false);
    if (result === null) return;
    if (!result.ok) {
      // A document may have started waiting since the check above: ask, as the core does.
      const queued = !confirmQueued && result.error.code === 'not_allowed' ? await waitingNow() : 0;
      return queued > 0 ? setWaiting(queued) : setOutcome(failed(result.error));
    }
    setTokenEmpresa('');
    setTokenPassword('');
    setTest(null);
    props.onView(result.value);
    setOutcome({ kind: 'ok', text: t('settings.saved') });
  }

  async function testConnection(): Promise<void> {
    setBusy(true);
    setTest(null);
    // Exactly what the form holds: the typed values (a token left empty keeps the saved one), or the saved ones.
    const draft = {
      environment,
      ...(needsEndpoint && endpoint.trim() !== '' ? { endpoint: endpoint.trim() } : {}),
      ...(tokenEmpresa !== '' ? { tokenEmpresa } : {}),
      ...(tokenPassword !== '' ? { tokenPassword } : {}),
    };
    const result = await runAsManager('settings:testHka', (approval) =>
      attempt(() => sago().settings.testHka({ approval, draft })),
    );
    setBusy(false);
    if (result === null) return;
    setTest(result.ok ? { report: result.value } : { error: failed(result.error) });
    const fresh = await attempt(loadHka);
    if (fresh.ok) props.onView(fresh.value);
  }

  const secretField = (name: 'tokenEmpresa' | 'tokenPassword', value: string, onChange: (v: string) => void) => (
    <label className="field">
      <span>{t(`settings.hka.${name}`)}</span>
      <input
        type="password"
        autoComplete="new-password"
        data-testid={`hka-${name}`}
        value={value}
        placeholder={view[name].configured ? t('settings.hka.keepPlaceholder') : ''}
        onChange={(e) => {
          onChange(e.target.value);
          setOutcome(null);
        }}
      />
      <SecretState secret={view[name]} testId={`hka-${name}-state`} />
    </label>
  );

  return (
    <form
      className="settings-form"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      {!view.invoicingAllowed ? (
        <p className="notice error" data-testid="hka-invoicing-disabled">
          {t('settings.hka.invoicingDisabled')}
        </p>
      ) : null}
      {view.restartNeeded ? <RestartNotice /> : null}
      <div className="form-grid two">
        <label className="field">
          <span>{t('settings.hka.environment')}</span>
          <select
            data-testid="hka-environment"
            value={environment}
            onChange={(e) => {
              setEnvironment(e.target.value as Environment);
              setOutcome(null);
            }}
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {t(`settings.hka.environments.${env}`)}
              </option>
            ))}
          </select>
        </label>
        {needsEndpoint ? (
          <label className="field">
            <span>{t('settings.hka.endpoint')}</span>
            <input
              data-testid="hka-endpoint"
              value={endpoint}
              placeholder={t('settings.hka.endpointDefault')}
              onChange={(e) => setEndpoint(e.target.value)}
            />
          </label>
        ) : (
          <span />
        )}
        {secretField('tokenEmpresa', tokenEmpresa, setTokenEmpresa)}
        {secretField('tokenPassword', tokenPassword, setTokenPassword)}
      </div>
      {environment !== view.environment ? (
        <p className="notice info" data-testid="hka-data-set-notice">
          {t('settings.hka.dataSetNotice', {
            from: t(`settings.hka.environments.${view.environment}`),
            to: t(`settings.hka.environments.${environment}`),
          })}
        </p>
      ) : null}
      <p className="muted">
        {view.verifiedAt
          ? t('settings.hka.verifiedAt', { at: new Date(view.verifiedAt).toLocaleString('es-PA') })
          : t('settings.hka.neverVerified')}
      </p>
      <OutcomeNotice outcome={outcome} testId="hka-outcome" />
      <div className="settings-actions">
        <button type="submit" className="button primary" data-testid="hka-save" disabled={busy}>
          {t('settings.save')}
        </button>
        <button
          type="button"
          className="button secondary"
          data-testid="hka-test"
          disabled={busy}
          onClick={() => void testConnection()}
        >
          {t('settings.hka.test')}
        </button>
      </div>
      {test && 'report' in test ? <Folios report={test.report} /> : null}
      {test && 'error' in test ? <OutcomeNotice outcome={test.error} testId="hka-test-error" /> : null}
      {view.contract ? <HkaContract contract={view.contract} /> : null}
      {waiting !== null ? (
        <Dialog
          title={t('settings.hka.confirmTitle')}
          onClose={() => setWaiting(null)}
          testId="hka-confirm-queued"
          footer={
            <>
              <button type="button" className="button secondary" onClick={() => setWaiting(null)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button primary"
                data-testid="hka-confirm"
                onClick={() => void save(true)}
              >
                {t('settings.hka.confirm')}
              </button>
            </>
          }
        >
          <p>{t('settings.hka.confirmQueued', { count: waiting })}</p>
        </Dialog>
      ) : null}
    </form>
  );
}

export function HkaSection(): JSX.Element {
  const { t } = useTranslation();
  const hka = useLoaded(loadHka);
  if (hka.error)
    return (
      <p className="notice error" role="alert">
        {hka.error}
      </p>
    );
  if (!hka.value) return <p className="muted">{t('common.loading')}</p>;
  return (
    <>
      <HkaEditor view={hka.value} onView={hka.setValue} />
      <SeriesPanel />
    </>
  );
}
