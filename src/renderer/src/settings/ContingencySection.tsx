// Contingencia: the thresholds that start it automatically, its default reason and the folios alarm
// (settings:contingency / saveContingency), and the manual switch: enter with a reason, change the reason, leave.
// The DGI wants 15–250 characters of reason; after 72 hours the core asks for a new one (needsExtendedReason).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/api';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { reasonProblem } from './reason';
import { useLoaded } from './use-loaded';

type ContingencyView = Response<'settings:contingency'>;
type Current = ContingencyView['current'];
type NumberField = 'afterUnreachableMinutes' | 'afterConsecutiveFailures' | 'foliosAlarmThreshold';
const NUMBER_FIELDS: readonly NumberField[] = [
  'afterUnreachableMinutes',
  'afterConsecutiveFailures',
  'foliosAlarmThreshold',
];

const loadContingency = () => sago().settings.contingency({});

function ReasonField(props: {
  value: string;
  onChange: (v: string) => void;
  testId: string;
  label: string;
}): JSX.Element {
  const { t } = useTranslation();
  const problem = props.value === '' ? null : reasonProblem(props.value);
  return (
    <label className="field span-2">
      <span>{props.label}</span>
      <textarea
        rows={2}
        maxLength={300}
        data-testid={props.testId}
        value={props.value}
        aria-invalid={problem !== null}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <em className={problem ? 'field-error' : 'field-hint'}>
        {problem
          ? t(`settings.contingency.reason.${problem}`)
          : t('settings.contingency.reason.count', { count: props.value.trim().length })}
      </em>
    </label>
  );
}

function ManualSwitch(props: { current: Current; onCurrent: (current: Current) => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { current } = props;
  const [motivo, setMotivo] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: 'contingency:enter' | 'contingency:setReason' | 'contingency:leave'): Promise<void> {
    if (action !== 'contingency:leave') {
      const problem = reasonProblem(motivo);
      if (problem) return setOutcome({ kind: 'error', lines: [t(`settings.contingency.reason.${problem}`)] });
    }
    setBusy(true);
    const call = (approval: string | undefined): Promise<IpcResult<Current>> =>
      attempt(() => {
        if (action === 'contingency:enter') return sago().contingency.enter({ motivo: motivo.trim(), approval });
        if (action === 'contingency:setReason')
          return sago().contingency.setReason({ motivo: motivo.trim(), approval });
        return sago().contingency.leave({ approval });
      });
    const result = await runAsManager(action, call);
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setMotivo('');
    props.onCurrent(result.value);
    setOutcome({
      kind: 'ok',
      text: t(
        `settings.contingency.done.${action === 'contingency:enter' ? 'enter' : action === 'contingency:leave' ? 'leave' : 'reason'}`,
      ),
    });
  }

  return (
    <div className="settings-card" data-testid="contingency-manual">
      <h3>{t('settings.contingency.manual')}</h3>
      <p data-testid="contingency-state">
        {current.active
          ? t('settings.contingency.active', {
              since: current.since ? new Date(current.since).toLocaleString('es-PA') : '—',
              motivo: current.motivo ?? '—',
            })
          : t('settings.contingency.inactive')}
      </p>
      {current.needsExtendedReason ? (
        <p className="notice error" role="alert" data-testid="contingency-72h">
          {t('settings.contingency.needsExtendedReason')}
        </p>
      ) : null}
      <div className="form-grid two">
        <ReasonField
          value={motivo}
          onChange={(v) => {
            setMotivo(v);
            setOutcome(null);
          }}
          testId="contingency-motivo"
          label={current.active ? t('settings.contingency.newReason') : t('settings.contingency.reasonToEnter')}
        />
      </div>
      <OutcomeNotice outcome={outcome} testId="contingency-manual-outcome" />
      <div className="settings-actions">
        {current.active ? (
          <>
            <button
              type="button"
              className="button secondary"
              data-testid="contingency-set-reason"
              disabled={busy}
              onClick={() => void act('contingency:setReason')}
            >
              {t('settings.contingency.setReason')}
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="contingency-leave"
              disabled={busy}
              onClick={() => void act('contingency:leave')}
            >
              {t('settings.contingency.leave')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="contingency-enter"
            disabled={busy}
            onClick={() => void act('contingency:enter')}
          >
            {t('settings.contingency.enter')}
          </button>
        )}
      </div>
    </div>
  );
}

function ContingencyEditor(props: { initial: ContingencyView }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    afterUnreachableMinutes: String(props.initial.afterUnreachableMinutes),
    afterConsecutiveFailures: String(props.initial.afterConsecutiveFailures),
    foliosAlarmThreshold: String(props.initial.foliosAlarmThreshold),
  });
  const [defaultReason, setDefaultReason] = useState(props.initial.defaultReason);
  const [current, setCurrent] = useState<Current>(props.initial.current);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const bad = NUMBER_FIELDS.filter((f) => !/^\d+$/.test(numbers[f].trim()));
    if (bad.length > 0)
      return setOutcome({
        kind: 'error',
        lines: bad.map((f) => t('settings.contingency.notANumber', { field: t(`settings.contingency.${f}`) })),
      });
    const problem = reasonProblem(defaultReason);
    if (problem) return setOutcome({ kind: 'error', lines: [t(`settings.contingency.reason.${problem}`)] });
    const request = {
      afterUnreachableMinutes: Number(numbers.afterUnreachableMinutes),
      afterConsecutiveFailures: Number(numbers.afterConsecutiveFailures),
      foliosAlarmThreshold: Number(numbers.foliosAlarmThreshold),
      defaultReason: defaultReason.trim(),
    };
    setBusy(true);
    const result = await runAsManager('settings:saveContingency', (approval) =>
      attempt(() => sago().settings.saveContingency({ ...request, approval })),
    );
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setCurrent(result.value.current);
    setOutcome({ kind: 'ok', text: t('settings.saved') });
  }

  return (
    <>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-grid three">
          {NUMBER_FIELDS.map((name) => (
            <label key={name} className="field">
              <span>{t(`settings.contingency.${name}`)}</span>
              <input
                inputMode="numeric"
                data-testid={`contingency-${name}`}
                value={numbers[name]}
                onChange={(e) => {
                  setNumbers({ ...numbers, [name]: e.target.value });
                  setOutcome(null);
                }}
              />
            </label>
          ))}
        </div>
        <div className="form-grid two">
          <ReasonField
            value={defaultReason}
            onChange={(v) => {
              setDefaultReason(v);
              setOutcome(null);
            }}
            testId="contingency-defaultReason"
            label={t('settings.contingency.defaultReason')}
          />
        </div>
        <OutcomeNotice outcome={outcome} testId="contingency-outcome" />
        <div className="settings-actions">
          <button type="submit" className="button primary" data-testid="contingency-save" disabled={busy}>
            {t('settings.save')}
          </button>
        </div>
      </form>
      <ManualSwitch current={current} onCurrent={setCurrent} />
    </>
  );
}

export function ContingencySection(): JSX.Element {
  const { t } = useTranslation();
  const contingency = useLoaded(loadContingency);
  if (contingency.error)
    return (
      <p className="notice error" role="alert">
        {contingency.error}
      </p>
    );
  if (!contingency.value) return <p className="muted">{t('common.loading')}</p>;
  return <ContingencyEditor initial={contingency.value} />;
}
