// What an alert row says, per rule: the figure that crossed the threshold, in the unit the rule counts (seconds of
// waiting, documents, percent, folios, minutes of silence, chain breaks). Pure, so a unit test can hold it.
import type { Language } from '../i18n/i18n';

import {
  SILENT_AFTER_MINUTES,
  WEBHOOK_SECRET_PATTERN,
  isAlertRule,
  type AlertRule,
} from '../../../shared/alerts/alert-rules';

export interface Alert {
  id: string;
  rule: string;
  deviceId: string;
  storeId: string;
  raisedAt: string;
  resolvedAt: string | null;
  details: { value: number; threshold: number };
}

export interface AlertSettings {
  silentAfterMinutes: number;
  webhook: { url: string; secretSet: true } | null;
}

type Unit = 'second' | 'minute' | 'percent' | null;
const UNITS: Record<AlertRule, Unit> = {
  hka_down: 'second',
  backlog: null,
  error_rate: 'percent',
  folios_low: null,
  silent: 'minute',
  audit_chain_break: null,
};

/** A figure in the rule's unit ("61 s", "10 %", "1.001"); an unknown rule's figure is shown as a plain number. */
export function alertFigure(rule: string, value: number, language: Language): string {
  const unit = isAlertRule(rule) ? UNITS[rule] : null;
  if (unit === 'percent') {
    return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  }
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: 2,
    ...(unit ? { style: 'unit', unit, unitDisplay: 'short' } : {}),
  }).format(value);
}

/** The silence threshold a manager types: whole minutes, 1 to 7 days (the server's own bounds). */
export function parseSilentMinutes(raw: string): number | null {
  if (!/^\d{1,5}$/.test(raw.trim())) return null;
  const minutes = Number(raw.trim());
  return minutes >= SILENT_AFTER_MINUTES.min && minutes <= SILENT_AFTER_MINUTES.max ? minutes : null;
}

/** The webhook secret the server accepts: 16-256 printable ASCII characters without spaces. */
export const isWebhookSecret = (raw: string): boolean => WEBHOOK_SECRET_PATTERN.test(raw);
