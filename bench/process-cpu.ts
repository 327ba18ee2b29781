// CPU time spent by this process and by the PostgreSQL backends serving one database, between two readings. On a
// machine shared with other work, wall-clock throughput says more about the neighbours than about the code; CPU
// milliseconds per 1 000 events do not. Linux only (/proc); elsewhere the PostgreSQL part reads as unknown.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Kernel clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on every Linux we run on). */
const USER_HZ = 100;

/** CPU (user + system) a process of this machine has used so far; null when /proc cannot tell. */
export function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

async function backendCpu(admin: pg.Client, database: string): Promise<Map<number, number> | null> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    database,
  ]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = procCpuMs(pid);
    if (ms === null) return null; // not on this machine or not readable
    cpu.set(pid, ms);
  }
  return cpu;
}

export interface CpuSpent {
  /** This process (the API server, and the bench's HTTP clients running in it). */
  processMs: number;
  /** PostgreSQL backends connected to the database; null when /proc cannot tell. */
  postgresMs: number | null;
}

/** Starts a reading; the returned function ends it. A backend that exits in between is not counted. */
export async function startCpuReading(admin: pg.Client, database: string): Promise<() => Promise<CpuSpent>> {
  const process0 = process.cpuUsage();
  const backends0 = await backendCpu(admin, database);
  return async () => {
    const spent = process.cpuUsage(process0);
    const backends1 = await backendCpu(admin, database);
    let postgresMs: number | null = null;
    if (backends0 && backends1) {
      postgresMs = 0;
      for (const [pid, ms] of backends1) postgresMs += ms - (backends0.get(pid) ?? 0);
    }
    return { processMs: (spent.user + spent.system) / 1000, postgresMs };
  };
}
