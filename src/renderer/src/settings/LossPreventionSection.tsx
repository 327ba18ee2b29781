// Control de pérdidas: which cashier actions need a gerente's PIN, and the limits (settings:lossPrevention /
// saveLossPrevention). The core applies them to every till at once; every such action is audited either way.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { DECIMAL_2_PATTERN } from '../../../shared/fiscal/money';
import type { LossPrevention } from '../../../shared/ipc/areas/loss-prevention/contract';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { useLoaded } from './use-loaded';

type Toggle =
  'priceOverride' | 'voidLine' | 'clearBasket' | 'drawerOpen' | 'blindCount' | 'catalogEdit' | 'customerEdit';
const TOGGLES: readonly Toggle[] = [
  'priceOverride',
  'voidLine',
  'clearBasket',
  'drawerOpen',
  'blindCount',
  'catalogEdit',
  'customerEdit',
];
type NumberField = 'lineDiscountPercent' | 'ticketDiscountPercent' | 'freeReprints';
const NUMBERS: readonly NumberField[] = ['lineDiscountPercent', 'ticketDiscountPercent', 'freeReprints'];

const loadRules = () => sago().settings.lossPrevention({});

function RulesEditor(props: { initial: LossPrevention }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [toggles, setToggles] = useState<Record<Toggle, boolean>>(
    () => Object.fromEntries(TOGGLES.map((k) => [k, props.initial[k]])) as Record<Toggle, boolean>,
  );
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(
    () => Object.fromEntries(NUMBERS.map((k) => [k, String(props.initial[k])])) as Record<NumberField, string>,
  );
  const [limit, setLimit] = useState(props.initial.zDifferenceLimit);
  const [payOutLimit, setPayOutLimit] = useState(props.initial.payOutLimit);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const bad = NUMBERS.filter((k) => !/^\d+$/.test(numbers[k].trim()));
    const lines: string[] = bad.map((k) =>
      t('controls.lossPrevention.notANumber', { field: t(`controls.lossPrevention.${k}`) }),
    );
    if (!DECIMAL_2_PATTERN.test(limit.trim()) || !DECIMAL_2_PATTERN.test(payOutLimit.trim()))
      lines.push(t('controls.lossPrevention.badLimit'));
    if (lines.length > 0) return setOutcome({ kind: 'error', lines });
    const rules: LossPrevention = {
      ...toggles,
      lineDiscountPercent: Number(numbers.lineDiscountPercent),
      ticketDiscountPercent: Number(numbers.ticketDiscountPercent),
      freeReprints: Number(numbers.freeReprints),
      zDifferenceLimit: limit.trim(),
      payOutLimit: payOutLimit.trim(),
    };
    setBusy(true);
    const result = await runAsManager('settings:saveLossPrevention', (approval) =>
      attempt(() => sago().settings.saveLossPrevention({ ...rules, approval })),
    );
    setBusy(false);
    if (result === null) return;
    setOutcome(result.ok ? { kind: 'ok', text: t('settings.saved') } : failed(result.error));
  }

  return (
    <form
      className="settings-form"
      data-testid="loss-prevention"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted">{t('controls.lossPrevention.intro')}</p>
      <fieldset className="settings-card">
        <legend>{t('controls.lossPrevention.needsManager')}</legend>
        {TOGGLES.map((key) => (
          <label key={key} className="toggle check-row">
            <input
              type="checkbox"
              data-testid={`lp-${key}`}
              checked={toggles[key]}
              onChange={(e) => {
                setToggles({ ...toggles, [key]: e.target.checked });
                setOutcome(null);
              }}
            />
            <span>{t(`controls.lossPrevention.${key}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="form-grid three">
        {NUMBERS.map((key) => (
          <label key={key} className="field">
            <span>{t(`controls.lossPrevention.${key}`)}</span>
            <input
              inputMode="numeric"
              data-testid={`lp-${key}`}
              value={numbers[key]}
              onChange={(e) => {
                setNumbers({ ...numbers, [key]: e.target.value });
                setOutcome(null);
              }}
            />
          </label>
        ))}
        <label className="field">
          <span>{t('controls.lossPrevention.zDifferenceLimit')}</span>
          <input
            inputMode="decimal"
            data-testid="lp-zDifferenceLimit"
            value={limit}
            onChange={(e) => {
              setLimit(e.target.value);
              setOutcome(null);
            }}
          />
        </label>
        <label className="field">
          <span>{t('controls.lossPrevention.payOutLimit')}</span>
          <input
            inputMode="decimal"
            data-testid="lp-payOutLimit"
            value={payOutLimit}
            onChange={(e) => {
              setPayOutLimit(e.target.value);
              setOutcome(null);
            }}
          />
        </label>
      </div>
      <OutcomeNotice outcome={outcome} testId="loss-prevention-outcome" />
      <div className="settings-actions">
        <button type="submit" className="button primary" data-testid="loss-prevention-save" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

export function LossPreventionSection(): JSX.Element {
  const { value, error } = useLoaded(loadRules);
  if (error)
    return (
      <p className="notice error" role="alert">
        {error}
      </p>
    );
  return value ? <RulesEditor initial={value} /> : <p className="muted">…</p>;
}
