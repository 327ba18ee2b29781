// Entry point of fiscal validation: structure (zod) first, then the cross-field rules. Returns ALL problems,
// each with a field path and a Spanish message; never throws, whatever it is given.
import type { z } from 'zod';
import { DOCUMENT_RULES } from './document-rules';
import type { RuleIssue } from './rule-issue';
import { fiscalDocumentSchema, type FiscalDocument } from './document';
import { computeTotals, type DocumentTotals } from './totals';

export interface Violation {
  /** Dotted path with indexes, e.g. "items[1].tasaItbms". */
  path: string;
  /** Spanish, ready for the cashier: "Ítem 2: la tasa de ITBMS no es válida". */
  message: string;
  /** Stable machine code for logs and tests. */
  rule: string;
}

export type ValidationResult =
  { ok: true; document: FiscalDocument; totals: DocumentTotals } | { ok: false; violations: Violation[] };

const LIST_LABELS: Record<string, string> = {
  items: 'Ítem',
  pagos: 'Pago',
  pagosPlazo: 'Cuota',
  referencias: 'Documento referenciado',
  descuentosGlobales: 'Descuento',
  otis: 'Otro impuesto',
  telefonos: 'Teléfono',
  correos: 'Correo',
  autorizadosDescarga: 'Autorizado a descargar',
};
const OBJECT_LABELS: Record<string, string> = {
  cliente: 'Cliente',
  contingencia: 'Contingencia',
  retencion: 'Retención',
  datosFacturaExportacion: 'Exportación',
  pedidoComercialGlobal: 'Pedido de compra',
  infoLogistica: 'Logística',
  infoEntrega: 'Entrega',
};

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** "Ítem 2: " / "Cliente: " / "" — where in the document a problem is, for people. */
export function locationPrefix(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  path.forEach((p, i) => {
    const next = path[i + 1];
    if (typeof p === 'string' && typeof next === 'number' && LIST_LABELS[p])
      parts.push(`${LIST_LABELS[p]} ${next + 1}`);
    else if (typeof p === 'string' && OBJECT_LABELS[p] && i === 0) parts.push(OBJECT_LABELS[p]);
  });
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

function humanMessage(path: readonly PropertyKey[], message: string): string {
  const prefix = locationPrefix(path);
  return prefix ? `${prefix}${message}` : message.charAt(0).toUpperCase() + message.slice(1);
}

function fromZod(issue: z.core.$ZodIssue): Violation {
  const rule =
    issue.code === 'custom' && typeof issue.params?.['rule'] === 'string' ? issue.params['rule'] : issue.code;
  return { path: formatPath(issue.path), message: humanMessage(issue.path, issue.message), rule };
}

function fromRule(issue: RuleIssue): Violation {
  return { path: formatPath(issue.path), message: humanMessage(issue.path, issue.message), rule: issue.rule };
}

export function validateDocument(input: unknown): ValidationResult {
  const parsed = fiscalDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, violations: parsed.error.issues.map(fromZod) };
  const totals = computeTotals(parsed.data);
  const violations = DOCUMENT_RULES.flatMap((rule) => rule(parsed.data, totals)).map(fromRule);
  return violations.length > 0 ? { ok: false, violations } : { ok: true, document: parsed.data, totals };
}
