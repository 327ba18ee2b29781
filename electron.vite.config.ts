import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The read worker's thread (out/main/read-worker.js; decision 0024) and the upgrade worker's (0045) are entries.
        input: {
          index: resolve('src/main/index.ts'),
          'read-worker': resolve('src/core/reads/read-worker-entry.ts'),
          'upgrade-worker': resolve('src/core/store/upgrade-worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    // CommonJS preload: a sandboxed preload cannot be an ES module (toolchain.md §3, electron-vite).
    build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs' } } },
  },
  renderer: {
    root: 'src/renderer',
    // electron-vite leaves every build unminified; the renderer is the one shipped as a large bundle (React, i18next,
    // the fiscal core), so it is minified like the web host's build (decision 0029). Main and preload stay readable.
    build: { minify: true, rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});
