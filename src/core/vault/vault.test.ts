import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VaultError, newKey, open, seal } from './envelope';
import { KeyFileProtector, MemoryKeyProtector } from './key-protector';
import { MemoryVaultStorage, Vault } from './vault';

const TOKEN = 'tokenEmpresa-SECRET-9f3a';
const PASSWORD = 'tokenPassword-SECRET-77b1';

function flip(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

function expectVaultError(fn: () => unknown, reason: VaultError['reason']): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError);
    expect((e as VaultError).reason).toBe(reason);
    return;
  }
  throw new Error('expected a VaultError');
}

describe('envelope (AES-256-GCM, versioned)', () => {
  const key = newKey();

  it('round-trips and uses a fresh IV each time', () => {
    const a = seal(key, TOKEN, 'hka.tokenEmpresa');
    const b = seal(key, TOKEN, 'hka.tokenEmpresa');
    expect(a).toMatch(/^sv1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(open(key, a, 'hka.tokenEmpresa').toString()).toBe(TOKEN);
  });

  it.each([
    [1, 'iv'],
    [2, 'tag'],
    [3, 'ciphertext'],
  ])('detects a tampered %s (part %s)', (part) => {
    const sealed = seal(key, TOKEN, 'n');
    expectVaultError(() => open(key, flip(sealed, part), 'n'), 'authentication_failed');
  });

  it('refuses a wrong key, a moved value, an unknown version and garbage with typed errors', () => {
    const sealed = seal(key, TOKEN, 'hka.tokenEmpresa');
    expectVaultError(() => open(newKey(), sealed, 'hka.tokenEmpresa'), 'authentication_failed');
    expectVaultError(() => open(key, sealed, 'hka.tokenPassword'), 'authentication_failed');
    expectVaultError(() => open(key, sealed.replace(/^sv1/, 'sv9'), 'hka.tokenEmpresa'), 'unsupported_version');
    expectVaultError(() => open(key, 'not-a-sealed-value', 'x'), 'malformed');
    expectVaultError(() => open(key, 'sv1.AAAA.BBBB.CCCC', 'x'), 'malformed');
    expectVaultError(() => seal(Buffer.alloc(16), TOKEN, 'x'), 'bad_key');
  });
});

describe('Vault', () => {
  it('stores only ciphertext and opens secrets for one call', async () => {
    const storage = new MemoryVaultStorage();
    const vault = new Vault(storage, new MemoryKeyProtector());
    vault.setSecret('hka.tokenEmpresa', TOKEN);
    vault.setSecret('hka.tokenPassword', PASSWORD);
    const stored = JSON.stringify([storage.wrappedKey, ...storage.sealed.values()]);
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(PASSWORD);
    const used = await vault.withSecrets(['hka.tokenEmpresa', 'hka.tokenPassword'], (s) =>
      Promise.resolve(`${s['hka.tokenEmpresa']}|${s['hka.tokenPassword']}`),
    );
    expect(used).toBe(`${TOKEN}|${PASSWORD}`);
  });

  it('describes a secret with "configured" and the last 4 characters only', () => {
    const vault = new Vault(new MemoryVaultStorage(), new MemoryKeyProtector());
    expect(vault.describe('hka.tokenEmpresa')).toEqual({ configured: false });
    vault.setSecret('hka.tokenEmpresa', TOKEN);
    const description = vault.describe('hka.tokenEmpresa');
    expect(description).toEqual({ configured: true, lastFour: '9f3a' });
    expect(JSON.stringify(description)).not.toContain(TOKEN.slice(0, -4));
  });

  it('refuses a missing secret, an empty one, and a data key wrapped by another protector', async () => {
    const storage = new MemoryVaultStorage();
    const vault = new Vault(storage, new MemoryKeyProtector());
    await expect(vault.withSecrets(['hka.tokenPassword'], () => Promise.resolve('x'))).rejects.toMatchObject({
      reason: 'missing_key',
    });
    expect(() => vault.setSecret('hka.tokenPassword', '')).toThrow(VaultError);
    vault.setSecret('hka.tokenEmpresa', TOKEN);
    const stranger = new Vault(storage, new MemoryKeyProtector());
    expect(() => stranger.describe('hka.tokenEmpresa')).toThrow(VaultError);
  });

  it('survives a restart with a key file kept at 0600, and fails cleanly if the key file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const keyFile = join(dir, 'vault.key');
    const storage = new MemoryVaultStorage();
    new Vault(storage, new KeyFileProtector(keyFile)).setSecret('sync.deviceToken', TOKEN);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const reopened = new Vault(storage, new KeyFileProtector(keyFile));
    expect(reopened.describe('sync.deviceToken')).toEqual({ configured: true, lastFour: '9f3a' });
    expect(readFileSync(keyFile, 'utf8')).not.toContain(TOKEN);
    writeFileSync(keyFile, newKey().toString('base64'));
    expectVaultError(
      () => new Vault(storage, new KeyFileProtector(keyFile)).describe('sync.deviceToken'),
      'authentication_failed',
    );
    writeFileSync(keyFile, 'short');
    expectVaultError(() => new KeyFileProtector(keyFile), 'bad_key');
  });
});
