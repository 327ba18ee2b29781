import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('console passwords', () => {
  it('verify the right password only, with a fresh salt each time', async () => {
    const one = await hashPassword('contraseña-larga-1');
    const two = await hashPassword('contraseña-larga-1');
    expect(one).not.toBe(two);
    expect(one).not.toContain('contraseña');
    expect(await verifyPassword('contraseña-larga-1', one)).toBe(true);
    expect(await verifyPassword('contraseña-larga-2', one)).toBe(false);
    // The same text typed with a decomposed ñ (n + combining tilde) is the same password.
    expect(await verifyPassword('contrasen\u0303a-larga-1', two)).toBe(true);
  });

  it('refuses a stored value that is not one of its hashes', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$abc$def')).toBe(false);
  });
});
