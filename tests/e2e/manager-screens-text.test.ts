// Acceptance (issue 18): the text a manager sees on every screen and settings tab, in Spanish and in English, has no
// raw codes: no JSON ("{\""), no rule or error ids (snake_case), no untranslated i18n keys or action ids
// ("settings.csv.title", "catalog.imported"), no field names in camelCase ("skippedRows"). The register first gets
// something to show: an authorised sale, a sale HKA rejected, a catalogue import that changed a price (audited
// before → after), receipt and contingency settings changed. Real core, SQLite file, HKA simulator, Debian's Chromium through the web host.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { openDocument, sell, waitForStatus } from './fixtures/backoffice-steps';
import { waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

const SCREENS = ['documents', 'attention', 'cashclose', 'monitor'] as const;
const SETTINGS = [
  'issuer',
  'hka',
  'receipt',
  'contingency',
  'lossPrevention',
  'catalog',
  'customers',
  'users',
  'sync',
  'backups',
  'audit',
] as const;
const PILAS = {
  codigo: 'P016',
  descripcion: 'Pilas AA (4 unidades)',
  cantidad: '1',
  precioUnitario: '3.80',
  tasaItbms: '01',
} as const;

/** What in a screen's visible text is a code rather than words, with a few characters around it. */
function rawCodes(text: string, language: string): string[] {
  // Web and e-mail addresses and file paths are what they are; "e.g." is an abbreviation.
  const words = text.replace(
    /\b(?:https?:\/\/|www\.)\S+|\S+@\S+|(?:^|\s)(?:[A-Za-z]:\\|\/)\S+|\b(?:e\.g|i\.e)\./g,
    ' ',
  );
  const found: string[] = [];
  const patterns = [
    /\{"/g, // JSON
    /\b[a-z]+(?:_[a-z0-9]+)+\b/g, // rule and error ids: dv_mismatch, not_allowed
    /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+\b/g, // i18n keys and action ids: settings.csv.title, catalog.imported
    /\b[a-z]+[A-Z][a-zA-Z]*\b/g, // field names: skippedRows, tasaItbms
  ];
  // uPlot's own legend words, which a Spanish screen must not show.
  if (language === 'es-PA') patterns.push(/\b(?:Value|Time)\b/g);
  for (const pattern of patterns) {
    for (const m of words.matchAll(pattern))
      found.push(words.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' '));
  }
  return found;
}

/** Visible text of the page, leaving out what the manager must type literally (CSV column names: data-literal). */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const literal = [...document.querySelectorAll<HTMLElement>('[data-literal]')].map((el) => el.innerText);
    return literal.reduce((text, l) => text.replace(l, ' '), document.body.innerText);
  });
}

