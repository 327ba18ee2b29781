// What a data set takes from the one the register runs on when the manager switches environment: the store as the
// manager set it up (users and their PINs, catalogue, customers, issuer and receipt settings, loss-prevention and
// contingency rules). Never fiscal state: documents, numbers, queue, shifts, audit trail, HKA or sync settings,
// credentials, monitoring. The copy is one SQL transaction on the target, reading the source through ATTACH.
import type Database from 'better-sqlite3';

/** Tables copied whole: the target's rows are replaced by the source's. None is referenced by a foreign key. */
export const REFERENCE_TABLES = ['users', 'products', 'customers'] as const;

/** Settings rows copied by key (everything else in `settings` belongs to the data set itself). */
export const REFERENCE_SETTINGS = [
  'issuer',
  'issuer_identity',
  'receipt',
  'loss_prevention',
  'contingency_settings',
  'demo_catalogue_seeded',
] as const;

export interface SeedCounts {
  users: number;
  products: number;
  customers: number;
  settings: number;
}

/**
 * Replaces the target's reference data with the source file's. `target` is an open, migrated connection; the
 * source may be open elsewhere (WAL lets this connection read its last committed state).
 */
export function copyReferenceData(target: Database.Database, sourcePath: string): SeedCounts {
  target.prepare('ATTACH DATABASE ? AS seed_source').run(sourcePath);
  try {
    const counts = { users: 0, products: 0, customers: 0, settings: 0 };
    target.transaction(() => {
      for (const table of REFERENCE_TABLES) {
        target.prepare(`DELETE FROM main.${table}`).run();
        counts[table] = target.prepare(`INSERT INTO main.${table} SELECT * FROM seed_source.${table}`).run().changes;
      }
      const keys = REFERENCE_SETTINGS.map(() => '?').join(', ');
      target.prepare(`DELETE FROM main.settings WHERE key IN (${keys})`).run(...REFERENCE_SETTINGS);
      counts.settings = target
        .prepare(`INSERT INTO main.settings SELECT * FROM seed_source.settings WHERE key IN (${keys})`)
        .run(...REFERENCE_SETTINGS).changes;
    })();
    return counts;
  } finally {
    target.prepare('DETACH DATABASE seed_source').run();
  }
}
