// The customer display (second monitor): the lines being rung up with their amounts, the total, and after payment
// what was received and the change. Read-only, no session, no IPC: it shows what the till posts (display-feed.ts).
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import { DISPLAY_CHANNEL, isDisplayMessage, type DisplayMessage, type DisplayState } from './display-feed';
import './customer-display.css';

export function CustomerDisplay(): JSX.Element {
  const { t } = useTranslation();
  const [state, setState] = useState<DisplayState>({ kind: 'idle' });
  useEffect(() => {
    const channel = new BroadcastChannel(DISPLAY_CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      if (isDisplayMessage(event.data) && event.data.type === 'state') setState(event.data.state);
    };
    channel.postMessage({ type: 'hello' } satisfies DisplayMessage);
    return () => channel.close();
  }, []);

  return (
    <main className="customer-display" data-testid="customer-display" data-state={state.kind}>
      {state.kind === 'idle' ? (
        <p className="cd-welcome" data-testid="cd-welcome">
          {t('customerDisplay.welcome')}
        </p>
      ) : null}
      {state.kind === 'sale' ? (
        <>
          <ol className="cd-lines">
            {state.lines.map((line, i) => (
              <li key={i} data-testid="cd-line">
                <span className="cd-desc">{line.descripcion}</span>
                <span className="cd-qty">{line.cantidad} ×</span>
                <span className="cd-amount">{formatBalboas(line.importe)}</span>
              </li>
            ))}
          </ol>
          <p className="cd-total">
            <span>{t('customerDisplay.total')}</span>
            <strong data-testid="cd-total">{formatBalboas(state.total)}</strong>
          </p>
        </>
      ) : null}
      {state.kind === 'done' ? (
        <div className="cd-done">
          <p className="cd-total">
            <span>{t('customerDisplay.total')}</span>
            <strong data-testid="cd-total">{formatBalboas(state.total)}</strong>
          </p>
          <p>
            <span>{t('customerDisplay.received')}</span>
            <strong data-testid="cd-received">{formatBalboas(state.received)}</strong>
          </p>
          <p className="cd-change">
            <span>{t('customerDisplay.change')}</span>
            <strong data-testid="cd-change">{formatBalboas(state.change)}</strong>
          </p>
          <p className="cd-thanks">{t('customerDisplay.thanks')}</p>
        </div>
      ) : null}
    </main>
  );
}
