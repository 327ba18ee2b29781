// The audit trail as a person reads it: the action in words, the details as "field: value" lines and settings changes
// as "field: before → after" (never JSON). Pure, so it is unit-tested.
import { AUDIT_ACTION_LABELS_ES } from '../../../shared/audit/action-labels';
import {
  NATURALEZA_OPERACION,
  TASA_ITBMS,
  TIPO_CLIENTE_FE,
  TIPO_DOCUMENTO,
  TIPO_EMISION,
  TIPO_SUCURSAL,
  labelOf,
} from '../../../shared/fiscal/codes';
import { AUDIT_FIELD_LABELS } from './audit-field-labels';
import { AUDIT_ACTION_LABELS_EN } from './audit-labels-en';

/** The kinds of action the screen filters by: each is an action prefix. */
export const AUDIT_GROUPS = [
  'sale',
  'receipt',
  'document',
  'shift',
  'till',
  'auth',
  'settings',
  'catalog',
  'customers',
  'contingency',
  'backup',
] as const;

export function auditActionLabel(action: string, language: string): string {
  const labels = language.startsWith('en') ? AUDIT_ACTION_LABELS_EN : AUDIT_ACTION_LABELS_ES;
  return labels[action] ?? (language.startsWith('en') ? `Other action (${action})` : `Otra acción (${action})`);
}

/** The label of an action that has one, else null (for prompts that name what they approve). */
export function knownActionLabel(action: string, language: string): string | null {
  const labels = language.startsWith('en') ? AUDIT_ACTION_LABELS_EN : AUDIT_ACTION_LABELS_ES;
  return labels[action] ?? null;
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface DetailWords {
  before: string;
  after: string;
  yes: string;
  no: string;
  language: string;
  /** The label of an error kind ("connection_refused" → "Conexión rechazada"), null when unknown. */
  errorKind?: (kind: string) => string | null;
}

/** Fields whose values are DGI catalogue codes: shown as "code · label" (the DGI's Spanish names, in both languages). */
const CATALOGUES: Record<string, Readonly<Record<string, string | { label: string }>>> = {
  tipoSucursal: TIPO_SUCURSAL,
  naturalezaOperacion: NATURALEZA_OPERACION,
  tasaItbms: TASA_ITBMS,
  tipoDocumento: TIPO_DOCUMENTO,
  tipoEmision: TIPO_EMISION,
  tipoClienteFE: TIPO_CLIENTE_FE,
};

/** A value as a person reads it, with its catalogue label when its field holds a DGI code. */
function showField(key: string, value: unknown, words: DetailWords): string {
  const catalogue = CATALOGUES[key];
  const label = catalogue && typeof value === 'string' ? labelOf(catalogue, value) : undefined;
  return label === undefined ? show(value, words) : `${value as string} · ${label}`;
}

/** A field change ({codigo?, field, before, after}) as one line: "P016 — Precio: 3.80 → 3.95". */
function changeLine(change: Record<string, unknown>, words: DetailWords): string | null {
  const { codigo, field, before, after, ...rest } = change;
  if (typeof field !== 'string' || Object.keys(rest).length > 0 || !('before' in change) || !('after' in change))
    return null;
  const what = `${fieldLabel(field, words)}: ${showField(field, before, words)} → ${showField(field, after, words)}`;
  return typeof codigo === 'string' ? `${codigo} — ${what}` : what;
}

/** "connection_refused: ECONNREFUSED …" with its kind in words: "Conexión rechazada (ECONNREFUSED …)". */
function errorText(text: string, words: DetailWords): string {
  const match = /^([a-z]+(?:_[a-z]+)*): (.*)$/s.exec(text);
  const label = match?.[1] !== undefined ? words.errorKind?.(match[1]) : null;
  return label ? `${label} (${match?.[2] ?? ''})` : text;
}

function show(value: unknown, words: DetailWords): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return knownActionLabel(value, words.language) ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => show(v, words)).join(', ');
  const change = changeLine(value as Record<string, unknown>, words);
  if (change !== null) return change;
  // A kind of exception or event ("priceOverride") reads as its label, as a field of that name does.
  return Object.entries(value as Record<string, unknown>)
    .map(
      ([k, v]) =>
        `${fieldLabel(k, words)}: ${k === 'kind' && typeof v === 'string' ? fieldLabel(v, words) : show(v, words)}`,
    )
    .join('; ');
}

function fieldLabel(key: string, words: DetailWords): string {
  // A field without a label yet reads as words ("skippedRows" → "skipped rows"), never as a raw key.
  return (
    AUDIT_FIELD_LABELS[words.language.startsWith('en') ? 'en' : 'es'][key] ??
    key
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase()
  );
}

/** Readable lines of an entry's details; a {before, after} pair lists only what changed. */
export function auditDetailLines(details: Record<string, unknown>, words: DetailWords): string[] {
  const { before, after, ...rest } = details;
  const lines: string[] = [];
  if (isPlain(before) && isPlain(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const was = showField(key, before[key], words);
      const now = showField(key, after[key], words);
      if (was !== now) lines.push(`${fieldLabel(key, words)}: ${was} → ${now}`);
    }
  } else {
    if (before !== undefined) lines.push(`${words.before}: ${show(before, words)}`);
    if (after !== undefined) lines.push(`${words.after}: ${show(after, words)}`);
  }
  for (const [key, value] of Object.entries(rest)) {
    const text = key === 'error' && typeof value === 'string' ? errorText(value, words) : showField(key, value, words);
    lines.push(`${fieldLabel(key, words)}: ${text}`);
  }
  return lines;
}
