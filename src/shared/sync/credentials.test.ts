import { describe, expect, it } from 'vitest';
import { containsCredential, formatCredential, parseCredential } from './credentials';

const ORG = '3f2b8c1e-8d4a-4c1b-9a57-0d6f1e2a3b4c';
const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

describe('credentials', () => {
  it('round-trips kind and organisation', () => {
    expect(parseCredential(formatCredential('device', ORG, SECRET))).toEqual({ kind: 'device', orgId: ORG });
    expect(parseCredential(formatCredential('admin', ORG, SECRET))).toEqual({ kind: 'admin', orgId: ORG });
    expect(parseCredential(formatCredential('enrolment', ORG, SECRET.slice(0, 27)))).toEqual({
      kind: 'enrolment',
      orgId: ORG,
    });
  });

  it('rejects anything not exactly shaped like ours', () => {
    for (const raw of [
      '',
      'sgd',
      `sgx.${ORG}.${SECRET}`,
      `sgd.${ORG.toUpperCase()}.${SECRET}`,
      `sgd.${ORG}.short`,
      `sgd.${ORG}.${SECRET} `,
      `sgd.${ORG}.${SECRET}.x`,
    ]) {
      expect(parseCredential(raw)).toBeUndefined();
    }
  });

  it('finds a credential anywhere in a payload, keys included', () => {
    const token = formatCredential('device', ORG, SECRET);
    expect(containsCredential({ a: [{ b: `Bearer ${token}` }] })).toBe(true);
    expect(containsCredential({ [token]: 1 })).toBe(true);
    expect(containsCredential({ tokenEmpresa: 'changed', n: 3, ok: true, none: null })).toBe(false);
  });
});
