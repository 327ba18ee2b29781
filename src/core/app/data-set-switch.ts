// Switching HKA environment switches data set (docs/decisions/0009-one-data-set-per-environment.md). The register
// keeps running on the data set it started with; the manager's HKA settings (view, save, "Probar conexión") act on
// the *configured* one, which is the running one until a different environment is chosen and then the pending one,
// opened for the length of one call. The switch takes effect at the next start (app:restart).
import type { HkaEnvironment } from '../hka/contract';
import { appendAudit, type AuditActor } from '../store/audit';
import { dataSetExists, dataSetPath, readActiveEnvironment, writeActiveEnvironment } from '../store/data-sets';
import type { OpenedDatabase, StoreDb } from '../store/open-database';
import { copyReferenceData, type SeedCounts } from '../store/seed-data-set';
import type { Vault } from '../vault/vault';

export interface DataSetAccess {
  environment: HkaEnvironment;
  db: StoreDb;
  vault: Vault;
}

export interface DataSetSwitchDeps {
  dataDir: string;
  clock: () => Date;
  running: DataSetAccess;
  /** Opens (creating and migrating when new) the data set of an environment. */
  open: (environment: HkaEnvironment) => OpenedDatabase;
  /** The vault over a data set's own secrets table (the key protector is the register's). */
  vaultFor: (db: StoreDb) => Vault;
}

export class DataSetSwitch {
  constructor(private readonly deps: DataSetSwitchDeps) {}

  get running(): HkaEnvironment {
    return this.deps.running.environment;
  }

  /** The environment the register opens at its next start. */
  configured(): HkaEnvironment {
    return readActiveEnvironment(this.deps.dataDir) ?? this.deps.running.environment;
  }

  /** Runs `use` on the configured data set (opened for the call when it is not the running one). */
  async withConfigured<T>(use: (dataSet: DataSetAccess) => T | Promise<T>): Promise<T> {
    const environment = this.configured();
    if (environment === this.running) return use(this.deps.running);
    const opened = this.deps.open(environment);
    try {
      return await use({ environment, db: opened.db, vault: this.deps.vaultFor(opened.db) });
    } finally {
      opened.close();
    }
  }

  /**
   * Makes `environment` the one the register opens at its next start, creating its data set when it has none.
   * A new data set, and the training one every time, starts from the running store's users, catalogue, customers
   * and settings; a real data set that exists is never overwritten from another (training edits stay in training).
   */
  switchTo(environment: HkaEnvironment, by: AuditActor): void {
    const from = this.configured();
    if (environment === from) return;
    let seeded: SeedCounts | null = null;
    if (environment !== this.running) {
      const created = !dataSetExists(this.deps.dataDir, environment);
      const target = this.deps.open(environment);
      try {
        if (created || environment === 'simulador') {
          seeded = copyReferenceData(target.sqlite, dataSetPath(this.deps.dataDir, this.running));
        }
        target.db.transaction((tx) =>
          appendAudit(
            tx,
            {
              ...by,
              action: 'settings.data_set_opened',
              details: { environment, from: this.running, created, seeded },
            },
            this.deps.clock(),
          ),
        );
      } finally {
        target.close();
      }
    }
    writeActiveEnvironment(this.deps.dataDir, environment);
    this.deps.running.db.transaction((tx) =>
      appendAudit(
        tx,
        {
          ...by,
          action: 'settings.environment_switched',
          details: { from, to: environment, seeded },
        },
        this.deps.clock(),
      ),
    );
  }
}
