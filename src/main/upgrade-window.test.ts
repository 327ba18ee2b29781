// The "updating the database" window: its page in both languages, script-free under its own CSP, and a window that
// shows at its first paint, goes on close, and does not stop the start when its page fails to load.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { showUpgradeWindow, upgradeWindowHtml, type UpgradeWindowLike } from './upgrade-window';

class FakeWindow extends EventEmitter implements UpgradeWindowLike {
  shown = 0;
  destroyed = false;
  url = '';
  constructor(readonly load: 'ok' | 'fails') {
    super();
  }
  show = () => void (this.shown += 1);
  destroy = () => void (this.destroyed = true);
  isDestroyed = () => this.destroyed;
  loadURL = (url: string) => {
    this.url = url;
    return this.load === 'ok' ? Promise.resolve() : Promise.reject(new Error('ERR_ABORTED'));
  };
}

describe('the window shown while the database is updated', () => {
  it('says so in the UI language, with no script and a CSP that allows nothing else', () => {
    for (const [language, text] of [
      ['es-PA', 'Actualizando la base de datos…'],
      ['en', 'Updating the database…'],
    ] as const) {
      const html = upgradeWindowHtml(language);
      expect(html).toContain(text);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      expect(html).not.toMatch(/<script/i);
    }
  });

  it('shows at its first paint and is destroyed on close, once', async () => {
    const window = new FakeWindow('ok');
    const shown = await showUpgradeWindow(() => window, 'es-PA');
    expect(decodeURIComponent(window.url)).toContain('Actualizando la base de datos');
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
    shown.close();
    shown.close();
    expect(window.destroyed).toBe(true);
  });

  it('lets the start go on when its page fails to load', async () => {
    const window = new FakeWindow('fails');
    const shown = await showUpgradeWindow(() => window, 'en');
    shown.close();
    expect(window.destroyed).toBe(true);
  });
});
