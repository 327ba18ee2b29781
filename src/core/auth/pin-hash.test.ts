import { describe, expect, it } from 'vitest';
import { hashPin, parsePinHash, verifyPin } from './pin-hash';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('PIN hash', () => {
  it('stores a self-describing scrypt text with a random salt, never the PIN', async () => {
    const a = await hashPin('4821', FAST);
    const b = await hashPin('4821', FAST);
    expect(a).toMatch(/^scrypt\$N=1024,r=8,p=1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b); // salted
    expect(a).not.toContain('4821');
    expect(parsePinHash(a)?.salt).toHaveLength(16);
  });

  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('4821', FAST);
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('uses the default cost when none is given', async () => {
    expect(await hashPin('4821')).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
  });

  it('never matches an unreadable or tampered text', async () => {
    const stored = await hashPin('4821', FAST);
    expect(await verifyPin('4821', 'plain-4821')).toBe(false);
    expect(await verifyPin('4821', stored.replace('N=1024', 'N=1000'))).toBe(false); // not a power of two
    expect(await verifyPin('4821', stored.replace('N=1024', `N=${2 ** 24}`))).toBe(false); // too costly
    expect(await verifyPin('4821', stored.slice(0, -4))).toBe(false); // truncated key
  });
});
