// Sincronización: the register's link to the central API (sync:status) and its enrolment with the server's address
// and a one-time code (sync:enrol). The code is cleared from the form once used; the device token never leaves main.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, sago } from '../api/sago';
import { useLiveStatus } from '../api/app-status';
import { useManagerAction } from '../auth/manager-action';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { useLoaded } from './use-loaded';

type SyncField =
  'state' | 'serverUrl' | 'storeCode' | 'deviceId' | 'pending' | 'lastPushAt' | 'lastError' | 'nextAttemptAt';
const loadSync = () => sago().sync.status({});
const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('es-PA') : '—');

export function SyncSection(): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { status } = useLiveStatus();
  const sync = useLoaded(loadSync);
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [registerName, setRegisterName] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const s = sync.value;

  async function enrol(): Promise<void> {
    if (serverUrl.trim() === '' || code.trim() === '')
      return setOutcome({ kind: 'error', lines: [t('settings.sync.required')] });
    setBusy(true);
    const request = {
      serverUrl: serverUrl.trim(),
      code: code.trim(),
      ...(registerName.trim() ? { registerName: registerName.trim() } : {}),
    };
    const result = await runAsManager('sync:enrol', (approval) =>
      attempt(() => sago().sync.enrol({ ...request, approval })),
    );
    setBusy(false);
    setCode('');
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setOutcome({
      kind: 'ok',
      text: t('settings.sync.enrolled', { store: result.value.storeName, register: result.value.registerName }),
    });
    await sync.reload();
  }

  async function pushNow(): Promise<void> {
    const result = await attempt(() => sago().sync.pushNow({}));
    if (result.ok) sync.setValue(result.value);
    else setOutcome(failed(result.error));
  }

  const row = (key: SyncField, value: string | number) => (
    <div className="detail-field">
      <dt>{t(`settings.sync.fields.${key}`)}</dt>
      <dd data-testid={`sync-status-${key}`}>{value}</dd>
    </div>
  );
  return (
    <div className="settings-form">
      {sync.error ? (
        <p className="notice error" role="alert">
          {sync.error}
        </p>
      ) : null}
      {status?.trainingMode ? (
        <p className="notice info" data-testid="sync-training-notice">
          {t('settings.sync.trainingNotice')}
        </p>
      ) : null}
      {s ? (
        <dl className="detail-grid" data-testid="sync-status">
          {row('state', s.enrolled ? t('settings.sync.enrolledState') : t('settings.sync.notEnrolled'))}
          {row('serverUrl', s.serverUrl ?? '—')}
          {row('storeCode', s.storeCode ?? '—')}
          {row('deviceId', s.deviceId ?? '—')}
          {row('pending', s.pending)}
          {row('lastPushAt', when(s.lastPushAt))}
          {row('lastError', s.lastError ?? '—')}
          {row('nextAttemptAt', when(s.nextAttemptAt))}
        </dl>
      ) : null}
      {s?.enrolled ? (
        <div className="settings-actions">
          <button type="button" className="button secondary" data-testid="sync-push" onClick={() => void pushNow()}>
            {t('settings.sync.pushNow')}
          </button>
        </div>
      ) : null}
      <form
        className="settings-card"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void enrol();
        }}
      >
        <h3>{s?.enrolled ? t('settings.sync.reenrol') : t('settings.sync.enrol')}</h3>
        <div className="form-grid three">
          <label className="field">
            <span>{t('settings.sync.fields.serverUrl')}</span>
            <input
              data-testid="sync-serverUrl"
              placeholder="https://"
              value={serverUrl}
              onChange={(e) => {
                setServerUrl(e.target.value);
                setOutcome(null);
              }}
            />
          </label>
          <label className="field">
            <span>{t('settings.sync.code')}</span>
            <input
              type="password"
              autoComplete="off"
              data-testid="sync-code"
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setOutcome(null);
              }}
            />
          </label>
          <label className="field">
            <span>{t('settings.sync.registerName')}</span>
            <input
              data-testid="sync-registerName"
              value={registerName}
              onChange={(e) => setRegisterName(e.target.value)}
            />
          </label>
        </div>
        <OutcomeNotice outcome={outcome} testId="sync-outcome" />
        <div className="settings-actions">
          <button type="submit" className="button primary" data-testid="sync-enrol" disabled={busy}>
            {t('settings.sync.enrolButton')}
          </button>
        </div>
      </form>
    </div>
  );
}
