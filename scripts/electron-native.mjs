// Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node, leaving node_modules built for
// Node (what `npm test` needs). main loads this copy through better-sqlite3's `nativeBinding` option.
// Needs Electron's headers from the network (node-gyp downloads them), so it cannot run on our CI sandboxes;
// it reuses an existing build when the Electron version has not changed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const outDir = 'out/native';
const stamp = join(outDir, 'electron-version.txt');
if (
  existsSync(join(outDir, 'better_sqlite3.node')) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === electronVersion
) {
  console.log(`better-sqlite3 for Electron ${electronVersion} already built`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'sago-electron-native-'));
try {
  cpSync('node_modules/better-sqlite3', join(work, 'better-sqlite3'), { recursive: true });
  execFileSync(
    'npx',
    [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    {
      cwd: join(work, 'better-sqlite3'),
      stdio: 'inherit',
    },
  );
  mkdirSync(outDir, { recursive: true });
  cpSync(join(work, 'better-sqlite3/build/Release/better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
  writeFileSync(stamp, electronVersion);
  console.log(`built better-sqlite3 for Electron ${electronVersion} into ${outDir}`);
} catch (error) {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion} (it needs Electron's headers from the network): ${error.message}`,
  );
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
