// The audit trail's hash chain as the register last checked it (at start, or "Verificar ahora": audit:verify), shown in
// Auditoría and on the monitoring panel. A break is an alert: entries were changed or removed outside the application.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import { attempt, sago } from '../api/sago';

type ChainReport = Response<'audit:verify'>;

export function AuditChainStatus(): JSX.Element {
  const { t } = useTranslation();
  const [report, setReport] = useState<ChainReport | null>(null);
  const check = useCallback((recheck: boolean) => {
    void attempt(() => sago().audit.verify({ recheck })).then((r) => {
      if (r.ok) setReport(r.value);
    });
  }, []);
  useEffect(() => check(false), [check]);
  const text = !report?.checkedAt
    ? t('controls.audit.chainPending')
    : report.ok
      ? t('controls.audit.chainOk', {
          count: report.checked,
          at: toPanamaDisplay(new Date(report.checkedAt)),
        })
      : t('controls.audit.chainBroken', {
          id: report.firstBreak?.id ?? 0,
          reason: t(`controls.audit.reasons.${report.firstBreak?.reason ?? 'unsealed'}`),
        });
  return (
    <div
      className={report && !report.ok ? 'notice error' : 'notice info'}
      role={report && !report.ok ? 'alert' : 'status'}
      data-testid="audit-chain"
    >
      <p>{text}</p>
      <button type="button" className="button secondary" data-testid="audit-verify" onClick={() => check(true)}>
        {t('controls.audit.verify')}
      </button>
    </div>
  );
}
