// Pins EVERY result of validateDocument on 3000 fixed-seed documents (tests/fixtures/validation-drafts.ts): the parsed
// document, all totals and every violation, as one SHA-256 per document in validate.digests.fixture.txt. Written
// once from the code before the CPU work of decision 0039 (`npx vitest run --project unit -u <this file>`); since
// then, a change that alters one amount, rounding, message or parsed field of any of them fails here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validationDrafts } from '../../../tests/fixtures/validation-drafts';
import { validateDocument } from './validate';

const DOCUMENTS = 3000;

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

describe('validateDocument, pinned results', () => {
  it('gives the recorded result for each of 3000 varied documents', async () => {
    const drafts = validationDrafts(DOCUMENTS);
    const lines = drafts.map((draft, i) => {
      const result = validateDocument(draft);
      const summary = result.ok ? `ok ${result.totals.totalFactura}` : `refused ${result.violations.length}`;
      return `${i} ${summary} ${digestOf(result)}`;
    });
    // The split keeps the fixture honest: it must hold accepted documents (totals) and refused ones (violations).
    expect(lines.filter((line) => line.includes(' ok ')).length).toBeGreaterThan(DOCUMENTS / 2);
    expect(lines.filter((line) => line.includes(' refused ')).length).toBeGreaterThan(DOCUMENTS / 10);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./validate.digests.fixture.txt');
  });
});
