import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from './renderer-csp';

describe('RENDERER_CSP', () => {
  it("is the policy of the renderer's own meta tag", () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim().replace(/\s+/g, ' '))
        .filter(Boolean)
        .sort();
    expect(meta).toBeDefined();
    expect(directives(RENDERER_CSP)).toEqual(directives(meta ?? ''));
  });
});
