// PGlite is one process's embedded database: two processes opening the same data folder would corrupt it. A lock
// file with the owner's pid keeps a second server (or a CLI command while the server runs) out; a lock left by a
// process that no longer exists is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class DataFolderBusyError extends Error {
  override readonly name = 'DataFolderBusyError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `dataDir`; returns its release. */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dirname(dataDir), `${dataDir.split(/[\\/]/).pop() ?? 'pgdata'}.lock`);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new DataFolderBusyError(`PGlite data folder ${dataDir} is in use by process ${holder}; stop it first`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataFolderBusyError(`Could not lock PGlite data folder ${dataDir}`);
}
