// The desktop app's log: one file per day in <userData>/logs (sago-YYYY-MM-DD.log, JSON lines), kept 14 days, and
// the console as well. What reaches it is already scrubbed by its callers (the HKA client removes tokens; the
// sync client never logs credentials); a support technician reads these files, a cashier never needs to.
import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface AppLog {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const FILE_PATTERN = /^sago-(\d{4}-\d{2}-\d{2})\.log$/;
export const LOG_RETENTION_DAYS = 14;

export function openFileLog(
  dir: string,
  options: { clock?: () => Date; console?: Pick<Console, 'info' | 'warn' | 'error'> } = {},
): AppLog {
  const clock = options.clock ?? (() => new Date());
  const out = options.console ?? console;
  mkdirSync(dir, { recursive: true });
  pruneOldLogs(dir, clock());
  const write = (level: 'info' | 'warn' | 'error', message: string, meta?: Record<string, unknown>) => {
    const at = clock();
    out[level](message, meta ?? '');
    try {
      appendFileSync(
        join(dir, `sago-${at.toISOString().slice(0, 10)}.log`),
        `${JSON.stringify({ at: at.toISOString(), level, message, ...(meta ? { meta } : {}) })}\n`,
      );
    } catch (error) {
      // A full disk must not stop a sale: the console still has the line.
      out.error('Could not write the log file', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    info: (message, meta) => write('info', message, meta),
    warn: (message, meta) => write('warn', message, meta),
    error: (message, meta) => write('error', message, meta),
  };
}

/** Deletes day files older than the retention; anything else in the folder is left alone. */
export function pruneOldLogs(dir: string, now: Date): string[] {
  const oldest = new Date(now.getTime() - LOG_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const day = FILE_PATTERN.exec(name)?.[1];
    if (day !== undefined && day < oldest) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
