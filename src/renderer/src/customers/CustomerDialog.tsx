// Choosing the sale's customer (F3): search the saved ones, go back to consumidor final, or create a contribuyente,
// gobierno, extranjero or named consumidor (saved locally, so it works offline). The form is checked with the
// fiscal core before anything is saved; a wrong DV is refused with the DV the algorithm expects.
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TipoClienteFE } from '../../../shared/fiscal/codes';
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import type { Customer } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import { Dialog } from '../ui/Dialog';
import { CustomerFields } from './CustomerFields';
import {
  EMPTY_FORM,
  checkCustomerForm,
  problemsByField,
  type CustomerForm,
  type FormProblems as Problems,
} from './customer-form';
import { useWithApproval } from '../auth/manager-action';

type Tab = 'search' | TipoClienteFE;
const TABS: readonly Tab[] = ['search', '02', '01', '03', '04'];

export function CustomerDialog(props: {
  onSelect: (receptor: ReceptorInput) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const withApproval = useWithApproval();
  const [tab, setTab] = useState<Tab>('search');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Customer[]>([]);
  const [highlighted, setHighlighted] = useState(0);
  const [form, setForm] = useState<CustomerForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (tab !== 'search') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void attempt(() => sago().customers.search({ query: query.trim() })).then((r) => {
        if (!current) return;
        setResults(r.ok ? r.value : []);
        setHighlighted(0);
      });
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, tab]);

  function openTab(next: Tab): void {
    setTab(next);
    setProblems({});
    if (next !== 'search') setForm({ ...EMPTY_FORM, kind: next });
  }

  async function save(): Promise<void> {
    const checked = checkCustomerForm(form);
    if (!checked.ok) {
      setProblems(problemsByField(checked.problems, t('customer.fixErrors')));
      return;
    }
    // An anonymous consumidor final is the default: nothing to save.
    if (form.kind === '02' && Object.keys(checked.receptor).length === 2) return props.onSelect(checked.receptor);
    setBusy(true);
    // A new customer is the cashier's to add; changing one on file may need a gerente (the core says so).
    const result = await withApproval((approval) =>
      attempt(() => sago().customers.save({ receptor: checked.receptor, ...(approval ? { approval } : {}) })),
    );
    if (result === null) return void setBusy(false);
    setBusy(false);
    if (result.ok) props.onSelect(result.value.receptor);
    else setProblems({ general: errorLines(result.error).join(' ') });
  }

  const footer =
    tab === 'search' ? (
      <button
        type="button"
        className="button secondary"
        onClick={() => props.onSelect({ tipoClienteFE: '02', pais: 'PA' })}
      >
        {t('customer.useConsumidorFinal')}
      </button>
    ) : (
      <>
        <button type="button" className="button secondary" onClick={props.onClose}>
          {t('common.cancel')} <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="customer-save"
          disabled={busy}
          onClick={() => void save()}
        >
          {t('customer.saveAndUse')} <kbd>Enter</kbd>
        </button>
      </>
    );

  return (
    <Dialog title={t('customer.title')} onClose={props.onClose} wide testId="customer-dialog" footer={footer}>
      <div className="tabs" role="tablist">
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'tab active' : 'tab'}
            data-testid={`customer-tab-${key}`}
            onClick={() => openTab(key)}
          >
            {t(`customer.tabs.${key}`)}
          </button>
        ))}
      </div>
      {tab === 'search' ? (
        <div className="customer-search">
          <input
            autoFocus
            data-testid="customer-search"
            placeholder={t('customer.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setHighlighted((h) => Math.max(0, Math.min(results.length - 1, h + (e.key === 'ArrowDown' ? 1 : -1))));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                const picked = results[highlighted];
                if (picked) props.onSelect(picked.receptor);
              }
            }}
          />
          <ul className="pick-list" role="listbox">
            {results.length === 0 ? <li className="muted">{t('customer.noResults')}</li> : null}
            {results.map((c, i) => (
              <li
                key={c.id}
                role="option"
                aria-selected={i === highlighted}
                className={i === highlighted ? 'active' : undefined}
                onClick={() => props.onSelect(c.receptor)}
              >
                <span>{c.nombre}</span>
                <span className="muted">
                  {c.identificacion ?? ''} · {t(`customerKinds.${c.receptor.tipoClienteFE}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
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
            <p className="notice error" role="alert" data-testid="customer-error">
              {problems.general}
            </p>
          ) : null}
        </>
      )}
    </Dialog>
  );
}
