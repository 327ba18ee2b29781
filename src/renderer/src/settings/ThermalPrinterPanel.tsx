// Impresora térmica (ESC/POS): the system's print, a network printer (host and port, raw TCP 9100) or a USB one (its
// device); the cash drawer wired to it; "Imprimir prueba" on the values typed, saved or not
// (printer:settings / printer:save / printer:test). The paper width is the receipt's, above.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThermalPrinterSettings } from '../../../shared/ipc/areas/printer/contract';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import {
  checkThermalForm,
  thermalToForm,
  type ThermalPrinterForm,
  type ThermalPrinterProblems,
} from './thermal-printer-form';
import { useLoaded } from './use-loaded';

const loadPrinter = () => sago().printer.settings({});
const KINDS: readonly ThermalPrinterSettings['kind'][] = ['system', 'network', 'usb'];

function Problem(props: { text: string | undefined }): JSX.Element | null {
  return props.text ? (
    <em className="field-error" role="alert">
      {props.text}
    </em>
  ) : null;
}

function ThermalPrinterEditor(props: { initial: ThermalPrinterForm }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [form, setForm] = useState(props.initial);
  const [problems, setProblems] = useState<ThermalPrinterProblems>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ThermalPrinterForm>): void => {
    setForm({ ...form, ...patch });
    setProblems({});
    setOutcome(null);
  };
  const checked = (): ThermalPrinterSettings | null => {
    const result = checkThermalForm(form);
    if (result.ok) return result.settings;
    setProblems(result.problems);
    setOutcome({ kind: 'error', lines: [t('settings.fixErrors')] });
    return null;
  };

  async function save(): Promise<void> {
    const settings = checked();
    if (!settings) return;
    setBusy(true);
    const result = await runAsManager('printer:save', (approval) =>
      attempt(() => sago().printer.save({ ...settings, approval })),
    );
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setForm(thermalToForm(result.value));
    setOutcome({ kind: 'ok', text: t('settings.saved') });
  }

  async function test(): Promise<void> {
    const settings = checked();
    if (!settings) return;
    setBusy(true);
    const result = await attempt(() => sago().printer.test(settings));
    setBusy(false);
    setOutcome(result.ok ? { kind: 'ok', text: t('settings.thermal.testSent') } : failed(result.error));
  }

  const escpos = form.kind !== 'system';
  return (
    <form
      className="settings-form"
      data-testid="thermal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('settings.thermal.title')}</h3>
      <div className="form-grid two">
        <fieldset className="settings-radios thermal-kinds">
          <legend>{t('settings.thermal.kind')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className="toggle">
              <input
                type="radio"
                name="thermal-kind"
                data-testid={`thermal-kind-${kind}`}
                checked={form.kind === kind}
                onChange={() => set({ kind })}
              />
              {t(`settings.thermal.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        {form.kind === 'network' ? (
          <div className="form-grid two">
            <label className="field">
              <span>{t('settings.thermal.host')}</span>
              <input
                data-testid="thermal-host"
                value={form.host}
                placeholder="192.168.1.50"
                aria-invalid={problems.host !== undefined}
                onChange={(e) => set({ host: e.target.value })}
              />
              <Problem text={problems.host} />
            </label>
            <label className="field">
              <span>{t('settings.thermal.port')}</span>
              <input
                data-testid="thermal-port"
                inputMode="numeric"
                value={form.port}
                aria-invalid={problems.port !== undefined}
                onChange={(e) => set({ port: e.target.value })}
              />
              <Problem text={problems.port} />
            </label>
          </div>
        ) : null}
        {form.kind === 'usb' ? (
          <label className="field">
            <span>{t('settings.thermal.device')}</span>
            <input
              data-testid="thermal-device"
              value={form.devicePath}
              placeholder="/dev/usb/lp0"
              aria-invalid={problems.devicePath !== undefined}
              onChange={(e) => set({ devicePath: e.target.value })}
            />
            <em className="field-hint">{t('settings.thermal.deviceHint')}</em>
            <Problem text={problems.devicePath} />
          </label>
        ) : null}
        <label className="toggle span-2 thermal-drawer">
          <input
            type="checkbox"
            data-testid="thermal-drawer"
            checked={escpos && form.drawer}
            disabled={!escpos}
            onChange={(e) => set({ drawer: e.target.checked })}
          />
          {t('settings.thermal.drawer')}
        </label>
      </div>
      <p className="field-hint">{t(escpos ? 'settings.thermal.escposHint' : 'settings.thermal.systemHint')}</p>
      <OutcomeNotice outcome={outcome} testId="thermal-outcome" />
      <div className="settings-actions">
        <button
          type="button"
          className="button secondary"
          data-testid="thermal-test"
          disabled={busy || !escpos}
          onClick={() => void test()}
        >
          {t('settings.thermal.test')}
        </button>
        <button type="submit" className="button primary" data-testid="thermal-save" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

export function ThermalPrinterPanel(): JSX.Element {
  const { t } = useTranslation();
  const printer = useLoaded(loadPrinter);
  if (printer.error)
    return (
      <p className="notice error" role="alert">
        {printer.error}
      </p>
    );
  if (!printer.value) return <p className="muted">{t('common.loading')}</p>;
  return <ThermalPrinterEditor initial={thermalToForm(printer.value)} />;
}
