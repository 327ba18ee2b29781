// "Abrir gaveta": the cash drawer opened without a sale, with a reason. The core decides whether a gerente must
// approve (loss prevention's drawerOpen rule: the PIN is asked through useWithApproval), audits it, and sends the
// kick to the thermal printer the drawer hangs off; a drawer that does not open is said here.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, errorLines, sago } from '../api/sago';
import { useWithApproval } from '../auth/manager-action';

export function OpenDrawerPanel(): JSX.Element {
  const { t } = useTranslation();
  const withApproval = useWithApproval();
  const [motivo, setMotivo] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function open(): Promise<void> {
    if (motivo.trim().length < 3) return setOutcome({ ok: false, lines: [t('openDrawer.reasonNeeded')] });
    setBusy(true);
    const action = { kind: 'drawerOpen' as const, motivo: motivo.trim() };
    const result = await withApproval((approval) =>
      attempt(() => sago().till.authorize({ action, ...(approval ? { approval } : {}) })),
    );
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setOutcome({ ok: false, lines: errorLines(result.error) });
    setMotivo('');
    setOutcome({ ok: true, lines: [t('openDrawer.done')] });
  }

  return (
    <section className="card open-drawer" data-testid="open-drawer">
      <h2>{t('openDrawer.title')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label className="field">
          <span>{t('openDrawer.reason')}</span>
          <input
            data-testid="open-drawer-reason"
            maxLength={120}
            value={motivo}
            onChange={(e) => {
              setMotivo(e.target.value);
              setOutcome(null);
            }}
          />
        </label>
        <button type="submit" className="button secondary" data-testid="open-drawer-button" disabled={busy}>
          {t('openDrawer.open')}
        </button>
      </form>
      {outcome ? (
        <div
          className={outcome.ok ? 'notice ok' : 'notice error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="open-drawer-outcome"
        >
          {outcome.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
