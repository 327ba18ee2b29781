// Catalogue CSV import with a preview: choosing a file writes nothing; the core answers what each row would do (new,
// changed field by field before → after, unchanged, invalid with its reason) and how it read the file (encoding,
// separator, decimal mark). Importing is a second, explicit step; changes to existing products go with the digest of
// the preview shown, so the core applies exactly those or nothing (and says so when the catalogue moved since).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS, type TasaItbms } from '../../../shared/fiscal/codes';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { CatalogPreview } from '../../../shared/ipc/areas/reports/contract';
import { attempt, sago } from '../api/sago';
import { rowMessage } from './CsvImport';
import { fileBase64 } from './file-base64';
import { OutcomeNotice, failed, type Outcome } from './Outcome';

type Item = CatalogPreview['items'][number];
type Change = Item['changes'][number];

const DELIMITER_KEY = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
const DECIMAL_KEY = { '.': 'point', ',': 'comma' } as const;

export function CatalogCsvImport(props: { onImported: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<CatalogPreview | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const value = (change: Change, text: string): string => {
    if (text === '') return t('catalogImport.empty');
    if (change.field === 'precio') return formatBalboas(text);
    if (change.field === 'tasaItbms' && text in TASA_ITBMS) return TASA_ITBMS[text as TasaItbms].label;
    if (change.field === 'active') return text === 'no' ? t('catalogImport.no') : t('catalogImport.yes');
    return text;
  };

  async function choose(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) reads it again
    if (!chosen) return;
    setBusy(true);
    setOutcome(null);
    setPreview(null);
    const base64 = await fileBase64(chosen);
    setFile({ name: chosen.name, base64 });
    const answer = await attempt(() => sago().catalog.previewCsv({ file: base64 }));
    setBusy(false);
    if (!answer.ok) return setOutcome(failed(answer.error));
    setPreview(answer.value);
    const { rows, counts } = answer.value;
    setOutcome(
      counts.invalid > 0
        ? { kind: 'error', lines: [t('settings.csv.nothingImported', { bad: counts.invalid, rows })] }
        : { kind: 'ok', text: t('catalogImport.nothingYet') },
    );
  }

  async function importRows(shown: CatalogPreview, base64: string): Promise<void> {
    setBusy(true);
    const answer = await attempt(() =>
      sago().catalog.importCsv({
        file: base64,
        importValidRows: shown.counts.invalid > 0,
        ...(shown.counts.changed > 0 ? { confirmChanges: shown.digest } : {}),
      }),
    );
    setBusy(false);
    if (!answer.ok) return setOutcome(failed(answer.error));
    const { rows, imported, confirmation } = answer.value;
    if (confirmation !== undefined) {
      setPreview(answer.value.preview); // what the file would do now
      return setOutcome({ kind: 'error', lines: [t('catalogImport.stale')] });
    }
    setPreview(null);
    if (imported > 0) props.onImported();
    setOutcome({ kind: 'ok', text: t('settings.csv.imported', { imported, rows }) });
  }

  const counts = preview?.counts;
  const toWrite = counts ? counts.new + counts.changed : 0;
  return (
    <div className="settings-card csv-import" data-testid="catalog-import">
      <h3>{t('settings.csv.title')}</h3>
      <p className="muted">
        {t('settings.csv.columns')}{' '}
        <code data-literal>codigo, barcode, descripcion, unidad, precio, tasaItbms, codigoCPBS, unidadMedidaCPBS</code>
      </p>
      <p className="muted">{t('catalogImport.whoCanImport')}</p>
      <label className="button secondary csv-file">
        {t('settings.csv.choose')}
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          data-testid="catalog-import-file"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {file ? <span className="muted"> {file.name}</span> : null}
      <OutcomeNotice outcome={outcome} testId="catalog-import-outcome" />
      {preview && counts ? (
        <div data-testid="catalog-import-preview">
          <p className="muted" data-testid="catalog-import-read">
            {t('catalogImport.read', {
              encoding: t(`catalogImport.encoding.${preview.encoding}`),
              delimiter: t(`catalogImport.delimiter.${DELIMITER_KEY[preview.delimiter]}`),
              decimal: t(`catalogImport.decimal.${DECIMAL_KEY[preview.decimalSeparator]}`),
            })}
          </p>
          <p data-testid="catalog-import-counts">{t('catalogImport.counts', counts)}</p>
          {preview.errors.length > 0 ? (
            <ul className="csv-errors" data-testid="catalog-import-errors">
              {preview.errors.map((e, i) => (
                <li key={i} data-row={e.row}>
                  {rowMessage(e)}
                </li>
              ))}
            </ul>
          ) : null}
          {counts.changed > 0 ? (
            <p className="notice info" data-testid="catalog-import-confirm-note">
              {t('catalogImport.changesNeedConfirm')}
            </p>
          ) : null}
          {preview.items.length > 0 ? (
            <table className="history settings-table" data-testid="catalog-import-rows">
              <thead>
                <tr>
                  <th>{t('settings.csv.row')}</th>
                  <th>{t('settings.csv.code')}</th>
                  <th>{t('productDialog.descripcion')}</th>
                  <th>{t('catalogImport.result')}</th>
                  <th>{t('catalogImport.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.row} data-testid="catalog-import-row" data-kind={item.kind}>
                    <td>{item.row}</td>
                    <td className="mono">{item.codigo}</td>
                    <td>{item.descripcion}</td>
                    <td>{t(`catalogImport.kind.${item.kind}`)}</td>
                    <td>
                      {item.message ??
                        item.changes.map((c) => (
                          <div key={c.field} data-testid="catalog-import-change">
                            {t(`catalogImport.field.${c.field}`)}: {value(c, c.before)} → {value(c, c.after)}
                          </div>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {file && toWrite > 0 ? (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void importRows(preview, file.base64)}
              data-testid={counts.invalid > 0 ? 'catalog-import-valid-rows' : 'catalog-import-confirm'}
            >
              {counts.changed > 0
                ? t('catalogImport.confirmChanges', { count: counts.changed })
                : counts.invalid > 0
                  ? t('settings.csv.importValid', { count: toWrite })
                  : t('catalogImport.importNew', { count: toWrite })}
            </button>
          ) : null}
          {toWrite === 0 && counts.invalid === 0 ? <p className="muted">{t('catalogImport.nothingToImport')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
