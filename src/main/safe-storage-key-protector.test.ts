import { describe, expect, it } from 'vitest';
import { newKey } from '../core/vault/envelope';
import { MemoryVaultStorage, Vault } from '../core/vault/vault';
import { SafeStorageKeyProtector } from './safe-storage-key-protector';

/** Stand-in for the OS keychain behind Electron's safeStorage: reversible, keyed per "OS user". */
function fakeSafeStorage(user = 'cajero', backend = 'gnome_libsecret') {
  const mark = Buffer.from(`${user}:`);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.concat([mark, Buffer.from(plain).map((b) => b ^ 0x5a)]),
    decryptString: (data: Buffer) => {
      if (!data.subarray(0, mark.length).equals(mark))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(mark.length).map((b) => b ^ 0x5a)).toString();
    },
  };
}

describe('SafeStorageKeyProtector', () => {
  it('wraps and unwraps the vault data key through safeStorage', () => {
    const protector = new SafeStorageKeyProtector(fakeSafeStorage(), 'win32');
    const key = newKey();
    expect(protector.unwrap(protector.wrap(key)).equals(key)).toBe(true);
    expect(protector.weak).toBe(false);
  });

  it('backs a Vault end to end', () => {
    const storage = new MemoryVaultStorage();
    new Vault(storage, new SafeStorageKeyProtector(fakeSafeStorage())).setSecret('hka.tokenPassword', 'pw-1234');
    expect(new Vault(storage, new SafeStorageKeyProtector(fakeSafeStorage())).describe('hka.tokenPassword')).toEqual({
      configured: true,
      lastFour: '1234',
    });
  });

  it('fails with a typed error when another OS user (keychain) tries to unwrap', () => {
    const wrapped = new SafeStorageKeyProtector(fakeSafeStorage('cajero')).wrap(newKey());
    expect(() => new SafeStorageKeyProtector(fakeSafeStorage('otro')).unwrap(wrapped)).toThrow(/could not unwrap/);
  });

  it('refuses to run without encryption and flags the Linux basic_text fallback as weak', () => {
    expect(() => new SafeStorageKeyProtector({ ...fakeSafeStorage(), isEncryptionAvailable: () => false })).toThrow(
      /not available/,
    );
    expect(new SafeStorageKeyProtector(fakeSafeStorage('cajero', 'basic_text'), 'linux').weak).toBe(true);
  });
});
