// The quick event check may only be stricter than the shared zod schema, never looser, and must build the very event
// the schema builds: checked on the events registers send and on thousands of mutations of them (fixed seed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import { checkSyncEvent } from '../../shared/sync/check-event';
import { auditPayloadSchema, documentStatusPayloadSchema, syncEventSchema } from '../../shared/sync/events';
import { fastSyncEvent } from './fast-event-check';

const trail = auditChain();
const at = '2026-12-05T15:04:05.678Z';

const usual = (): Record<string, unknown>[] => [
  {
    eventId: '0b5f4c1e-7d2a-4c3b-9e8f-1a2b3c4d5e6f',
    seq: 1,
    kind: 'audit',
    payload: trail.next({ at, documentId: 'doc-1', details: { total: '1.25', lines: [{ n: 1 }] } }),
  },
  {
    eventId: '1c6f4c1e-7d2a-4c3b-8e8f-1a2b3c4d5e6f',
    seq: 2,
    kind: 'document_status',
    payload: {
      documentId: 'doc-1',
      status: 'QUEUED',
      at,
      tipoDocumento: '01',
      numero: 7,
      tipoEmision: '01',
      total: '1.25',
    },
  },
  {
    eventId: '2d7f4c1e-7d2a-4c3b-af8f-1a2b3c4d5e6f',
    seq: 3,
    kind: 'document_status',
    payload: { documentId: 'doc-1', status: 'AUTHORIZED', from: 'PROCESSING', at },
  },
];

/** Values that sit on or across the schema's edges. */
const tricky = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    -1,
    1.5,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER + 1,
    '',
    ' ',
    'x'.repeat(101),
    'x'.repeat(201),
    'Z'.repeat(65),
    '00000000-0000-0000-0000-000000000000',
    '0B5F4C1E-7D2A-4C3B-9E8F-1A2B3C4D5E6F',
    '2026-02-29T00:00:00.000Z',
    '2024-02-29T00:00:00.000Z',
    '1900-02-29T00:00:00.000Z',
    '2000-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-00-10T00:00:00.000Z',
    '2026-12-00T00:00:00.000Z',
    '2026-12-05T23:60:00.000Z',
    '2026-12-05T23:59:60.000Z',
    '0001-01-01T00:00:00.000Z',
    '2026-12-05T24:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '2026-12-05T15:04:05Z',
    '2026-12-05T15:04:05.678+05:00',
    'a'.repeat(64),
    'A'.repeat(64),
    '12345678901.25',
    '1.255',
    'QUEUED',
    'BOGUS',
    '01',
    '99',
    [],
    {},
    { a: 'x'.repeat(5_000) },
    Object.create(null) as object,
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.jsonValue(),
);

function mutate(event: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(event);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

const paths = (event: Record<string, unknown>): string[][] => [
  ...Object.keys(event).map((k) => [k]),
  ...Object.keys(event['payload'] as object).map((k) => ['payload', k]),
  ['extra'],
  ['payload', 'extra'],
];

describe('fastSyncEvent', () => {
  it('takes the events registers send, and builds what the schema builds', () => {
    for (const event of usual()) {
      const fast = fastSyncEvent(event);
      expect(fast).toBeDefined();
      expect(fast).toEqual(syncEventSchema.parse(event));
    }
    expect(fastSyncEvent({ ...usual()[1], extra: 1 })).toEqual(syncEventSchema.parse(usual()[1]));
  });

  it('accepts nothing the schema refuses, and accepts it the way the schema does (mutated events)', () => {
    const cases = usual().flatMap((event) => paths(event).map((path) => ({ event, path })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), tricky, fc.boolean(), ({ event, path }, value, twice) => {
        let mutated = mutate(event, path, value);
        const payload = mutated['payload'];
        if (twice && typeof payload === 'object' && payload !== null)
          mutated = mutate(mutated, ['payload', 'at'], value);
        const fast = fastSyncEvent(mutated);
        if (fast === undefined) return;
        const parsed = syncEventSchema.safeParse(mutated);
        expect(parsed.success).toBe(true);
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 5_000 },
    );
  });

  it('knows every field of the schema (a field added there and not here fails this test)', () => {
    const [audit, captured] = usual();
    const full = { ...captured!, payload: { ...(captured!['payload'] as object), from: 'DRAFT' } };
    const keys = (event: unknown) => Object.keys((event as { payload: object }).payload).sort();
    expect(keys(fastSyncEvent(audit))).toEqual(Object.keys(auditPayloadSchema.shape).sort());
    expect(keys(fastSyncEvent(full))).toEqual(Object.keys(documentStatusPayloadSchema.shape).sort());
    expect(Object.keys(fastSyncEvent(audit)!).sort()).toEqual(Object.keys(syncEventSchema.options[0].shape).sort());
  });

  it('leaves the unusual but valid event to the schema, which takes it (an offset time, the nil UUID)', () => {
    const [, captured] = usual();
    const offset = { ...captured!, payload: { ...(captured!['payload'] as object), at: '2026-12-05T10:04:05-05:00' } };
    const nil = { ...captured!, eventId: '00000000-0000-0000-0000-000000000000' };
    for (const event of [offset, nil]) {
      expect(fastSyncEvent(event)).toBeUndefined();
      expect(checkSyncEvent(event)).toMatchObject({ ok: true });
    }
  });

  it('leaves to the schema what is not an event object at all', () => {
    for (const raw of [null, 'x', 1, [], [usual()[0]], { kind: 'other' }]) expect(fastSyncEvent(raw)).toBeUndefined();
  });
});
