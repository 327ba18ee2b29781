import type { JSX } from 'react';
import { formatBalboas } from '../../shared/fiscal/money';

/** Placeholder shell until the checkout lands (issue: checkout). */
export function App(): JSX.Element {
  return (
    <main>
      <h1>SAGO-FACTU</h1>
      <p>Punto de venta con facturación electrónica. Total de ejemplo: {formatBalboas('0')}</p>
    </main>
  );
}
