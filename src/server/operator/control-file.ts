// How the CLI finds a running PGlite server: the server holds the data folder (pglite-lock.ts), so it writes a
// control file next to it, `<pgdata>.control.json` (mode 0600: readable only by the account that runs the server),
// with its pid, the port of its loopback-only system listener and a random operator secret made at each start. The
// CLI reads it and asks that server to do the operator's work. Removed when the server stops; a stale one (dead pid,
// or a port that no longer answers) is simply not used.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

export const controlFileSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65_535),
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type ControlFile = z.infer<typeof controlFileSchema>;

export function controlFilePath(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}.control.json`);
}

/** 256 random bits, base64url. */
export function newOperatorSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes the file for this process (replacing a stale one); returns its removal. */
export function writeControlFile(dataDir: string, control: ControlFile): () => void {
  const path = controlFilePath(dataDir);
  rmSync(path, { force: true }); // a leftover may belong to someone else's mode; start from a fresh 0600 file
  writeFileSync(path, JSON.stringify(control), { mode: 0o600, flag: 'wx' });
  return () => {
    // Only our own: another server may have replaced it after we lost the folder.
    if (readControlFile(dataDir)?.pid === control.pid) rmSync(path, { force: true });
  };
}

/** The control file, or undefined when there is none or it is not one of ours. */
export function readControlFile(dataDir: string): ControlFile | undefined {
  try {
    const parsed = controlFileSchema.safeParse(JSON.parse(readFileSync(controlFilePath(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
