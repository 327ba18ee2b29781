// The cashier's whole wait for "Cobrar" on the core's side: captureSale and the answer the screen gets (decision 0045).
// Before, the answer was read back from the file (getDocumentDetail: the document row, its audit history, the credit
// ledger); now it is built from the rows the transaction wrote (detailOfCaptured). Both run interleaved in rounds in
// one process at synchronous=FULL, with p50 wall time and CPU per sale, and their ratio.
import { getDocumentDetail } from '../src/core/app/document-detail';
import { detailOfCaptured } from '../src/core/app/after-commit';
import { captureSale, type CaptureDeps } from '../src/core/sales/capture-sale';
import type { OpenedDatabase } from '../src/core/store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../src/core/store/settings-repo';
import { BREAKDOWN_PER_ROUND, interleaved } from './capture-breakdown';
import { draftWithItems } from './capture-drafts';
import { fmt } from './stats';

export function captureAnswerAb(store: OpenedDatabase, rounds = 10): string[] {
  const deps: CaptureDeps = {
    db: store.db,
    issuer: DEFAULT_ISSUER_SETTINGS,
    emissionMode: () => ({ tipoEmision: '01' }),
    clock: () => new Date(),
    actor: 'bench',
  };
  const lines: string[] = [];
  for (const items of [5, 50] as const) {
    const draft = draftWithItems(items);
    const capture = () => {
      const result = captureSale(deps, draft);
      if (!result.ok) throw new Error(JSON.stringify(result.violations));
      return result.captured;
    };
    const r = interleaved(
      {
        readBack: () => getDocumentDetail(store.db, capture().id),
        fromRows: () => detailOfCaptured(capture()),
      },
      rounds,
      BREAKDOWN_PER_ROUND[items],
      () => store.checkpoint(),
    );
    const [before, after] = [r['readBack']!, r['fromRows']!];
    lines.push(
      `${items} items: capture + answer read back (before 0045) p50 ${fmt(before.p50)} CPU ${fmt(before.cpuMs)}; ` +
        `answer from the written rows p50 ${fmt(after.p50)} CPU ${fmt(after.cpuMs)}: ` +
        `${(after.p50 / before.p50).toFixed(2)}x wall, ${(after.cpuMs / before.cpuMs).toFixed(2)}x CPU`,
    );
  }
  return lines;
}
