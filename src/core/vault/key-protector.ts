// Protection of the vault's data key. In the desktop app the KeyProtector is Electron's safeStorage (OS keychain,
// DPAPI, libsecret; see src/main); headless runs (tests, simulator, web host) use a key file.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { KEY_BYTES, VaultError, newKey, open, seal } from './envelope';

export interface KeyProtector {
  /** What protects the data key, for the settings panel and logs. */
  readonly kind: 'safeStorage' | 'keyFile' | 'memory';
  /** True when the protection is weaker than the OS keychain (the UI warns). */
  readonly weak: boolean;
  wrap(dataKey: Buffer): string;
  unwrap(wrapped: string): Buffer;
}

const WRAP_AAD = 'sago-factu/vault-data-key';

/** Wraps with a master key kept in a file readable only by the owner (0600). Weaker than an OS keychain. */
export class KeyFileProtector implements KeyProtector {
  readonly kind = 'keyFile';
  readonly weak = true;
  private readonly masterKey: Buffer;

  constructor(readonly path: string) {
    if (!existsSync(path)) writeFileSync(path, newKey().toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES)
      throw new VaultError('bad_key', `Key file ${path} does not hold a ${KEY_BYTES}-byte key`);
    this.masterKey = key;
  }

  wrap(dataKey: Buffer): string {
    return seal(this.masterKey, dataKey, WRAP_AAD);
  }

  unwrap(wrapped: string): Buffer {
    return open(this.masterKey, wrapped, WRAP_AAD);
  }
}

/** For tests: a master key that lives only in memory. */
export class MemoryKeyProtector implements KeyProtector {
  readonly kind = 'memory';
  readonly weak = true;
  constructor(private readonly masterKey: Buffer = newKey()) {}
  wrap(dataKey: Buffer): string {
    return seal(this.masterKey, dataKey, WRAP_AAD);
  }
  unwrap(wrapped: string): Buffer {
    return open(this.masterKey, wrapped, WRAP_AAD);
  }
}
