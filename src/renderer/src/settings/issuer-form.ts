// The issuer form: the DV check as the manager types (the DGI algorithm from the fiscal core, the same one the core
// runs on save) and the field problems of the contract's schema, so the panel refuses what the core would refuse.
import { issuerInputSchema, type IssuerView } from '../../../shared/ipc/areas/settings/contract';
import { computeDv, normalizeRuc, verifyDv } from '../../../shared/fiscal/ruc-dv';

export type IssuerForm = IssuerView;
export type IssuerField = keyof IssuerForm;

export type IssuerDvHint =
  | { state: 'empty' }
  | { state: 'valid' }
  | { state: 'mismatch'; expected: string }
  | { state: 'suggest'; expected: string }
  | { state: 'unknown'; reason: string };

export function issuerDvHint(ruc: string, dv: string): IssuerDvHint {
  if (normalizeRuc(ruc) === '') return { state: 'empty' };
  if (dv.trim() === '') {
    const computed = computeDv(ruc);
    return computed.status === 'ok'
      ? { state: 'suggest', expected: computed.dv }
      : { state: 'unknown', reason: computed.reason };
  }
  const check = verifyDv(ruc, dv.trim());
  switch (check.status) {
    case 'valid':
      return { state: 'valid' };
    case 'mismatch':
      return { state: 'mismatch', expected: check.expected };
    case 'unverifiable':
    case 'invalid':
      return { state: 'unknown', reason: check.reason };
  }
}

/** The request for settings:saveIssuer, or the first problem of each field (Spanish, from the contract). */
export function checkIssuerForm(
  form: IssuerForm,
): { ok: true; input: IssuerForm } | { ok: false; problems: Partial<Record<IssuerField, string>> } {
  const parsed = issuerInputSchema.safeParse(form);
  const problems: Partial<Record<IssuerField, string>> = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [field, line] = issue.path;
    // A problem in the list of authorised downloaders names its line ("Línea 2: el DV del autorizado no corresponde…").
    const message =
      field === 'autorizadosDescarga' && typeof line === 'number'
        ? `Línea ${line + 1}: ${issue.message}`
        : issue.message;
    problems[String(field) as IssuerField] ??= message;
  }
  const hint = issuerDvHint(form.ruc, form.dv);
  if (hint.state === 'mismatch') problems.dv ??= `El DV no corresponde a este RUC; el calculado es ${hint.expected}`;
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, input: { ...parsed.data } };
}

export type Autorizado = IssuerForm['autorizadosDescarga'][number];

/** The list as the manager edits it: one "RUC DV" per line. */
export function formatAutorizados(list: readonly Autorizado[]): string {
  return list.map((a) => `${a.rucReceptor} ${a.digitoVerifRucReceptor}`).join('\n');
}

/**
 * "RUC DV" lines → the list (blank lines ignored). The type (natural/jurídico) is the one under which the DV verifies;
 * a DV that verifies under neither is kept as jurídico, and the contract's check then names the line.
 */
export function parseAutorizados(text: string): { ok: true; list: Autorizado[] } | { ok: false; line: number } {
  const list: Autorizado[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const parts = raw
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '' && p.toUpperCase() !== 'DV');
    if (parts.length === 0) continue;
    if (parts.length !== 2) return { ok: false, line: i + 1 };
    const [ruc = '', dv = ''] = parts;
    const rucReceptor = normalizeRuc(ruc);
    const tipoContribuyente =
      verifyDv(rucReceptor, dv, '2').status === 'valid' || verifyDv(rucReceptor, dv, '1').status !== 'valid'
        ? '2'
        : '1';
    list.push({ tipoContribuyente, rucReceptor, digitoVerifRucReceptor: dv });
  }
  return { ok: true, list };
}
