// The credentials vault: envelope encryption of the HKA tokens, the certificate password and the sync device
// token. A random data key seals each value; the data key is stored wrapped by a KeyProtector.
// Secrets leave the vault only inside withSecrets(), for the duration of one call; nothing here returns them
// to a caller that merely wants to show or audit them (describe() gives "configured" and the last 4 characters).
import { VaultError, newKey, open, seal } from './envelope';
import type { KeyProtector } from './key-protector';

export const SECRET_NAMES = [
  'hka.tokenEmpresa',
  'hka.tokenPassword',
  'hka.certificatePassword',
  'sync.deviceToken',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Where sealed values live (the SQLite store implements this; tests use memory). Holds no plaintext. */
export interface VaultStorage {
  readWrappedKey(): string | undefined;
  writeWrappedKey(wrapped: string): void;
  deleteWrappedKey(): void;
  readSealed(name: SecretName): string | undefined;
  writeSealed(name: SecretName, sealed: string): void;
  deleteSealed(name: SecretName): void;
}

export interface SecretDescription {
  configured: boolean;
  /** Last 4 characters, the most the settings panel may show. */
  lastFour?: string;
}

export class Vault {
  private dataKey: Buffer | undefined;

  constructor(
    private readonly storage: VaultStorage,
    private readonly protector: KeyProtector,
  ) {}

  get protection(): Pick<KeyProtector, 'kind' | 'weak'> {
    return { kind: this.protector.kind, weak: this.protector.weak };
  }

  private key(): Buffer {
    if (this.dataKey) return this.dataKey;
    const wrapped = this.storage.readWrappedKey();
    if (wrapped === undefined) {
      const fresh = newKey();
      this.storage.writeWrappedKey(this.protector.wrap(fresh));
      this.dataKey = fresh;
    } else {
      this.dataKey = this.protector.unwrap(wrapped);
    }
    return this.dataKey;
  }

  setSecret(name: SecretName, value: string): void {
    if (value.length === 0) throw new VaultError('malformed', `Refusing to store an empty ${name}`);
    this.storage.writeSealed(name, seal(this.key(), value, name));
  }

  deleteSecret(name: SecretName): void {
    this.storage.deleteSealed(name);
  }

  /**
   * After the storage was replaced under the vault (a restored backup): forgets the cached data key and checks that
   * this machine's protector opens the stored one. A key wrapped on another PC cannot be opened here, so its sealed
   * values are useless noise: they are removed (with the key) and their names returned, and the settings panel then
   * shows the credentials as not configured, asking the manager for them again.
   */
  resetAfterStorageSwap(): SecretName[] {
    this.dataKey = undefined;
    const wrapped = this.storage.readWrappedKey();
    if (wrapped === undefined) return [];
    try {
      this.dataKey = this.protector.unwrap(wrapped);
      return [];
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
    }
    const dropped = SECRET_NAMES.filter((name) => this.storage.readSealed(name) !== undefined);
    for (const name of dropped) this.storage.deleteSealed(name);
    this.storage.deleteWrappedKey();
    return dropped;
  }

  describe(name: SecretName): SecretDescription {
    const sealed = this.storage.readSealed(name);
    if (sealed === undefined) return { configured: false };
    const value = this.reveal(name, sealed);
    return { configured: true, lastFour: value.slice(-4) };
  }

  /** The sealed (encrypted) values, for fingerprinting a configuration without ever decrypting it. */
  sealedFingerprintMaterial(names: readonly SecretName[]): (string | null)[] {
    return names.map((name) => this.storage.readSealed(name) ?? null);
  }

  /** Opens the named secrets for the duration of `use` (e.g. one HKA call). Missing secrets are an error. */
  async withSecrets<N extends SecretName, T>(
    names: readonly N[],
    use: (secrets: Record<N, string>) => Promise<T>,
  ): Promise<T> {
    const secrets = {} as Record<N, string>;
    for (const name of names) {
      const sealed = this.storage.readSealed(name);
      if (sealed === undefined) throw new VaultError('missing_key', `Secret ${name} is not configured`);
      secrets[name] = this.reveal(name, sealed);
    }
    return use(secrets);
  }

  private reveal(name: SecretName, sealed: string): string {
    return open(this.key(), sealed, name).toString('utf8');
  }
}

/** In-memory VaultStorage, for tests and the simulator's training mode. */
export class MemoryVaultStorage implements VaultStorage {
  wrappedKey: string | undefined;
  readonly sealed = new Map<SecretName, string>();
  readWrappedKey(): string | undefined {
    return this.wrappedKey;
  }
  writeWrappedKey(wrapped: string): void {
    this.wrappedKey = wrapped;
  }
  deleteWrappedKey(): void {
    this.wrappedKey = undefined;
  }
  readSealed(name: SecretName): string | undefined {
    return this.sealed.get(name);
  }
  writeSealed(name: SecretName, sealed: string): void {
    this.sealed.set(name, sealed);
  }
  deleteSealed(name: SecretName): void {
    this.sealed.delete(name);
  }
}
