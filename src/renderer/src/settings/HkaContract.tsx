// Which SOAP contract the register follows for Demo/Producción: HKA's own WSDL (read at first use and by "Probar
// conexión") or the one bundled with the app, and every difference between the two, so a wrong guess in our copy is
// visible before a sale fails because of it.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';

type ContractView = NonNullable<Response<'settings:hka'>['contract']>;

export function HkaContract(props: { contract: ContractView }): JSX.Element {
  const { t } = useTranslation();
  const { contract } = props;
  const live = contract.source === 'live';
  return (
    <section className="settings-card" data-testid="hka-contract">
      <h3>{t('settings.hka.contract.title')}</h3>
      <p className={live ? 'field-ok' : 'field-hint'} data-testid="hka-contract-source">
        {live
          ? t('settings.hka.contract.live', { at: new Date(contract.fetchedAt ?? '').toLocaleString('es-PA') })
          : t('settings.hka.contract.bundled')}
      </p>
      {live && contract.differences.length === 0 ? (
        <p className="muted" data-testid="hka-contract-same">
          {t('settings.hka.contract.same')}
        </p>
      ) : null}
      {contract.differences.length > 0 ? (
        <>
          <p>{t('settings.hka.contract.differences', { count: contract.differences.length })}</p>
          <table className="data-table" data-testid="hka-contract-differences">
            <thead>
              <tr>
                <th>{t('settings.hka.contract.area')}</th>
                <th>{t('settings.hka.contract.subject')}</th>
                <th>{t('settings.hka.contract.bundledColumn')}</th>
                <th>{t('settings.hka.contract.liveColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {contract.differences.map((d, i) => (
                <tr key={i} data-testid="hka-contract-difference">
                  <td>{t(`settings.hka.contract.areas.${d.area}`)}</td>
                  <td className="mono">{d.subject}</td>
                  <td className="mono">{d.bundled ?? t('settings.hka.contract.absent')}</td>
                  <td className="mono">{d.live ?? t('settings.hka.contract.absent')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
