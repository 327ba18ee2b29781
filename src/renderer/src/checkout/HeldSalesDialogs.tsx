// Park and recall at the till. "En espera" (F6) asks for an optional name ("la señora del sombrero"; empty: the next
// number) and puts the sale on hold; "Recuperar" (F7) lists the sales on hold with time, cashier and total — ↑↓ and
// Enter, or a click — and takes one back. A basket with lines is put on hold first, so nothing is ever dropped.
import { useEffect, useState, type JSX, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import { toPanamaDateTime } from '../../../shared/fiscal/panama-time';
import type { ParkedSale } from '../../../shared/ipc/areas/till/contract';
import { Dialog } from '../ui/Dialog';
import type { HeldResult } from './use-held-sales';

/** "05/12/2026 08:14", the shop's clock (Panama), as es-PA writes dates. */
export function parkedAt(iso: string): string {
  const local = toPanamaDateTime(new Date(iso));
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

export function ParkDialog(props: {
  total: string;
  onPark: (label: string) => void;
  onClose: () => void;
  busy: boolean;
}): JSX.Element {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  return (
    <Dialog
      title={t('held.parkTitle')}
      onClose={props.onClose}
      testId="park-dialog"
      footer={
        <button
          type="button"
          className="button primary"
          data-testid="park-confirm"
          disabled={props.busy}
          onClick={() => props.onPark(label)}
        >
          {t('held.park')} <kbd>Enter</kbd>
        </button>
      }
    >
      <p>{t('held.parkTotal', { total: formatBalboas(props.total) })}</p>
      <label className="field">
        <span>{t('held.label')}</span>
        <input
          autoFocus
          maxLength={40}
          data-testid="park-label"
          value={label}
          placeholder={t('held.labelPlaceholder')}
          onChange={(e) => setLabel(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              props.onPark(label);
            }
          }}
        />
      </label>
    </Dialog>
  );
}

export function RecallDialog(props: {
  load: () => Promise<HeldResult<ParkedSale[]>>;
  onRecall: (parked: ParkedSale) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [list, setList] = useState<ParkedSale[] | null>(null);
  const [error, setError] = useState<string[] | null>(null);
  const [index, setIndex] = useState(0);
  const { load } = props;
  useEffect(() => {
    void load().then((result) => (result.ok ? setList(result.value) : setError(result.lines)));
  }, [load]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (!list || list.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => Math.max(0, Math.min(list.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = list[index];
      if (chosen) props.onRecall(chosen);
    }
  }

  return (
    <Dialog title={t('held.recallTitle')} onClose={props.onClose} wide testId="recall-dialog" onKeyDown={onKeyDown}>
      {error ? (
        <div className="notice error" role="alert">
          {error.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
      {list === null && !error ? <p className="muted">…</p> : null}
      {list?.length === 0 ? (
        <p className="muted" data-testid="recall-empty">
          {t('held.none')}
        </p>
      ) : null}
      {list && list.length > 0 ? (
        <table className="cart held-list">
          <thead>
            <tr>
              <th>{t('held.label')}</th>
              <th>{t('held.when')}</th>
              <th>{t('held.cashier')}</th>
              <th className="num">{t('held.lines')}</th>
              <th className="num">{t('held.total')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p, i) => (
              <tr
                key={p.id}
                data-testid="parked-sale"
                aria-selected={i === index}
                className={i === index ? 'selected' : undefined}
                onClick={() => props.onRecall(p)}
              >
                <td data-testid="parked-label">
                  {p.label}
                  {p.reason === 'handover' ? <span className="muted"> · {t('held.handover')}</span> : null}
                </td>
                <td>{parkedAt(p.parkedAt)}</td>
                <td>{p.parkedByName}</td>
                <td className="num">{p.lineCount}</td>
                <td className="num strong" data-testid="parked-total">
                  {formatBalboas(p.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="hint">{t('held.recallHint')}</p>
    </Dialog>
  );
}
