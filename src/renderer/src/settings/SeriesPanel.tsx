// The fiscal series (Configuración › HKA): per series the next number, what HKA held at the last probe, and whether a
// number collision blocks it. A blocked series has one action, «Resolver número repetido» (series:resolveCollision):
// the core asks HKA for its highest number and re-issues the parked sales after it. The rules are the core's; this
// only shows them.
import { useState, type JSX } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import { attempt, sago } from '../api/sago';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { useLoaded } from './use-loaded';

type Series = Response<'series:status'>[number];
const loadSeries = () => sago().series.status({});
const REASONS = ['first-use', 'restore', 'collision', 'manual'] as const;

function probeText(t: TFunction, s: Series): string {
  if (!s.probedAt) return t('settings.series.neverProbed');
  return t('settings.series.probed', {
    at: toPanamaDisplay(new Date(s.probedAt)),
    highest: s.probeHighest ?? 0,
    calls: s.probeCalls ?? 0,
    reason: t(`settings.series.reasons.${REASONS.find((r) => r === s.probeReason) ?? 'manual'}`),
  });
}

export function SeriesPanel(): JSX.Element | null {
  const { t } = useTranslation();
  const series = useLoaded(loadSeries);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  if (!series.value) return null;

  async function resolve(s: Series): Promise<void> {
    setBusy(true);
    const key = {
      codigoSucursal: s.codigoSucursal,
      puntoFacturacion: s.puntoFacturacion,
      tipoDocumento: s.tipoDocumento,
    };
    const r = await attempt(() => sago().series.resolveCollision(key));
    setBusy(false);
    if (!r.ok) {
      setOutcome(failed(r.error));
      return;
    }
    setOutcome({
      kind: 'ok',
      text: t('settings.series.resolved', {
        count: r.value.renumbered.length,
        highest: r.value.hkaHighest,
        next: r.value.nextNumber,
      }),
    });
    await series.reload();
  }

  return (
    <section className="settings-series" data-testid="series-panel">
      <h3>{t('settings.series.title')}</h3>
      {series.value.length === 0 ? <p className="muted">{t('settings.series.none')}</p> : null}
      <ul>
        {series.value.map((s) => (
          <li
            key={`${s.codigoSucursal}/${s.puntoFacturacion}/${s.tipoDocumento}`}
            data-testid="series-row"
            className={s.blockedByCollision ? 'notice error' : undefined}
          >
            <strong>
              {t('settings.series.name', {
                sucursal: s.codigoSucursal,
                punto: s.puntoFacturacion,
                tipo: s.tipoDocumento,
              })}
            </strong>
            {' · '}
            {t('settings.series.next', { next: s.nextNumber })}
            {' · '}
            <span className="muted">{probeText(t, s)}</span>
            {s.blockedByCollision ? (
              <>
                <p role="alert">{t('settings.series.blocked', { count: s.collisions })}</p>
                <button
                  type="button"
                  className="button primary"
                  data-testid="series-resolve"
                  disabled={busy}
                  onClick={() => void resolve(s)}
                >
                  {t('settings.series.resolve')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <OutcomeNotice outcome={outcome} testId="series-outcome" />
    </section>
  );
}
