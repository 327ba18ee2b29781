// The audit trail as a person reads it: the action in words, the details as "field: value" lines and settings changes
// as "field: before → after" (never JSON). Pure, so it is unit-tested.
import { AUDIT_ACTION_LABELS_ES } from '../../../shared/audit/action-labels';
import { AUDIT_ACTION_LABELS_EN } from './audit-labels-en';

/** The kinds of action the screen filters by: each is an action prefix. */
export const AUDIT_GROUPS = ['sale', 'receipt', 'document', 'shift', 'till', 'auth', 'settings', 'catalog', 'customers', 'contingency', 'backup'] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

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

/** Names of the detail fields the register writes most, as a person says them. */
const FIELD_LABELS: Record<'es' | 'en', Record<string, string>> = {
  es: {
    codigo: 'Código', descripcion: 'Descripción', cantidad: 'Cantidad', total: 'Total', motivo: 'Motivo', reason: 'Motivo',
    approvalRequired: 'Requería gerente', for: 'Para', over: 'Sobre la sesión de', username: 'Usuario', role: 'Rol',
    numero: 'Número', tipoDocumento: 'Tipo de documento', tipoEmision: 'Tipo de emisión', copy: 'Copia', correo: 'Correo',
    countedCash: 'Efectivo contado', expectedCash: 'Efectivo esperado', difference: 'Diferencia', openingCash: 'Efectivo inicial',
    precioUnitario: 'Precio unitario', descuentoUnitario: 'Descuento por unidad', exceptions: 'Excepciones', purpose: 'Propósito',
  },
  en: {
    codigo: 'Code', descripcion: 'Description', cantidad: 'Quantity', total: 'Total', motivo: 'Reason', reason: 'Reason',
    approvalRequired: 'Manager required', for: 'For', over: 'Over the session of', username: 'User', role: 'Role',
    numero: 'Number', tipoDocumento: 'Document type', tipoEmision: 'Emission type', copy: 'Copy', correo: 'E-mail',
    countedCash: 'Counted cash', expectedCash: 'Expected cash', difference: 'Difference', openingCash: 'Opening cash',
    precioUnitario: 'Unit price', descuentoUnitario: 'Unit discount', exceptions: 'Exceptions', purpose: 'Purpose',
  },
};

export interface DetailWords {
  before: string;
  after: string;
  yes: string;
  no: string;
  language: string;
}

function show(value: unknown, words: DetailWords): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return knownActionLabel(value, words.language) ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => show(v, words)).join(', ');
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${fieldLabel(k, words)}: ${show(v, words)}`).join('; ');
}

function fieldLabel(key: string, words: DetailWords): string {
  return FIELD_LABELS[words.language.startsWith('en') ? 'en' : 'es'][key] ?? key;
}

/** Readable lines of an entry's details; a {before, after} pair lists only what changed. */
export function auditDetailLines(details: Record<string, unknown>, words: DetailWords): string[] {
  const { before, after, ...rest } = details;
  const lines: string[] = [];
  if (isPlain(before) && isPlain(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const was = show(before[key], words);
      const now = show(after[key], words);
      if (was !== now) lines.push(`${fieldLabel(key, words)}: ${was} → ${now}`);
    }
  } else {
    if (before !== undefined) lines.push(`${words.before}: ${show(before, words)}`);
    if (after !== undefined) lines.push(`${words.after}: ${show(after, words)}`);
  }
  for (const [key, value] of Object.entries(rest)) lines.push(`${fieldLabel(key, words)}: ${show(value, words)}`);
  return lines;
}
