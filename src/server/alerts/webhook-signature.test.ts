// Signature format and checks a receiver relies on, and the retry schedule.
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';
import { retryDelayMs } from './webhook-outbox';

const AT = new Date('2026-12-05T12:00:00.000Z');
const BODY = '{"type":"alert.raised"}';

describe('webhook signature', () => {
  it('is t=<unix seconds>,v1=<HMAC-SHA256 of "t.body"> and verifies with the same secret only', () => {
    const header = signWebhook('secret-0123456789abcdef', BODY, AT);
    expect(header).toMatch(/^t=1796472000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('secret-0123456789abcdef', header, BODY, AT)).toBe(true);
    expect(verifyWebhookSignature('secret-0123456789abcdeF', header, BODY, AT)).toBe(false);
    expect(verifyWebhookSignature('secret-0123456789abcdef', header, `${BODY} `, AT)).toBe(false);
  });

  it('refuses a timestamp more than the tolerance away, and malformed headers', () => {
    const header = signWebhook('s-0123456789abcdef', BODY, AT);
    expect(verifyWebhookSignature('s-0123456789abcdef', header, BODY, new Date(AT.getTime() + 300_000))).toBe(true);
    expect(verifyWebhookSignature('s-0123456789abcdef', header, BODY, new Date(AT.getTime() + 301_000))).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', `t=1,v1=${'0'.repeat(63)}`, header.replace('t=', 'x=')]) {
      expect(verifyWebhookSignature('s-0123456789abcdef', bad, BODY, AT)).toBe(false);
    }
  });
});

describe('retry schedule', () => {
  it('waits 30 s, then doubles, capped at one hour', () => {
    expect([1, 2, 3, 4, 7, 8, 9, 10].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});
