import { describe, expect, it } from 'vitest';
import { FORMA_PAGO, TIPO_CLIENTE_FE } from '../../../shared/fiscal/codes';
import { DOCUMENT_STATUSES, STATUS_LABELS } from '../../../shared/fiscal/lifecycle';
import { en } from './en';
import { es } from './es';

/** Every leaf key of a catalogue, dotted ("checkout.search.placeholder"). */
function keysOf(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[0] ?? '').sort();
}

function leaf(catalogue: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
}

describe('i18n catalogues', () => {
  it('have the same keys in Spanish and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(es).sort());
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    for (const key of keysOf(es)) {
      expect(placeholders(leaf(en, key)), key).toEqual(placeholders(leaf(es, key)));
      expect(leaf(es, key).trim(), key).not.toBe('');
      expect(leaf(en, key).trim(), key).not.toBe('');
    }
  });

  it('label every status, payment form and customer kind, in Spanish as the fiscal core does', () => {
    for (const status of DOCUMENT_STATUSES) expect(es.status[status]).toBe(STATUS_LABELS[status]);
    for (const code of Object.keys(FORMA_PAGO)) expect(Object.keys(en.paymentForms)).toContain(code);
    for (const code of Object.keys(TIPO_CLIENTE_FE)) expect(Object.keys(en.customerKinds)).toContain(code);
  });
});
