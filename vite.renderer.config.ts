// The renderer built for the web host (npm run start:web, end-to-end tests in Chromium): the same React app as the
// desktop build (electron.vite.config.ts), with relative asset paths, into out/renderer-web.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // One bundle (~520 kB: React, i18next, the fiscal core, qrcode) loaded from disk or loopback; no need to split it.
  build: {
    outDir: fileURLToPath(new URL('./out/renderer-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
});
