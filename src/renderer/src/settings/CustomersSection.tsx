// Clientes: search the saved customers, edit one or add one with the checkout's customer fields (DV checked as it is
// typed), and import a CSV (customers:search / save / importCsv).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import { CustomerFields } from '../customers/CustomerFields';
import {
  EMPTY_FORM,
  checkCustomerForm,
  problemsByField,
  type CustomerForm,
  type FormProblems as Problems,
} from '../customers/customer-form';
import type { SortColumn } from '../ui/sortable';
import { useSortedTable } from '../ui/use-sorted-table';
import { CsvImport } from './CsvImport';
import { useSearchList } from './use-search-list';
import { receptorToForm } from './customer-edit';
import { useWithApproval } from '../auth/manager-action';

const KINDS = ['01', '02', '03', '04'] as const;

function CustomerEditor(props: {
  customer: Customer | null;
  onSaved: (c: Customer) => void;
  onCancel: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const withApproval = useWithApproval();
  const [form, setForm] = useState<CustomerForm>(
    props.customer ? receptorToForm(props.customer.receptor) : { ...EMPTY_FORM, kind: '01' },
  );
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const checked = checkCustomerForm(form);
    if (!checked.ok) {
      return setProblems(problemsByField(checked.problems, t('customer.fixErrors')));
    }
    setBusy(true);
    const result = await withApproval((approval) =>
      attempt(() =>
        sago().customers.save({
          receptor: checked.receptor,
          ...(props.customer ? { id: props.customer.id } : {}),
          ...(approval ? { approval } : {}),
        }),
      ),
    );
    if (result === null) return void setBusy(false);
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setProblems({ general: errorLines(result.error).join(' ') });
  }

  return (
    <div className="settings-card" data-testid="customer-editor">
      <h3>
        {props.customer ? t('settings.customers.edit', { name: props.customer.nombre }) : t('settings.customers.new')}
      </h3>
      {props.customer ? null : (
        <div className="tabs" role="tablist">
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              role="tab"
              aria-selected={form.kind === kind}
              className={form.kind === kind ? 'tab active' : 'tab'}
              onClick={() => {
                setForm({ ...EMPTY_FORM, kind });
                setProblems({});
              }}
            >
              {t(`customerKinds.${kind}`)}
            </button>
          ))}
        </div>
      )}
      <CustomerFields
        form={form}
        problems={problems}
        onChange={(next) => {
          setForm(next);
          setProblems({});
        }}
        onSubmit={() => void save()}
      />
      {problems.general ? (
        <p className="notice error" role="alert" data-testid="customer-editor-error">
          {problems.general}
        </p>
      ) : null}
      <div className="settings-actions">
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="customer-editor-save"
          disabled={busy}
          onClick={() => void save()}
        >
          {t('settings.save')}
        </button>
      </div>
    </div>
  );
}

const searchCustomers = (query: string) => sago().customers.search({ query });

export function CustomersSection(): JSX.Element {
  const { t } = useTranslation();
  const { query, setQuery, items: customers, error, refresh } = useSearchList(searchCustomers);
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const columns: SortColumn<Customer>[] = [
    { key: 'nombre', label: t('settings.customers.name'), value: (c) => c.nombre },
    { key: 'identificacion', label: t('settings.customers.identification'), value: (c) => c.identificacion ?? null },
    { key: 'kind', label: t('settings.customers.kind'), value: (c) => t(`customerKinds.${c.receptor.tipoClienteFE}`) },
  ];
  const table = useSortedTable(customers, columns, { fileName: 'clientes.csv', testId: 'customers-csv' });

  return (
    <div className="settings-form">
      <div className="settings-toolbar">
        <input
          className="search-input"
          data-testid="customers-search"
          placeholder={t('settings.customers.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="button primary"
          data-testid="customers-new"
          onClick={() => {
            setEditing('new');
            setSaved(null);
          }}
        >
          {t('settings.customers.new')}
        </button>
      </div>
      {editing !== null ? (
        <CustomerEditor
          key={editing === 'new' ? 'new' : editing.id}
          customer={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setSaved(t('settings.customers.saved', { name: c.nombre }));
            refresh();
          }}
        />
      ) : null}
      {saved ? (
        <p className="notice ok" role="status" data-testid="customers-saved">
          {saved}
        </p>
      ) : null}
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <CsvImport
        testId="customers-import"
        columns="tipoCliente, identificacion, dv, tipoContribuyente, nombre, direccion, correo, telefono, pais, tipoIdentificacion"
        importCsv={(file, importValidRows) => attempt(() => sago().customers.importCsv({ file, importValidRows }))}
        onImported={() => refresh()}
      />
      <div className="settings-table-wrap">
        <div className="settings-actions">{table.exportButton}</div>
        <table className="history settings-table" data-testid="customers-table">
          <thead>{table.header}</thead>
          <tbody>
            {table.sorted.map((c) => (
              <tr
                key={c.id}
                data-testid="customers-row"
                className="clickable"
                onClick={() => {
                  setEditing(c);
                  setSaved(null);
                }}
              >
                <td>{c.nombre}</td>
                <td className="mono">{c.identificacion ?? ''}</td>
                <td>{t(`customerKinds.${c.receptor.tipoClienteFE}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {customers.length === 0 ? <p className="muted">{t('settings.customers.empty')}</p> : null}
      </div>
    </div>
  );
}
