import { describe, expect, it } from 'vitest';
import { parseHkaDateTime } from './parse-dates';

describe('parseHkaDateTime', () => {
  it.each([
    // The three shapes of fechaRecepcionDGI seen in HKA traffic (REFERENCE.md §1.6.1).
    ['2019-05-29T13:32:21+00:00', '2019-05-29T13:32:21.000Z'],
    ['2024-05-24T22:27:28', '2024-05-25T03:27:28.000Z'], // no offset: Panamá, UTC−5
    ['2025-09-01T21:05:49-05:00', '2025-09-02T02:05:49.000Z'],
    // EstadoDocumento's space-separated form (§1.6.2), also Panamá time.
    ['2023-04-10 10:29:09', '2023-04-10T15:29:09.000Z'],
    ['2024-05-24T22:27:28Z', '2024-05-24T22:27:28.000Z'],
    ['2024-05-24T22:27:28.1234567-05:00', '2024-05-25T03:27:28.123Z'],
    ['2024-02-29T00:00:00', '2024-02-29T05:00:00.000Z'],
  ])('%s is %s', (raw, iso) => {
    expect(parseHkaDateTime(raw)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    'null',
    '2024-05-24',
    '24-05-2024 10:00:00',
    '2024-05-24T22:27',
    '2024-13-01T00:00:00',
    '2023-02-29T00:00:00',
    '2024-05-24T24:00:00',
    '2024-05-24T22:60:00',
    '2024-05-24T22:27:28+5:00',
    '2024-05-24T22:27:28-05:00 extra',
  ])('rejects %j', (raw) => {
    expect(parseHkaDateTime(raw)).toBeUndefined();
  });
});
