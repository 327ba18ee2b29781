import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, STATUS_LABELS } from '../../../shared/fiscal/lifecycle';
import { en } from './en';
import { es } from './es';

/** Every leaf key of a catalogue, dotted ("signIn.title"). */
function keysOf(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

const leaf = (catalogue: object, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('console catalogues', () => {
  it('have the same keys and placeholders in Spanish and English, and no empty text', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(es).sort());
    for (const key of keysOf(es)) {
      expect(placeholders(leaf(en, key)), key).toEqual(placeholders(leaf(es, key)));
      expect(leaf(en, key).trim(), key).not.toBe('');
    }
  });

  it('label every document status, in Spanish as the fiscal core does', () => {
    for (const status of DOCUMENT_STATUSES) {
      expect(es.status_labels[status]).toBe(STATUS_LABELS[status]);
      expect(en.status_labels[status]).not.toBe('');
    }
  });
});
