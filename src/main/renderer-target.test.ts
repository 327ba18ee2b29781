import { describe, expect, it } from 'vitest';
import { rendererTarget } from './renderer-target';

describe('rendererTarget', () => {
  it('trusts only the built index.html (any hash route)', () => {
    const target = rendererTarget({ indexPath: '/opt/sago/out/renderer/index.html' });
    expect(target.load).toEqual({ file: '/opt/sago/out/renderer/index.html' });
    expect(target.isAppUrl('file:///opt/sago/out/renderer/index.html')).toBe(true);
    expect(target.isAppUrl('file:///opt/sago/out/renderer/index.html#/documentos')).toBe(true);
    expect(target.isAppUrl('file:///tmp/evil.html')).toBe(false);
    expect(target.isAppUrl('https://example.com/')).toBe(false);
  });

  it('trusts the dev server origin in development', () => {
    const target = rendererTarget({ indexPath: '/x/index.html', devServerUrl: 'http://localhost:5173/' });
    expect(target.load).toEqual({ url: 'http://localhost:5173/' });
    expect(target.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(target.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(target.isAppUrl('garbage')).toBe(false);
  });
});
