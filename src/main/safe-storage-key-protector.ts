// KeyProtector backed by Electron's safeStorage (OS keychain / DPAPI / libsecret): wraps the vault's data key.
// The composition root passes Electron's `safeStorage`; tests pass a fake with the same shape.
import type { SafeStorage } from 'electron';
import type { KeyProtector } from '../core/vault/key-protector';
import { KEY_BYTES, VaultError } from '../core/vault/envelope';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SafeStorageKeyProtector implements KeyProtector {
  readonly kind = 'safeStorage';
  /** On Linux without a keyring, Electron falls back to a hard-coded password ("basic_text"): say so. */
  readonly weak: boolean;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    platform: NodeJS.Platform = process.platform,
  ) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new VaultError('missing_key', 'Electron safeStorage is not available on this system');
    }
    this.weak = platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  }

  wrap(dataKey: Buffer): string {
    return this.safeStorage.encryptString(dataKey.toString('base64')).toString('base64');
  }

  unwrap(wrapped: string): Buffer {
    let key: Buffer;
    try {
      key = Buffer.from(this.safeStorage.decryptString(Buffer.from(wrapped, 'base64')), 'base64');
    } catch {
      throw new VaultError(
        'authentication_failed',
        'safeStorage could not unwrap the vault key (different OS user or keychain?)',
      );
    }
    if (key.length !== KEY_BYTES) throw new VaultError('bad_key', 'safeStorage returned a key of the wrong size');
    return key;
  }
}
