// The fields of one kind of customer, with the DV checked as the cashier types and the computed DV offered.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TIPO_IDENTIFICACION, codesOf, type TipoIdentificacion } from '../../../shared/fiscal/codes';
import { dvHint, type CustomerForm, type FormProblems as Problems } from './customer-form';

/** The DV hint; `buttonOnly` when the field already shows the core's error, so the message is not said twice. */
function DvStatus(props: { form: CustomerForm; onUse: (dv: string) => void; buttonOnly: boolean }): JSX.Element | null {
  const { t } = useTranslation();
  const tipo = props.form.kind === '02' ? '1' : props.form.tipoContribuyente;
  const hint = dvHint(props.form.ruc, props.form.dv, tipo);
  if (props.buttonOnly) {
    return hint.state === 'mismatch' || hint.state === 'suggest' ? (
      <button
        type="button"
        className="link-button"
        data-testid="use-suggested-dv"
        onClick={() => props.onUse(hint.suggested)}
      >
        {t('customer.dv.use', { dv: hint.suggested })}
      </button>
    ) : null;
  }
  switch (hint.state) {
    case 'empty':
      return null;
    case 'valid':
      return (
        <em className="field-ok" data-testid="dv-status">
          {t('customer.dv.valid')}
        </em>
      );
    case 'suggest':
    case 'mismatch':
      return (
        <em
          className={hint.state === 'mismatch' ? 'field-error' : 'field-hint'}
          data-testid="dv-status"
          role={hint.state === 'mismatch' ? 'alert' : undefined}
        >
          {t(hint.state === 'mismatch' ? 'customer.dv.mismatch' : 'customer.dv.suggest', { dv: hint.suggested })}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="use-suggested-dv"
            onClick={() => props.onUse(hint.suggested)}
          >
            {t('customer.dv.use', { dv: hint.suggested })}
          </button>
        </em>
      );
    case 'unverifiable':
    case 'invalid':
      return (
        <em className={hint.state === 'invalid' ? 'field-error' : 'field-hint'} data-testid="dv-status">
          {hint.reason}
        </em>
      );
  }
}

export function CustomerFields(props: {
  form: CustomerForm;
  problems: Problems;
  onChange: (form: CustomerForm) => void;
  onSubmit: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { form, problems } = props;
  const set = (patch: Partial<CustomerForm>): void => props.onChange({ ...form, ...patch });
  const taxpayer = form.kind === '01' || form.kind === '03';

  const text = (
    name: keyof CustomerForm,
    label: string,
    options: { autoFocus?: boolean; extra?: JSX.Element | null; wide?: boolean } = {},
  ) => (
    <label className={options.wide ? 'field span-2' : 'field'}>
      <span>{label}</span>
      <input
        data-testid={`customer-${name}`}
        value={form[name]}
        autoFocus={options.autoFocus}
        aria-invalid={problems[name] !== undefined}
        onChange={(e) => set({ [name]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onSubmit();
          }
        }}
      />
      {problems[name] ? (
        <em className="field-error" role="alert">
          {problems[name]}
        </em>
      ) : null}
      {options.extra ?? null}
    </label>
  );

  const dvStatus = <DvStatus form={form} onUse={(dv) => set({ dv })} buttonOnly={problems.dv !== undefined} />;
  return (
    <div className="form-grid two">
      {taxpayer ? (
        <>
          <label className="field">
            <span>{t('customer.fields.tipoContribuyente')}</span>
            <select
              value={form.tipoContribuyente}
              data-testid="customer-tipoContribuyente"
              onChange={(e) => set({ tipoContribuyente: e.target.value === '1' ? '1' : '2' })}
            >
              <option value="2">{t('customer.fields.juridico')}</option>
              <option value="1">{t('customer.fields.natural')}</option>
            </select>
          </label>
          <span />
          {text('ruc', t('customer.fields.ruc'), { autoFocus: true })}
          {text('dv', t('customer.fields.dv'), { extra: dvStatus })}
          {text('razonSocial', t('customer.fields.razonSocial'), { wide: true })}
          {text('direccion', t('customer.fields.direccion'), { wide: true })}
        </>
      ) : null}
      {form.kind === '02' ? (
        <>
          {text('razonSocial', t('customer.fields.nombreOpcional'), { autoFocus: true, wide: true })}
          {text('ruc', t('customer.fields.cedulaOpcional'))}
          {text('dv', t('customer.fields.dvOpcional'), { extra: dvStatus })}
        </>
      ) : null}
      {form.kind === '04' ? (
        <>
          {text('razonSocial', t('customer.fields.nombre'), { autoFocus: true, wide: true })}
          <label className="field">
            <span>{t('customer.fields.tipoIdentificacion')}</span>
            <select
              value={form.tipoIdentificacion}
              onChange={(e) => set({ tipoIdentificacion: e.target.value as TipoIdentificacion })}
            >
              {codesOf(TIPO_IDENTIFICACION).map((code) => (
                <option key={code} value={code}>
                  {t(`identificationTypes.${code}`)}
                </option>
              ))}
            </select>
          </label>
          {text('nroIdentificacionExtranjero', t('customer.fields.nroIdentificacion'))}
          {form.tipoIdentificacion === '01' ? text('paisExtranjero', t('customer.fields.paisExtranjero')) : null}
        </>
      ) : null}
      {text('correo', t('customer.fields.correo'), { wide: true })}
    </div>
  );
}
