// CSV import, the same for products and customers: the file is checked whole; every bad row is listed with its row
// number and nothing is imported, unless the manager then chooses "Importar solo las filas válidas". A catalogue file
// that changes existing products' prices lists them (before → after) and imports nothing until the manager confirms.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/ipc/api';
import type { ImportError } from '../../../shared/ipc/contract-reports';
import { OutcomeNotice, failed, type Outcome } from './Outcome';

export interface ImportResult {
  rows: number;
  imported: number;
  errors: ImportError[];
  priceChanges?: { row: number; codigo: string; before: string; after: string }[] | undefined;
}

interface ImportChoice {
  importValidRows: boolean;
  confirmPriceChanges: boolean;
}

/** "Fila 4: …" as the core words it; a message without its row gets one. */
export function rowMessage(error: ImportError): string {
  return /^Fila \d+/.test(error.message) ? error.message : `Fila ${error.row}: ${error.message}`;
}

export function CsvImport(props: {
  testId: string;
  columns: string;
  importCsv: (csv: string, choice: ImportChoice) => Promise<IpcResult<ImportResult>>;
  onImported: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function run(csv: string, choice: ImportChoice): Promise<void> {
    setBusy(true);
    const answer = await props.importCsv(csv, choice);
    setBusy(false);
    if (!answer.ok) {
      setResult(null);
      return setOutcome(failed(answer.error));
    }
    setResult(answer.value);
    const { rows, imported, errors, priceChanges } = answer.value;
    if (imported > 0) props.onImported();
    if (imported === 0 && priceChanges && priceChanges.length > 0) {
      return setOutcome({ kind: 'error', lines: [t('settings.csv.priceChanges', { count: priceChanges.length })] });
    }
    setOutcome(imported > 0 || errors.length === 0
      ? { kind: 'ok', text: t('settings.csv.imported', { imported, rows }) }
      : { kind: 'error', lines: [t('settings.csv.nothingImported', { bad: errors.length, rows })] });
  }

  async function choose(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) reads it again
    if (!chosen) return;
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setOutcome(null);
    setResult(null);
    await run(csv, { importValidRows: false, confirmPriceChanges: false });
  }

  const pendingPrices = result !== null && result.imported === 0 && (result.priceChanges?.length ?? 0) > 0 && file !== null;
  const pendingValid = result !== null && result.imported === 0 && result.errors.length > 0 && !pendingPrices && file !== null;
  const validRows = result ? result.rows - new Set(result.errors.map((e) => e.row)).size : 0;
  return (
    <div className="settings-card csv-import" data-testid={props.testId}>
      <h3>{t('settings.csv.title')}</h3>
      <p className="muted">{t('settings.csv.columns', { columns: props.columns })}</p>
      <label className="button secondary csv-file">
        {t('settings.csv.choose')}
        <input type="file" accept=".csv,text/csv" data-testid={`${props.testId}-file`} disabled={busy} onChange={(e) => void choose(e.currentTarget)} />
      </label>
      {file ? <span className="muted"> {file.name}</span> : null}
      <OutcomeNotice outcome={outcome} testId={`${props.testId}-outcome`} />
      {result && result.errors.length > 0 ? (
        <ul className="csv-errors" data-testid={`${props.testId}-errors`}>
          {result.errors.map((e, i) => <li key={i} data-row={e.row}>{rowMessage(e)}</li>)}
        </ul>
      ) : null}
      {pendingPrices ? (
        <>
          <table className="history settings-table" data-testid={`${props.testId}-price-changes`}>
            <thead><tr><th>{t('settings.csv.row')}</th><th>{t('settings.csv.code')}</th><th>{t('settings.csv.priceBefore')}</th><th>{t('settings.csv.priceAfter')}</th></tr></thead>
            <tbody>
              {result.priceChanges?.map((c) => <tr key={c.row}><td>{c.row}</td><td>{c.codigo}</td><td>{c.before}</td><td>{c.after}</td></tr>)}
            </tbody>
          </table>
          <button type="button" className="button primary" data-testid={`${props.testId}-confirm-prices`} disabled={busy}
            onClick={() => void run(file.csv, { importValidRows: result.errors.length > 0, confirmPriceChanges: true })}>
            {t('settings.csv.confirmPrices', { count: result.priceChanges?.length ?? 0 })}
          </button>
        </>
      ) : null}
      {pendingValid && validRows > 0 ? (
        <button type="button" className="button primary" data-testid={`${props.testId}-valid-rows`} disabled={busy} onClick={() => void run(file.csv, { importValidRows: true, confirmPriceChanges: false })}>
          {t('settings.csv.importValid', { count: validRows })}
        </button>
      ) : null}
    </div>
  );
}
