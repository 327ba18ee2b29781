// "Última venta: Nº 12 · B/. 3.21 · 09:15": the last sale this register saved, asked of the core when the checkout
// starts (sales:last) and replaced by each sale completed here. A cashier whose app died right after "Cobrar" sees the
// sale was saved and does not ring it again.
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { Response } from '../../../shared/ipc/contract';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { attempt, sago } from '../api/sago';
import { StatusBadge } from '../documents/StatusBadge';

type LastSale = NonNullable<Response<'sales:last'>['last']>;

export function LastSaleLine(props: { justSaved: DocumentDetail | undefined }): JSX.Element | null {
  const { t } = useTranslation();
  const [fromCore, setFromCore] = useState<LastSale | null>(null);
  useEffect(() => {
    let live = true;
    void attempt(() => sago().sales.last({})).then((result) => {
      if (live && result.ok) setFromCore(result.value.last);
    });
    return () => {
      live = false;
    };
  }, []);
  const last = props.justSaved ?? fromCore;
  if (!last) return null;
  // fechaEmision is Panamá local time with its offset ("2026-12-05T09:15:00-05:00"): hh:mm are characters 11–16.
  const time = last.fechaEmision.slice(11, 16);
  return (
    <p className="last-sale muted small" data-testid="last-sale">
      {t('checkout.lastSale', { numero: last.numero, total: formatBalboas(last.totalFactura), time })}{' '}
      <StatusBadge status={last.status} />
    </p>
  );
}
