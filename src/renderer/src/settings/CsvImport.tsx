// Customers' CSV import: the file is checked whole; every bad row is listed with its row number and nothing is
// imported, unless the manager then chooses "Importar solo las filas válidas". The file goes as its bytes, so the
// core reads Excel's Windows-1252 as well as UTF-8. (The catalogue has its own, with a preview: CatalogCsvImport.)
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/ipc/api';
import type { ImportError } from '../../../shared/ipc/areas/reports/contract';
import { fileBase64 } from './file-base64';
import { OutcomeNotice, failed, type Outcome } from './Outcome';

export interface ImportResult {
  rows: number;
  imported: number;
  errors: ImportError[];
}

/** "Fila 4: …" as the core words it; a message without its row gets one. */
export function rowMessage(error: ImportError): string {
  return /^Fila \d+/.test(error.message) ? error.message : `Fila ${error.row}: ${error.message}`;
}

export function CsvImport(props: {
  testId: string;
  columns: string;
  importCsv: (file: string, importValidRows: boolean) => Promise<IpcResult<ImportResult>>;
  onImported: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function run(base64: string, importValidRows: boolean): Promise<void> {
    setBusy(true);
    const answer = await props.importCsv(base64, importValidRows);
    setBusy(false);
    if (!answer.ok) {
      setResult(null);
      return setOutcome(failed(answer.error));
    }
    setResult(answer.value);
    const { rows, imported, errors } = answer.value;
    if (imported > 0) props.onImported();
    setOutcome(
      imported > 0 || errors.length === 0
        ? { kind: 'ok', text: t('settings.csv.imported', { imported, rows }) }
        : { kind: 'error', lines: [t('settings.csv.nothingImported', { bad: errors.length, rows })] },
    );
  }

  async function choose(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) reads it again
    if (!chosen) return;
    const base64 = await fileBase64(chosen);
    setFile({ name: chosen.name, base64 });
    setOutcome(null);
    setResult(null);
    await run(base64, false);
  }

  const pendingValid = result !== null && result.imported === 0 && result.errors.length > 0 && file !== null;
  const validRows = result ? result.rows - new Set(result.errors.map((e) => e.row)).size : 0;
  return (
    <div className="settings-card csv-import" data-testid={props.testId}>
      <h3>{t('settings.csv.title')}</h3>
      <p className="muted">
        {t('settings.csv.columns')} <code data-literal>{props.columns}</code>
      </p>
      <label className="button secondary csv-file">
        {t('settings.csv.choose')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid={`${props.testId}-file`}
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {file ? <span className="muted"> {file.name}</span> : null}
      <OutcomeNotice outcome={outcome} testId={`${props.testId}-outcome`} />
      {result && result.errors.length > 0 ? (
        <ul className="csv-errors" data-testid={`${props.testId}-errors`}>
          {result.errors.map((e, i) => (
            <li key={i} data-row={e.row}>
              {rowMessage(e)}
            </li>
          ))}
        </ul>
      ) : null}
      {pendingValid && validRows > 0 ? (
        <button
          type="button"
          className="button primary"
          data-testid={`${props.testId}-valid-rows`}
          disabled={busy}
          onClick={() => void run(file.base64, true)}
        >
          {t('settings.csv.importValid', { count: validRows })}
        </button>
      ) : null}
    </div>
  );
}
