// The line under the search field: what the last action did, why it was refused, or the unknown-code alarm (red,
// blinking, with the code read and a "Crear producto" button; Enter on the empty field does the same).
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

export type CheckoutMessage = { kind: 'error' | 'info' | 'ok'; lines: string[] } | { kind: 'alarm'; code: string };

export function ScanMessage(props: { message: CheckoutMessage; onCreate: (code: string) => void }): JSX.Element {
  const { t } = useTranslation();
  const { message } = props;
  if (message.kind === 'alarm') {
    return (
      <div className="notice alarm" role="alert" data-testid="checkout-message" data-alarm="unknown-code">
        <p>
          {t('checkout.unknownCode')} <strong data-testid="unknown-code">{message.code}</strong>
        </p>
        <p className="alarm-actions">
          <button
            type="button"
            className="button secondary"
            data-testid="create-from-scan"
            onClick={() => props.onCreate(message.code)}
          >
            {t('checkout.createProduct')}
          </button>
          <span>{t('checkout.unknownCodeHint')}</span>
        </p>
      </div>
    );
  }
  return (
    <div
      className={`notice ${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="checkout-message"
    >
      {message.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
