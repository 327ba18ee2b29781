import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText } from './storable';

describe('storable text', () => {
  it('accepts ordinary text, accents and well-formed emoji', () => {
    expect(isStorableText('Piña colada ñandú 😀 B/. 5.00')).toBe(true);
    expect(findUnstorableText({ a: ['x', { b: 'ü😀' }], n: 1, z: null })).toBeNull();
  });

  it('refuses a NUL and lone surrogates, naming the field path', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('cut \uD83D')).toBe(false);
    expect(isStorableText('\uDE00 tail')).toBe(false);
    expect(findUnstorableText({ payload: { details: { lines: [{ name: 'ok' }, { name: 'Arroz\u0000' }] } } })).toBe(
      'payload.details.lines.1.name',
    );
  });

  it('refuses an unstorable object key, escaped in the path so the path itself is storable', () => {
    const path = findUnstorableText({ details: { 'k\u0000': 1 } });
    expect(path).toBe('details.k\\u0000');
    expect(isStorableText(path ?? '')).toBe(true);
  });

  it('reports nesting deeper than it walks instead of recursing without bound', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(findUnstorableText(deep)).not.toBeNull();
  });
});
