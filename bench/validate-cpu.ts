// `npm run bench -- --validate-cpu [--baseline <git ref>]`: CPU of validateDocument (decision 0039), today's code
// against the code of a git ref (default: main before decision 0039), both loaded into THIS process and run in
// alternating blocks, so load on the machine weighs on both alike. The baseline is `git archive` of that ref's
// src/shared into a temporary folder, imported through tsx like the bench itself. Before timing anything it checks
// that both give the same result (JSON) for every document measured; it throws if one differs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aSale } from '../tests/fixtures/fiscal-documents';
import { validationDrafts } from '../tests/fixtures/validation-drafts';
import { validateDocument } from '../src/shared/fiscal/validate';
import { draftWithItems } from './capture-drafts';

/** main just before decision 0039 (the queue's prepared statements, decision 0038). */
const DEFAULT_BASELINE = 'cce064487e874a04f686c75ef32fba594dc39bd7';
const ROUNDS = 15;
const VARIED_DOCUMENTS = 1000;
const VARIED_ROUNDS = 3;

type Validate = (input: unknown) => unknown;

function loadBaseline(ref: string): { validate: Promise<Validate>; cleanup: () => void } {
  const root = resolve(import.meta.dirname, '..');
  const folder = mkdtempSync(join(tmpdir(), 'validate-baseline-'));
  const archive = execFileSync('git', ['-C', root, 'archive', ref, 'src/shared'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  // The archived files import zod and decimal.js: they resolve through a link to this checkout's node_modules.
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const url = pathToFileURL(join(folder, 'src/shared/fiscal/validate.ts')).href;
  const validate = import(url).then((m: { validateDocument: Validate }) => m.validateDocument);
  return { validate, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** CPU microseconds (user + system) per call of `validate` over `documents`, `times` passes. */
function cpuPerCall(validate: Validate, documents: readonly unknown[], times: number): number {
  const start = process.cpuUsage();
  for (let t = 0; t < times; t++) for (const document of documents) validate(document);
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / (documents.length * times);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function checkSameResults(before: Validate, after: Validate, documents: readonly unknown[]): void {
  documents.forEach((document, i) => {
    if (JSON.stringify(before(document)) !== JSON.stringify(after(document)))
      throw new Error(`validateDocument gives a different result than the baseline for document ${i}`);
  });
}

/** Old and new in alternating blocks (which one runs first alternates too); medians of the blocks. */
function interleaved(before: Validate, documents: readonly unknown[], times: number, rounds: number) {
  const old: number[] = [];
  const now: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) old.push(cpuPerCall(before, documents, times));
    now.push(cpuPerCall(validateDocument, documents, times));
    if (round % 2 === 1) old.push(cpuPerCall(before, documents, times));
  }
  return { old: median(old), now: median(now) };
}

function row(label: string, result: { old: number; now: number }): string {
  const ratio = result.now / result.old;
  return `${label}: ${(result.old / 1000).toFixed(3)} -> ${(result.now / 1000).toFixed(3)} ms CPU per validation (${ratio.toFixed(2)}x)`;
}

/** The git ref after `--baseline`, else DEFAULT_BASELINE. */
function baselineRef(argv: readonly string[]): string {
  const at = argv.indexOf('--baseline');
  return at >= 0 ? (argv[at + 1] ?? DEFAULT_BASELINE) : DEFAULT_BASELINE;
}

export async function runValidateCpuBench(argv: readonly string[]): Promise<string[]> {
  const ref = baselineRef(argv);
  const baseline = loadBaseline(ref);
  try {
    const before = await baseline.validate;
    const sales = { 5: [{ ...aSale(), ...draftWithItems(5) }], 50: [{ ...aSale(), ...draftWithItems(50) }] };
    const varied = validationDrafts(VARIED_DOCUMENTS);
    checkSameResults(before, validateDocument, [...sales[5], ...sales[50], ...varied]);
    cpuPerCall(before, varied, 1); // warm both before timing
    cpuPerCall(validateDocument, varied, 1);
    const refused = varied.filter((document) => !validateDocument(document).ok).length;
    const lines = [
      `validateDocument CPU, baseline ${ref} vs this checkout, same process, medians of ${ROUNDS} alternating blocks`,
      `(same results checked on ${2 + VARIED_DOCUMENTS} documents; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
      row('  5-item sale ', interleaved(before, sales[5], 2000, ROUNDS)),
      row('  50-item sale', interleaved(before, sales[50], 300, ROUNDS)),
      row(
        `  ${VARIED_DOCUMENTS} varied documents (5-50 items, ${refused} refused)`,
        interleaved(before, varied, 1, VARIED_ROUNDS),
      ),
    ];
    return lines;
  } finally {
    baseline.cleanup();
  }
}
