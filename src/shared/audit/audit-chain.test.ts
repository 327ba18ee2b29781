import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHashInput, canonicalJson, AUDIT_CHAIN_GENESIS } from './audit-chain';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 'x' }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[1,{"y":"x","z":1}]},"b":1}',
    );
  });

  it('gives the same text for the same value whatever the insertion order', () => {
    expect(canonicalJson({ x: 'ñ', y: 2 })).toBe(canonicalJson({ y: 2, x: 'ñ' }));
  });

  it('writes exactly what the first definition wrote, for any JSON value (chains hashed before stay valid)', () => {
    // The definition the chains were hashed with until decision 0035 made it faster: the specification.
    const firstDefinition = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(firstDefinition).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstDefinition(v)}`).join(',')}}`;
      }
      return JSON.stringify(value) ?? 'null';
    };
    const withHoles = fc.anything({ withNullPrototype: true, withObjectString: true });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), withHoles), (value) => {
        expect(canonicalJson(value)).toBe(firstDefinition(value));
      }),
      { numRuns: 2_000 },
    );
    expect(canonicalJson({ 10: 'a', 9: 'b', b: [undefined, () => 1], a: new Date(0) })).toBe(
      '{"10":"a","9":"b","a":{},"b":[null,null]}',
    );
  });
});

describe('auditHashInput', () => {
  const content = {
    prevHash: AUDIT_CHAIN_GENESIS,
    at: '2026-12-04T10:00:00.000Z',
    actor: 'u1',
    actorName: 'Ana',
    approvedBy: null,
    approvedByName: null,
    action: 'sale.captured',
    documentId: 'd1',
    details: { total: '1.00' },
  };

  it('changes with every covered field', () => {
    const base = auditHashInput(content);
    const variants = [
      { prevHash: 'f'.repeat(64) },
      { at: '2026-12-04T10:00:00.001Z' },
      { actor: 'u2' },
      { actorName: 'Eva' },
      { approvedBy: 'g1' },
      { approvedByName: 'Luis' },
      { action: 'sale.voided' },
      { documentId: null },
      { details: { total: '1.01' } },
    ];
    for (const change of variants)
      expect(auditHashInput({ ...content, ...change }), JSON.stringify(change)).not.toBe(base);
  });
});
