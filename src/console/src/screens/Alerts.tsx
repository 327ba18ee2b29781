// The place for alerts (another change adds them to the server under /v1/alerts): until then it says what will be
// shown here, and shows nothing invented.
import type { JSX } from 'react';
import { useT } from '../i18n/i18n';

export function Alerts(): JSX.Element {
  const { t } = useT();
  return (
    <section data-testid="alerts">
      <h2>{t('alerts.title')}</h2>
      <p className="muted">{t('alerts.placeholder')}</p>
    </section>
  );
}
