// Emisor: RUC with its DV checked as it is typed, razón social, branch code, tipo de sucursal, billing point and the
// default naturaleza de operación (settings:issuer / settings:saveIssuer; the core verifies the DV again and audits).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { NATURALEZA_OPERACION, TIPO_SUCURSAL, codesOf } from '../../../shared/fiscal/codes';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import {
  checkIssuerForm,
  formatAutorizados,
  parseAutorizados,
  issuerDvHint,
  type IssuerField,
  type IssuerForm,
} from './issuer-form';
import { useLoaded } from './use-loaded';

const loadIssuer = () => sago().settings.issuer({});

function DvHint(props: { form: IssuerForm; onUse: (dv: string) => void }): JSX.Element | null {
  const { t } = useTranslation();
  const hint = issuerDvHint(props.form.ruc, props.form.dv);
  switch (hint.state) {
    case 'empty':
      return null;
    case 'valid':
      return (
        <em className="field-ok" data-testid="issuer-dv-status">
          {t('settings.issuer.dvValid')}
        </em>
      );
    case 'unknown':
      return (
        <em className="field-hint" data-testid="issuer-dv-status">
          {hint.reason}
        </em>
      );
    case 'suggest':
    case 'mismatch':
      return (
        <em className={hint.state === 'mismatch' ? 'field-error' : 'field-hint'} data-testid="issuer-dv-status">
          {t(hint.state === 'mismatch' ? 'settings.issuer.dvMismatch' : 'settings.issuer.dvSuggest', {
            dv: hint.expected,
          })}{' '}
          <button type="button" className="link-button" onClick={() => props.onUse(hint.expected)}>
            {t('settings.issuer.useDv', { dv: hint.expected })}
          </button>
        </em>
      );
  }
}

function IssuerEditor(props: { initial: IssuerForm; onSaved: (saved: IssuerForm) => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [form, setForm] = useState<IssuerForm>(props.initial);
  const [problems, setProblems] = useState<Partial<Record<IssuerField, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [autorizados, setAutorizados] = useState(formatAutorizados(props.initial.autorizadosDescarga));
  const set = (patch: Partial<IssuerForm>): void => {
    setForm({ ...form, ...patch });
    setProblems({});
    setOutcome(null);
  };

  async function save(): Promise<void> {
    const list = parseAutorizados(autorizados);
    if (!list.ok) {
      setProblems({ autorizadosDescarga: t('settings.issuer.autorizadosLine', { line: list.line }) });
      setOutcome({ kind: 'error', lines: [t('settings.fixErrors')] });
      return;
    }
    const checked = checkIssuerForm({ ...form, autorizadosDescarga: list.list });
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome({ kind: 'error', lines: [t('settings.fixErrors')] });
      return;
    }
    setBusy(true);
    const result = await runAsManager('settings:saveIssuer', (approval) =>
      attempt(() => sago().settings.saveIssuer({ ...checked.input, approval })),
    );
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setForm(result.value);
    setAutorizados(formatAutorizados(result.value.autorizadosDescarga));
    props.onSaved(result.value);
    setOutcome({ kind: 'ok', text: t('settings.saved') });
  }

  const text = (
    name: 'ruc' | 'dv' | 'razonSocial' | 'codigoSucursalEmisor' | 'puntoFacturacionFiscal',
    extra?: JSX.Element | null,
  ) => (
    <label className={name === 'razonSocial' ? 'field span-2' : 'field'}>
      <span>{t(`settings.issuer.${name}`)}</span>
      <input
        data-testid={`issuer-${name}`}
        value={form[name]}
        aria-invalid={problems[name] !== undefined}
        onChange={(e) => set({ [name]: e.target.value })}
      />
      {problems[name] ? (
        <em className="field-error" role="alert">
          {problems[name]}
        </em>
      ) : null}
      {extra ?? null}
    </label>
  );

  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-grid two">
        {text('ruc')}
        {text('dv', problems.dv ? null : <DvHint form={form} onUse={(dv) => set({ dv })} />)}
        {text('razonSocial')}
        {text('codigoSucursalEmisor')}
        <label className="field">
          <span>{t('settings.issuer.tipoSucursal')}</span>
          <select
            data-testid="issuer-tipoSucursal"
            value={form.tipoSucursal}
            onChange={(e) => set({ tipoSucursal: e.target.value === '2' ? '2' : '1' })}
          >
            {codesOf(TIPO_SUCURSAL).map((code) => (
              <option key={code} value={code}>
                {code} · {TIPO_SUCURSAL[code]}
              </option>
            ))}
          </select>
        </label>
        {text('puntoFacturacionFiscal')}
        <label className="field">
          <span>{t('settings.issuer.naturalezaOperacion')}</span>
          <select
            data-testid="issuer-naturalezaOperacion"
            value={form.naturalezaOperacion}
            onChange={(e) => set({ naturalezaOperacion: e.target.value as IssuerForm['naturalezaOperacion'] })}
          >
            {codesOf(NATURALEZA_OPERACION).map((code) => (
              <option key={code} value={code}>
                {code} · {NATURALEZA_OPERACION[code]}
              </option>
            ))}
          </select>
        </label>
        <label className="field span-2">
          <span>{t('settings.issuer.autorizadosDescarga')}</span>
          <textarea
            data-testid="issuer-autorizadosDescarga"
            rows={3}
            value={autorizados}
            placeholder="155646463-2-2017 86"
            aria-invalid={problems.autorizadosDescarga !== undefined}
            onChange={(e) => {
              setAutorizados(e.target.value);
              setProblems({});
              setOutcome(null);
            }}
          />
          {problems.autorizadosDescarga ? (
            <em className="field-error" role="alert">
              {problems.autorizadosDescarga}
            </em>
          ) : (
            <em className="field-hint">{t('settings.issuer.autorizadosHint')}</em>
          )}
        </label>
      </div>
      <OutcomeNotice outcome={outcome} testId="issuer-outcome" />
      <div className="settings-actions">
        <button type="submit" className="button primary" data-testid="issuer-save" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

export function IssuerSection(): JSX.Element {
  const { t } = useTranslation();
  const issuer = useLoaded(loadIssuer);
  if (issuer.error)
    return (
      <p className="notice error" role="alert" data-testid="issuer-load-error">
        {issuer.error}
      </p>
    );
  if (!issuer.value) return <p className="muted">{t('common.loading')}</p>;
  return <IssuerEditor initial={issuer.value} onSaved={issuer.setValue} />;
}
