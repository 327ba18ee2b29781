// Proves the import matrix (docs/architecture.md §2) is enforced: a forbidden import planted in a temporary file
// inside a layer is reported by `npm run lint` (and, for runtime globals, by the layer's tsconfig).
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);
const run = promisify(execFile);
const planted: string[] = [];

function plant(layer: string, source: string, ext = 'ts'): string {
  const dir = join(ROOT, 'src', layer);
  mkdirSync(dir, { recursive: true }); // a layer folder may still be empty (git keeps no empty folders)
  const file = join(dir, `__layer_probe_${process.pid}_${planted.length}.${ext}`);
  writeFileSync(file, source);
  planted.push(file);
  return file;
}

afterEach(() => {
  for (const file of planted.splice(0)) rmSync(file, { force: true });
});

/**
 * Lints a planted file with the project's config, layer rules only. Type information is switched off: the layer
 * rules do not need it, and typescript-eslint's single-run mode (CI=true) would not see a file created after its
 * program was built. The subprocess test below runs the real, fully typed `eslint`.
 */
async function layerErrors(file: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
    overrideConfig: { languageOptions: { parserOptions: { project: false, projectService: false } } },
  });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('import matrix', () => {
  it.each([
    ['core', "import { app } from 'electron';\nexport const probe = app;", /no Electron/],
    ['core', "import { useState } from 'react';\nexport const probe = useState;", /no React/],
    ['core', "import { mainWindowOptions } from '../main/window-security';\nexport const probe = mainWindowOptions;", /src\/core may not import src\/main/],
    ['renderer', "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;", /src\/renderer may not import src\/core/],
    ['renderer', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;", /sandboxed/],
    ['renderer', "import { readFileSync } from 'fs';\nexport const probe = readFileSync;", /sandboxed/],
    ['renderer', "import { app } from 'electron';\nexport const probe = app;", /window\.sago/],
    ['shared', "import { randomUUID } from 'node:crypto';\nexport const probe = randomUUID;", /pure TypeScript/],
    ['shared', "import { transition } from '../core/hka/map-documento';\nexport const probe = transition;", /src\/shared may not import src\/core/],
    ['preload', "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;", /src\/preload may not import src\/core/],
    ['server', "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;", /src\/server may not import src\/core/],
    ['server', "import { app } from 'electron';\nexport const probe = app;", /plain Node service/],
    // The web host is a development/test shell: the desktop app must never bundle it, and it never uses Electron.
    ['main', "import { startWebHost } from '../web-host/web-host';\nexport const probe = startWebHost;", /src\/main may not import src\/web-host/],
    ['web-host', "import { mainWindowOptions } from '../main/window-security';\nexport const probe = mainWindowOptions;", /src\/web-host may not import src\/main/],
    ['web-host', "import { app } from 'electron';\nexport const probe = app;", /no Electron/],
    ['core', "import { startWebHost } from '../web-host/web-host';\nexport const probe = startWebHost;", /src\/core may not import src\/web-host/],
  ])('refuses a forbidden import in src/%s (%#)', async (layer, source, message) => {
    const errors = await layerErrors(plant(layer, source));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['core', "import { money } from '../shared/fiscal/money';\nexport const probe = money;"],
    ['renderer', "import { formatBalboas } from '../shared/fiscal/money';\nexport const probe = formatBalboas;"],
    ['main', "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;"],
    ['server', "import { validateDocument } from '../shared/fiscal/validate';\nexport const probe = validateDocument;"],
    ['web-host', "import { dispatchIpc } from '../core/app/dispatch';\nexport const probe = dispatchIpc;"],
  ])('allows what the matrix allows: src/%s (%#)', async (layer, source) => {
    expect(await layerErrors(plant(layer, source))).toEqual([]);
  });

  it('makes the lint step of `npm test` fail (exit code 1) on a planted violation', async () => {
    const file = plant('core', "import { app } from 'electron';\nexport const probe = app;");
    const failure = await run('npx', ['eslint', '--max-warnings=0', file], { cwd: ROOT }).then(
      () => undefined,
      (e: unknown) => e as { code: number; stdout: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('no-restricted-imports');
  }, 60_000);

  it('makes the typecheck fail when src/shared uses a Node global its tsconfig does not have', async () => {
    plant('shared', "export const probe = Buffer.from('x');");
    const failure = await run('npx', ['tsc', '-p', 'tsconfig.shared.json', '--noEmit', '--composite', 'false', '--declaration', 'false', '--emitDeclarationOnly', 'false'], { cwd: ROOT }).then(
      () => undefined,
      (e: unknown) => e as { code: number; stdout: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toMatch(/Cannot find name 'Buffer'/);
  }, 60_000);
});
