// `npm run test:electron`: the desktop app's end-to-end spec. Needs the Electron binary; where it is missing (no
// download possible, as on our CI machines) it says so and exits 0 without running. Otherwise it builds the app
// (electron-vite build) and runs tests/electron/first-sale.electron.ts, saving screenshots in reports/electron/.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';
import { firstSaleInElectron } from './first-sale.electron';

const root = join(import.meta.dirname, '../..');
const electronPath = findElectronBinary(root);
if (!electronPath) {
  console.log('SKIPPED tests/electron: the Electron binary is not installed (node_modules/electron/dist is missing;');
  console.log('its download is not possible on this machine). Where it is, run `npx install-electron` and then');
  console.log('`npm run test:electron`. The same flow runs in Chromium through the web host in tests/e2e.');
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(0);
}

execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
const started = performance.now();
try {
  await firstSaleInElectron({ root, electronPath, screenshots: join(root, 'reports/electron') });
  console.log(`✓ first sale in the desktop app (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log('1 passed, 0 failed');
} catch (error) {
  console.error('✗ first sale in the desktop app:', error);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
