// The receipt form: header and footer as text areas (one printed line per line), checked with the contract's schema.
import { receiptSettingsSchema, type ReceiptSettings } from '../../../shared/ipc/areas/settings/contract';

export interface ReceiptForm {
  printerName: string;
  paper: '80' | '58';
  header: string;
  footer: string;
  copies: string;
}

const toText = (lines: readonly string[]): string => lines.join('\n');
/** Lines as typed; trailing blank lines dropped (a final Enter is not a printed line). */
export function toLines(text: string): string[] {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function receiptToForm(settings: ReceiptSettings): ReceiptForm {
  return {
    printerName: settings.printerName ?? '',
    paper: settings.paper,
    header: toText(settings.headerLines),
    footer: toText(settings.footerLines),
    copies: String(settings.copies),
  };
}

export type ReceiptProblems = Partial<Record<'printerName' | 'header' | 'footer' | 'copies', string>>;

export function checkReceiptForm(
  form: ReceiptForm,
): { ok: true; settings: ReceiptSettings } | { ok: false; problems: ReceiptProblems } {
  const candidate = {
    printerName: form.printerName === '' ? null : form.printerName,
    paper: form.paper,
    headerLines: toLines(form.header),
    footerLines: toLines(form.footer),
    copies: /^\d+$/.test(form.copies.trim()) ? Number(form.copies.trim()) : Number.NaN,
  };
  const parsed = receiptSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems: ReceiptProblems = {};
  for (const issue of parsed.error.issues) {
    const [field, index] = issue.path;
    const key =
      field === 'headerLines'
        ? 'header'
        : field === 'footerLines'
          ? 'footer'
          : field === 'copies'
            ? 'copies'
            : 'printerName';
    const where = typeof index === 'number' ? `Línea ${index + 1}: ` : '';
    problems[key] ??=
      key === 'copies'
        ? 'Las copias van de 1 a 3'
        : issue.code === 'too_big' && typeof index !== 'number' && key !== 'printerName'
          ? 'Admite hasta 6 líneas'
          : `${where}${issue.message}`;
  }
  return { ok: false, problems };
}
