// Proves the import matrix (docs/architecture.md §2) is enforced: a forbidden import in a file of a layer is reported
// by `npm run lint` (and, for runtime globals, by the layer's tsconfig). Nothing is written into src/: the probes are
// linted as text under a path inside the layer (ESLint's lintText with the project's config), and the typecheck probe
// lives in a temporary folder with a tsconfig that extends the layer's.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);
const run = promisify(execFile);
const temporary: string[] = [];

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Where a probe of `layer` claims to live (never written: only its path decides which layer's rules apply). */
const probePath = (layer: string, ext = 'ts') => join(ROOT, 'src', layer, `__layer_probe.${ext}`);

/**
 * Lints a probe's text with the project's config, layer rules only. Type information is switched off: the layer
 * rules do not need it, and the file does not exist for a typed program. The subprocess test below runs the real
 * `eslint` command line on its standard input.
 */
async function layerMessages(layer: string, source: string): Promise<{ message: string; severity: number }[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
    overrideConfig: { languageOptions: { parserOptions: { project: false, projectService: false } } },
  });
  const [result] = await eslint.lintText(source, { filePath: probePath(layer) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId));
}

const layerErrors = async (layer: string, source: string) => (await layerMessages(layer, source)).map((m) => m.message);

describe('import matrix', () => {
  it.each([
    ['core', "import { app } from 'electron';\nexport const probe = app;", /no Electron/],
    ['core', "import { useState } from 'react';\nexport const probe = useState;", /no React/],
    [
      'core',
      "import { mainWindowOptions } from '../main/window-security';\nexport const probe = mainWindowOptions;",
      /src\/core may not import src\/main/,
    ],
    [
      'renderer',
      "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;",
      /src\/renderer may not import src\/core/,
    ],
    ['renderer', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;", /sandboxed/],
    ['renderer', "import { readFileSync } from 'fs';\nexport const probe = readFileSync;", /sandboxed/],
    ['renderer', "import { app } from 'electron';\nexport const probe = app;", /window\.sago/],
    ['shared', "import { randomUUID } from 'node:crypto';\nexport const probe = randomUUID;", /pure TypeScript/],
    [
      'shared',
      "import { transition } from '../core/hka/map-documento';\nexport const probe = transition;",
      /src\/shared may not import src\/core/,
    ],
    [
      'preload',
      "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;",
      /src\/preload may not import src\/core/,
    ],
    [
      'server',
      "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;",
      /src\/server may not import src\/core/,
    ],
    ['server', "import { app } from 'electron';\nexport const probe = app;", /plain Node service/],
    // The web host is a development/test shell: the desktop app must never bundle it, and it never uses Electron.
    [
      'main',
      "import { startWebHost } from '../web-host/web-host';\nexport const probe = startWebHost;",
      /src\/main may not import src\/web-host/,
    ],
    [
      'web-host',
      "import { mainWindowOptions } from '../main/window-security';\nexport const probe = mainWindowOptions;",
      /src\/web-host may not import src\/main/,
    ],
    ['web-host', "import { app } from 'electron';\nexport const probe = app;", /no Electron/],
    [
      'core',
      "import { startWebHost } from '../web-host/web-host';\nexport const probe = startWebHost;",
      /src\/core may not import src\/web-host/,
    ],
    // The head-office console talks to the server over HTTP: shared only, no Node, nothing of the server's.
    [
      'console',
      "import { buildApp } from '../server/app';\nexport const probe = buildApp;",
      /src\/console may not import src\/server/,
    ],
    [
      'console',
      "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;",
      /src\/console may not import src\/core/,
    ],
    ['console', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;", /runs in a browser/],
    ['console', "import pg from 'pg';\nexport const probe = pg;", /runs in a browser/],
    [
      'server',
      "import { App } from '../console/src/App';\nexport const probe = App;",
      /src\/server may not import src\/console/,
    ],
    [
      'renderer',
      "import { App } from '../console/src/App';\nexport const probe = App;",
      /src\/renderer may not import src\/console/,
    ],
  ])('refuses a forbidden import in src/%s (%#)', async (layer, source, message) => {
    const errors = await layerErrors(layer, source);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['core', "import { money } from '../shared/fiscal/money';\nexport const probe = money;"],
    ['renderer', "import { formatBalboas } from '../shared/fiscal/money';\nexport const probe = formatBalboas;"],
    ['main', "import { toHkaDocumento } from '../core/hka/map-documento';\nexport const probe = toHkaDocumento;"],
    ['server', "import { validateDocument } from '../shared/fiscal/validate';\nexport const probe = validateDocument;"],
    ['web-host', "import { dispatchIpc } from '../core/app/dispatch';\nexport const probe = dispatchIpc;"],
    ['console', "import { formatBalboas } from '../shared/fiscal/money';\nexport const probe = formatBalboas;"],
  ])('allows what the matrix allows: src/%s (%#)', async (layer, source) => {
    expect(await layerErrors(layer, source)).toEqual([]);
  });

  it('reports a forbidden import as an error, which fails the lint step of `npm test`', async () => {
    // `npm run lint` is `eslint --max-warnings=0 .`: any message fails it; the layer rules are errors besides.
    const messages = await layerMessages('core', "import { app } from 'electron';\nexport const probe = app;\n");
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.severity === 2)).toBe(true); // 2: error
    expect(
      JSON.parse(
        await run('node', ['-p', 'JSON.stringify(require("./package.json").scripts.lint)'], { cwd: ROOT }).then(
          (r) => r.stdout,
        ),
      ),
    ).toBe('eslint --max-warnings=0 .');
  });

  it('makes the typecheck fail when src/shared uses a Node global its tsconfig does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sago-layer-probe-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'probe.ts'), "export const probe = Buffer.from('x');\n");
    // The layer's own compiler options (lib ES2023, no Node types), applied to a probe outside the repository.
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.shared.json'),
        compilerOptions: {
          composite: false,
          declaration: false,
          emitDeclarationOnly: false,
          noEmit: true,
          rootDir: dir,
          typeRoots: [],
        },
        include: ['probe.ts'],
        references: [],
      }),
    );
    const failure = await run('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { cwd: ROOT }).then(
      () => undefined,
      (e: unknown) => e as { code: number; stdout: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toMatch(/Cannot find name 'Buffer'/);
  }, 60_000);
});
