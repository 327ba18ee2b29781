// "MODO ENTRENAMIENTO" on every screen while the register talks to the simulator, so nobody mistakes it for real
// invoicing. Receipts carry their own mark (Receipt.tsx).
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../api/app-status';

export function TrainingBanner(): JSX.Element | null {
  const { t } = useTranslation();
  const { status } = useLiveStatus();
  if (!status?.trainingMode) return null;
  return (
    <div className="training-banner" role="note" data-testid="training-banner">
      <strong>{t('training.title')}</strong> <span>{t('training.detail')}</span>
    </div>
  );
}
