// Where the Electron binary is, found the way node_modules/electron/index.js finds it but without its side effect:
// requiring 'electron' from Node tries to download the binary, which cannot work on machines without that network.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(pkg, 'dist', relative)
      : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}
