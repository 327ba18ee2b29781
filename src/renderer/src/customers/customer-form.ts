// The customer form: what the cashier types for each kind of receptor, the DV check shown while typing, and the
// receptor handed to customers:save / sales:complete. Validation is the fiscal core's (receptorSchema), so the form
// refuses exactly what the register would refuse.
import type { TipoClienteFE, TipoIdentificacion } from '../../../shared/fiscal/codes';
import { receptorSchema, type ReceptorInput } from '../../../shared/fiscal/receptor';
import { computeDv, normalizeRuc, verifyDv, type TipoRuc } from '../../../shared/fiscal/ruc-dv';
import { formatPath } from '../../../shared/fiscal/validate';

export interface CustomerForm {
  kind: TipoClienteFE;
  tipoContribuyente: TipoRuc;
  ruc: string;
  dv: string;
  razonSocial: string;
  direccion: string;
  correo: string;
  tipoIdentificacion: TipoIdentificacion;
  nroIdentificacionExtranjero: string;
  paisExtranjero: string;
}

export const EMPTY_FORM: CustomerForm = {
  kind: '02',
  tipoContribuyente: '2',
  ruc: '',
  dv: '',
  razonSocial: '',
  direccion: '',
  correo: '',
  tipoIdentificacion: '01',
  nroIdentificacionExtranjero: '',
  paisExtranjero: '',
};

/** Where the DV check stands while the cashier types: drives the hint under the DV field. */
export type DvHint =
  | { state: 'empty' }
  | { state: 'valid' }
  /** The DV typed does not match; `suggested` is what the algorithm computes. */
  | { state: 'mismatch'; suggested: string }
  /** No DV typed yet, and the algorithm can compute it. */
  | { state: 'suggest'; suggested: string }
  /** Valid-looking RUC whose DV cannot be computed locally (the DGI must be asked). */
  | { state: 'unverifiable'; reason: string }
  | { state: 'invalid'; reason: string };

export function dvHint(ruc: string, dv: string, tipo: TipoRuc): DvHint {
  if (normalizeRuc(ruc) === '') return { state: 'empty' };
  const computed = computeDv(ruc, tipo);
  if (dv.trim() === '') {
    if (computed.status === 'ok') return { state: 'suggest', suggested: computed.dv };
    return computed.status === 'invalid'
      ? { state: 'invalid', reason: computed.reason }
      : { state: 'unverifiable', reason: computed.reason };
  }
  const check = verifyDv(ruc, dv, tipo);
  switch (check.status) {
    case 'valid':
      return { state: 'valid' };
    case 'mismatch':
      return { state: 'mismatch', suggested: check.expected };
    case 'unverifiable':
      return { state: 'unverifiable', reason: check.reason };
    case 'invalid':
      return { state: 'invalid', reason: check.reason };
  }
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The form as a receptor (not yet validated). Empty optional fields are left out, as the schema expects. */
export function formToReceptor(form: CustomerForm): ReceptorInput {
  const contacto = { pais: 'PA' as const, ...(optional(form.correo) ? { correos: [form.correo.trim()] } : {}) };
  const razonSocial = optional(form.razonSocial);
  const direccion = optional(form.direccion);
  switch (form.kind) {
    case '01':
    case '03':
      return {
        tipoClienteFE: form.kind,
        tipoContribuyente: form.tipoContribuyente,
        numeroRUC: normalizeRuc(form.ruc),
        digitoVerificadorRUC: form.dv.trim(),
        razonSocial: form.razonSocial.trim(),
        direccion: form.direccion.trim(),
        ...contacto,
      };
    case '02': {
      const ruc = optional(form.ruc);
      return {
        tipoClienteFE: '02',
        ...(razonSocial ? { razonSocial } : {}),
        ...(direccion ? { direccion } : {}),
        ...(ruc
          ? {
              identificacion: {
                tipoContribuyente: '1' as const,
                numeroRUC: normalizeRuc(ruc),
                ...(optional(form.dv) ? { digitoVerificadorRUC: form.dv.trim() } : {}),
              },
            }
          : {}),
        ...contacto,
      };
    }
    case '04': {
      const paisExtranjero = optional(form.paisExtranjero);
      return {
        tipoClienteFE: '04',
        ...(razonSocial ? { razonSocial } : {}),
        ...(direccion ? { direccion } : {}),
        tipoIdentificacion: form.tipoIdentificacion,
        nroIdentificacionExtranjero: form.nroIdentificacionExtranjero.trim(),
        ...(paisExtranjero ? { paisExtranjero } : {}),
        ...contacto,
      };
    }
  }
}

export interface FieldProblem {
  /** Path inside the receptor ("numeroRUC", "identificacion.digitoVerificadorRUC"). */
  path: string;
  /** Spanish, from the fiscal core. */
  message: string;
}

/** Checks the form with the fiscal core's receptor schema; every problem at once. */
export function checkCustomerForm(
  form: CustomerForm,
): { ok: true; receptor: ReceptorInput } | { ok: false; problems: FieldProblem[] } {
  const receptor = formToReceptor(form);
  const parsed = receptorSchema.safeParse(receptor);
  if (parsed.success) return { ok: true, receptor };
  const problems = parsed.error.issues.map((issue) => {
    const message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    return { path: formatPath(issue.path), message };
  });
  return { ok: false, problems };
}

/** The form field a receptor path belongs to, to show the message next to it. */
export function fieldOf(path: string): keyof CustomerForm | 'general' {
  if (path.endsWith('digitoVerificadorRUC')) return 'dv';
  if (path.endsWith('numeroRUC')) return 'ruc';
  if (path.endsWith('tipoContribuyente')) return 'tipoContribuyente';
  if (path === 'razonSocial') return 'razonSocial';
  if (path === 'direccion') return 'direccion';
  if (path.startsWith('correos')) return 'correo';
  if (path === 'nroIdentificacionExtranjero') return 'nroIdentificacionExtranjero';
  if (path === 'paisExtranjero') return 'paisExtranjero';
  return 'general';
}

/** Messages by form field, as the customer fields show them; the ones without a field join `general`. */
export type FormProblems = Partial<Record<keyof CustomerForm | 'general', string>>;

/** Groups a check's problems by field (first message per field), `general` led by the "fix the errors" line. */
export function problemsByField(problems: readonly FieldProblem[], fixErrors: string): FormProblems {
  const found: FormProblems = {};
  const general: string[] = [fixErrors];
  for (const p of problems) {
    const field = fieldOf(p.path);
    if (field === 'general') general.push(p.message);
    else found[field] ??= p.message;
  }
  return { ...found, general: general.join(' ') };
}

/** How the sale's customer reads on screen: a name (null for the anonymous consumidor final) and an id line. */
export function describeReceptor(receptor: ReceptorInput): { name: string | null; detail: string | null } {
  switch (receptor.tipoClienteFE) {
    case '01':
    case '03':
      return { name: receptor.razonSocial, detail: `RUC ${receptor.numeroRUC} DV ${receptor.digitoVerificadorRUC}` };
    case '02':
      return {
        name: receptor.razonSocial ?? null,
        detail: receptor.identificacion ? receptor.identificacion.numeroRUC : null,
      };
    case '04':
      return { name: receptor.razonSocial ?? null, detail: receptor.nroIdentificacionExtranjero };
  }
}
