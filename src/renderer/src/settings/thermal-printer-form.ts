// The thermal printer form: the port typed as text, checked with the contract's schema (its Spanish messages), one
// problem per field.
import { thermalPrinterSchema, type ThermalPrinterSettings } from '../../../shared/ipc/areas/printer/contract';

export interface ThermalPrinterForm {
  kind: ThermalPrinterSettings['kind'];
  host: string;
  port: string;
  devicePath: string;
  drawer: boolean;
}

export type ThermalPrinterProblems = Partial<Record<'host' | 'port' | 'devicePath' | 'drawer', string>>;

export function thermalToForm(settings: ThermalPrinterSettings): ThermalPrinterForm {
  return {
    kind: settings.kind,
    host: settings.host,
    port: String(settings.port),
    devicePath: settings.devicePath,
    drawer: settings.drawer,
  };
}

export function checkThermalForm(
  form: ThermalPrinterForm,
): { ok: true; settings: ThermalPrinterSettings } | { ok: false; problems: ThermalPrinterProblems } {
  const port = form.port.trim();
  const parsed = thermalPrinterSchema.safeParse({
    kind: form.kind,
    host: form.host,
    port: /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN,
    devicePath: form.devicePath,
    // The drawer hangs off an ESC/POS printer: choosing "sistema" switches it off rather than refusing the form.
    drawer: form.kind === 'system' ? false : form.drawer,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems: ThermalPrinterProblems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'host' || field === 'port' || field === 'devicePath' || field === 'drawer')
      problems[field] ??= issue.message;
  }
  return { ok: false, problems };
}
