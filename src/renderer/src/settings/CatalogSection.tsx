// Catálogo: search the products, edit one or add one, and import a CSV (catalog:search / saveProduct / importCsv).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TASA_ITBMS } from '../../../shared/fiscal/codes';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { Product } from '../../../shared/ipc/schemas';
import { sago } from '../api/sago';
import type { SortColumn } from '../ui/sortable';
import { useSortedTable } from '../ui/use-sorted-table';
import { CatalogCsvImport } from './CatalogCsvImport';
import { useSearchList } from './use-search-list';
import { ProductEditor } from './ProductEditor';

const searchProducts = (query: string) => sago().catalog.search({ query, limit: 100 });

export function CatalogSection(): JSX.Element {
  const { t } = useTranslation();
  const { query, setQuery, items: products, error, refresh } = useSearchList(searchProducts);
  // The table's columns, for sorting and the CSV export alike (the export has what the table shows, in its order).
  const columns: SortColumn<Product>[] = [
    { key: 'codigo', label: t('productDialog.codigo'), value: (p) => p.codigo },
    { key: 'barcode', label: t('settings.catalog.barcode'), value: (p) => p.barcode ?? null },
    { key: 'descripcion', label: t('productDialog.descripcion'), value: (p) => p.descripcion },
    { key: 'unidad', label: t('productDialog.unidad'), value: (p) => p.unidad },
    { key: 'precio', label: t('settings.catalog.price'), value: (p) => p.precio, numeric: true },
    { key: 'tasaItbms', label: t('settings.catalog.itbms'), value: (p) => TASA_ITBMS[p.tasaItbms].label },
  ];
  const table = useSortedTable(products, columns, { fileName: 'catalogo.csv', testId: 'catalog-csv' });
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <div className="settings-form">
      <div className="settings-toolbar">
        <input
          className="search-input"
          data-testid="catalog-search"
          placeholder={t('settings.catalog.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="button primary"
          data-testid="catalog-new"
          onClick={() => {
            setEditing('new');
            setSaved(null);
          }}
        >
          {t('settings.catalog.new')}
        </button>
      </div>
      {editing !== null ? (
        <ProductEditor
          key={editing === 'new' ? 'new' : editing.id}
          product={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(product) => {
            setEditing(null);
            setSaved(t('settings.catalog.saved', { codigo: product.codigo }));
            refresh();
          }}
        />
      ) : null}
      {saved ? (
        <p className="notice ok" role="status" data-testid="catalog-saved">
          {saved}
        </p>
      ) : null}
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <CatalogCsvImport onImported={() => refresh()} />
      <div className="settings-table-wrap">
        <div className="settings-actions">{table.exportButton}</div>
        <table className="history settings-table" data-testid="catalog-table">
          <thead>{table.header}</thead>
          <tbody>
            {table.sorted.map((p) => (
              <tr
                key={p.id}
                data-testid="catalog-row"
                className="clickable"
                onClick={() => {
                  setEditing(p);
                  setSaved(null);
                }}
              >
                <td className="mono">{p.codigo}</td>
                <td className="mono">{p.barcode ?? ''}</td>
                <td>{p.descripcion}</td>
                <td>{p.unidad}</td>
                <td className="num">{formatBalboas(p.precio)}</td>
                <td>{TASA_ITBMS[p.tasaItbms].label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {products.length === 0 ? <p className="muted">{t('settings.catalog.empty')}</p> : null}
      </div>
    </div>
  );
}