describe.skipIf(!chromiumAvailable())(
  'manager screens speak words, not codes, in Chromium through the web host',
  { timeout: 180_000 },
  () => {
    const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => waitForCheckout(reg.page));
    let prepared: Promise<void> | undefined;
    /** Once, inside the first test (expect.poll needs one): what the screens will show. */
    const prepare = () => (prepared ??= seedScreens());
    const documents: number[] = [];
    async function seedScreens(): Promise<void> {
      const reg = suite.reg;
      const sale = await sell(reg, [PILAS], [{ formaPagoFact: '02', valorCuotaPagada: '4.07' }]);
      documents.push(sale.numero);
      await waitForStatus(reg, sale.id, 'AUTHORIZED');
      // A document HKA rejected, marked the way the queue marks one (the simulator cannot be made to reject it).
      await reg.sim.faults.refuseConnections();
      const rejected = await sell(reg, [PILAS], [{ formaPagoFact: '02', valorCuotaPagada: '4.07' }]);
      documents.push(rejected.numero);
      const sqlite = reg.host.core.store.sqlite;
      await expect
        .poll(
          () =>
            (
              sqlite.prepare('SELECT state FROM outbox_jobs WHERE document_id = ?').get(rejected.id) as {
                state: string;
              }
            ).state,
          { timeout: 10_000 },
        )
        .toBe('pending');
      sqlite
        .prepare(
          `UPDATE documents SET status = 'REJECTED', hka_codigo = '103', hka_mensajes = '["1601-RUC del receptor inválido"]' WHERE id = ?`,
        )
        .run(rejected.id);
      sqlite.prepare("UPDATE outbox_jobs SET state = 'done' WHERE document_id = ?").run(rejected.id);
      await reg.sim.faults.acceptConnections();
      // A catalogue import that changes a price: its audit entry carries the change.
      const csv =
        'codigo,descripcion,precio,tasaItbms\nP016,Pilas AA (4 unidades),3.95,01\nZ900,Producto nuevo,1.00,00\n';
      const preview = await dispatchIpc(reg.host.core.ipc, 'catalog:previewCsv', { csv });
      if (!preview.ok) throw new Error(preview.error.message);
      const imported = await dispatchIpc(reg.host.core.ipc, 'catalog:importCsv', {
        csv,
        confirmChanges: (preview.value as { digest: string }).digest,
      });
      if (!imported.ok) throw new Error(imported.error.message);
      // Settings changes: their audit entries are before → after diffs of fields the manager names.
      const ipc = reg.host.core.ipc;
      const receipt = await dispatchIpc(ipc, 'settings:receipt', {});
      if (!receipt.ok) throw new Error(receipt.error.message);
      const { printers, ...layout } = receipt.value as { printers: string[] } & Record<string, unknown>;
      void printers; // what the OS offers, not part of the layout
      const savedReceipt = await dispatchIpc(ipc, 'settings:saveReceipt', {
        ...layout,
        copies: 2,
        footerLines: ['Gracias por su compra'],
      });
      if (!savedReceipt.ok) throw new Error(savedReceipt.error.message);
      const contingency = await dispatchIpc(ipc, 'settings:contingency', {});
      if (!contingency.ok) throw new Error(contingency.error.message);
      const { current, ...thresholds } = contingency.value as { current: unknown } & Record<string, unknown>;
      void current; // the live state, not a setting
      const savedContingency = await dispatchIpc(ipc, 'settings:saveContingency', {
        ...thresholds,
        afterConsecutiveFailures: 4,
        foliosAlarmThreshold: 50,
      });
      if (!savedContingency.ok) throw new Error(savedContingency.error.message);
    }

    for (const language of ['es-PA', 'en'] as const) {
      it(`shows no raw code on any manager screen (${language})`, async () => {
        await prepare();
        const { page } = suite.reg;
        await page.getByTestId('language').selectOption(language);
        const problems: string[] = [];
        const scan = async (where: string) => {
          for (const raw of rawCodes(await visibleText(page), language)) problems.push(`${where}: …${raw}…`);
        };
        for (const numero of documents) {
          await openDocument(page, numero);
          await page.waitForLoadState('networkidle');
          await scan(`document ${numero}`);
        }
        for (const screen of SCREENS) {
          await page.getByTestId(`nav-${screen}`).click();
          await page.getByTestId(`${screen}-screen`).or(page.locator('main')).first().waitFor();
          await page.waitForLoadState('networkidle');
          await scan(screen);
        }
        await page.getByTestId('nav-settings').click();
        for (const section of SETTINGS) {
          await page.getByTestId(`settings-tab-${section}`).click();
          await page.waitForLoadState('networkidle');
          // The audit page is answered by the read worker: scan it once its rows are in, not its empty header.
          if (section === 'audit') await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
          await scan(`settings/${section}`);
        }
        expect(problems).toEqual([]);
        // The settings diffs read in the screen's language, before → after.
        const copies = language === 'en' ? 'Copies: 1 → 2' : 'Copias: 1 → 2';
        await page.getByTestId('audit-table').getByText(copies).first().waitFor();
        const audit = (await page.getByTestId('audit-table').textContent()) ?? '';
        expect(audit).toContain(copies);
        expect(audit).toContain(
          language === 'en' ? 'Failures in a row before contingency:' : 'Fallos seguidos antes de contingencia:',
        );
        expect(audit).toContain(language === 'en' ? 'P016 — Price: 3.80 → 3.95' : 'P016 — Precio: 3.80 → 3.95');
      });
    }
  },
);
