// VaultStorage on the register's SQLite file: sealed secrets in the `secrets` table, the wrapped data key under a
// reserved name. Holds ciphertext only.
import { eq } from 'drizzle-orm';
import type { SecretName, VaultStorage } from '../vault/vault';
import type { StoreDb } from './open-database';
import { secrets } from './schema';

const DATA_KEY = '__data_key__';

export class SqliteVaultStorage implements VaultStorage {
  constructor(private readonly db: StoreDb) {}

  private read(name: string): string | undefined {
    return this.db.select({ sealed: secrets.sealed }).from(secrets).where(eq(secrets.name, name)).get()?.sealed;
  }

  private write(name: string, sealed: string): void {
    this.db
      .insert(secrets)
      .values({ name, sealed })
      .onConflictDoUpdate({ target: secrets.name, set: { sealed, updatedAt: new Date().toISOString() } })
      .run();
  }

  readWrappedKey(): string | undefined {
    return this.read(DATA_KEY);
  }

  writeWrappedKey(wrapped: string): void {
    this.write(DATA_KEY, wrapped);
  }

  deleteWrappedKey(): void {
    this.db.delete(secrets).where(eq(secrets.name, DATA_KEY)).run();
  }

  readSealed(name: SecretName): string | undefined {
    return this.read(name);
  }

  writeSealed(name: SecretName, sealed: string): void {
    this.write(name, sealed);
  }

  deleteSealed(name: SecretName): void {
    this.db.delete(secrets).where(eq(secrets.name, name)).run();
  }
}
