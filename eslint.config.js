// @ts-check
// Lint config. Besides style, this file enforces the import matrix of docs/architecture.md §2:
// which layer may import which layer (import-x/no-restricted-paths, resolved to real files, so relative paths
// cannot sneak around it) and which packages each runtime may use (no-restricted-imports).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeBuiltinPattern = { regex: '^node:', message: 'This layer runs without Node.js APIs.' };
const desktopOnly = ['better-sqlite3', 'soap', 'p-queue', 'electron-store', 'pg', '@electric-sql/pglite'];

/** Layer → the layers it must never import (ARCHITECTURE.md §2 import matrix). */
const forbiddenLayers = {
  shared: ['core', 'main', 'preload', 'renderer', 'server', 'web-host', 'console'],
  core: ['main', 'preload', 'renderer', 'server', 'web-host', 'console'],
  // The web host is a development and test shell: the desktop app must never bundle it.
  main: ['preload', 'renderer', 'server', 'web-host', 'console'],
  preload: ['core', 'main', 'renderer', 'server', 'web-host', 'console'],
  renderer: ['core', 'main', 'preload', 'server', 'web-host', 'console'],
  // The fiscal domain lives in src/shared (docs/decisions/0001-fiscal-domain-in-shared.md), so the server
  // needs nothing from src/core.
  server: ['core', 'main', 'preload', 'renderer', 'web-host', 'console'],
  // The web host binds the core's handler map to loopback HTTP, like main binds it to IPC: shared and core only.
  'web-host': ['main', 'preload', 'renderer', 'server', 'console'],
  // The head-office console runs in a browser and talks to the server over HTTP: shared only.
  console: ['core', 'main', 'preload', 'renderer', 'server', 'web-host'],
};

const layerZones = Object.entries(forbiddenLayers).flatMap(([target, froms]) =>
  froms.map((from) => ({
    target: `./src/${target}`,
    from: `./src/${from}`,
    message: `Layer violation: src/${target} may not import src/${from} (see docs/architecture.md, import matrix).`,
  })),
);

/** @param {string[]} names @param {string} why */
const banPackages = (names, why) => names.map((name) => ({ name, message: why }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'reports/**', 'node_modules/**', 'drizzle/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.tests.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 10 },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Pure layer: no Node, no DOM, no Electron, no React; only the pure libraries listed here.
    files: ['src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|decimal\\.js$|zod(/|$))',
              message: 'src/shared is pure TypeScript: only relative imports, decimal.js and zod are allowed.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: banPackages(['electron', 'react', 'react-dom'], 'src/core is plain Node: no Electron, no React.'),
          patterns: [
            { regex: '^(electron|react|react-dom)/', message: 'src/core is plain Node: no Electron, no React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: banPackages(
            ['electron', 'react', 'react-dom', 'better-sqlite3', 'electron-store'],
            'src/server is a plain Node service.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/web-host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: banPackages(
            ['electron', 'electron-store', 'react', 'react-dom'],
            'src/web-host is plain Node: no Electron, no React.',
          ),
          patterns: [{ regex: '^electron/', message: 'src/web-host is plain Node: no Electron, no React.' }],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...banPackages(nodeBuiltins, 'The preload is sandboxed: no Node.js modules.'),
            ...banPackages(['react', 'react-dom', ...desktopOnly], 'The preload only forwards contract calls.'),
          ],
          patterns: [nodeBuiltinPattern],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...banPackages(nodeBuiltins, 'The renderer is sandboxed: no Node.js modules; call window.sago instead.'),
            ...banPackages(['electron', ...desktopOnly], 'The renderer talks to main only through window.sago.'),
          ],
          patterns: [nodeBuiltinPattern, { regex: '^electron/', message: 'No Electron in the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['src/console/**/*.ts', 'src/console/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...banPackages(
              nodeBuiltins,
              'The console runs in a browser: no Node.js modules; it talks to the server over HTTP.',
            ),
            ...banPackages(
              ['electron', 'fastify', ...desktopOnly],
              'The console runs in a browser and talks to the server over HTTP.',
            ),
          ],
          patterns: [
            nodeBuiltinPattern,
            {
              regex: '^(electron|fastify|drizzle-orm)(/|$)',
              message: 'The console runs in a browser and talks to the server over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // window.sago for the web host: plain JavaScript that runs in the browser page.
    files: ['src/web-host/sago-shim.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // Small files with one reason to change: at most 300 lines of code (blank lines and comments not counted).
    files: ['src/**/*.{ts,tsx,js}', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{mjs,mts}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
);
