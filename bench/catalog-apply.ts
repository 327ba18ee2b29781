// `npx tsx bench/catalog-apply.ts`: how long applying head office's catalogue holds the register's write lock (one
// IMMEDIATE transaction, decision 0018): a sale completed meanwhile waits that long. A first catalogue (every row new)
// and a price change of every row, on a real SQLite file (synchronous=FULL, as the app runs), each change audited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinHkaEnvironment } from '../src/core/hka/hka-connection';
import { openDatabase } from '../src/core/store/open-database';
import { applyCatalogChanges } from '../src/core/sync/catalog-apply';
import { fmt } from './stats';

const ORG = '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7';

function rows(n: number, version: number, cents: number) {
  return Array.from({ length: n }, (_, i) => ({
    codigo: `P${String(i).padStart(6, '0')}`,
    barcode: `750${String(i).padStart(10, '0')}`,
    descripcion: `Producto de prueba ${i}`,
    unidad: 'und',
    precio: `${(i % 90) + 1}.${String((i + cents) % 100).padStart(2, '0')}`,
    tasaItbms: '01',
    codigoCPBS: null,
    unidadMedidaCPBS: null,
    requiereLote: false,
    active: true,
    version,
  }));
}

export function runCatalogApplyBench(sizes: readonly number[] = [500, 10_000]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sago-bench-catalog-'));
  const lines: string[] = [];
  try {
    for (const n of sizes) {
      const store = openDatabase({ path: join(dir, `catalog-${n}.sqlite`), checkpointIntervalMs: 0 });
      try {
        pinHkaEnvironment(store.db, 'demo', new Date());
        for (const [label, version, cents] of [
          ['first catalogue', 1, 0],
          ['every price changed', 2, 7],
        ] as const) {
          const changes = rows(n, version, cents);
          const t0 = performance.now();
          const result = applyCatalogChanges(
            store.db,
            changes,
            { orgId: ORG, position: { since: version, after: changes.at(-1)?.codigo ?? '' } },
            new Date(),
          );
          const ms = performance.now() - t0;
          if (result.kind !== 'applied' || result.applied !== n)
            throw new Error(`unexpected ${JSON.stringify(result).slice(0, 200)}`);
          lines.push(
            `catalogue apply, ${String(n).padStart(6)} rows, ${label.padEnd(20)} ${fmt(ms)} (${(n / (ms / 1000)).toFixed(0)} rows/s)`,
          );
        }
      } finally {
        store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1]?.endsWith('catalog-apply.ts')) for (const line of runCatalogApplyBench()) console.log(line);
