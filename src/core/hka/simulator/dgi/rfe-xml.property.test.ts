// Properties over random valid documents (tests/fixtures/fiscal-arbitraries.ts): every 2020-representable document
// gives an rFE that validates against the 2020 schema, and in general the rFE validates exactly when rfe2020Gaps
// finds no value outside that schema (the generator's OTI codes 03/10 put many documents outside it).
// Each run checks a batch of documents in one xmllint run: compiling the 450 KB schema is the slow part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validDocumentArb } from '../../../../../tests/fixtures/fiscal-arbitraries';
import { authorizeDocument } from './dgi-documents.fixture';
import { isRfe2020Representable, rfe2020Gaps } from './rfe-2020';
import { buildRfeXml } from './rfe-xml';
import { rfe2020ErrorsEach } from './rfe-xsd.fixture';

const BATCH = { minLength: 15, maxLength: 15 };
// 30 documents per property; no shrinking: a failure names the document and its schema errors.
const RUNS = { numRuns: 2, endOnFailure: true };

const documentArb = validDocumentArb.map(authorizeDocument);
const representableArb = documentArb.filter(isRfe2020Representable);

describe('buildRfeXml, property-based', () => {
  it('every 2020-representable document validates against FE_v1.00.xsd', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(representableArb, BATCH), async (docs) => {
        const errors = await rfe2020ErrorsEach(docs.map(buildRfeXml));
        docs.forEach((doc, i) => expect(errors[i], doc.cufe).toEqual([]));
      }),
      RUNS,
    );
  }, 60_000); // xmllint-wasm compiles a 450 KB schema: slow when the whole suite shares 2 cores

  it('any document validates exactly when no value is outside the 2020 format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(documentArb, BATCH), async (docs) => {
        const errors = await rfe2020ErrorsEach(docs.map(buildRfeXml));
        docs.forEach((doc, i) => {
          const outside = rfe2020Gaps(doc).filter((g) => g.effect === 'invalid');
          const schemaErrors = errors[i] ?? ['missing result'];
          expect(schemaErrors.length > 0, JSON.stringify({ schemaErrors, outside })).toBe(outside.length > 0);
        });
      }),
      RUNS,
    );
  }, 60_000); // xmllint-wasm compiles a 450 KB schema: slow when the whole suite shares 2 cores
});
