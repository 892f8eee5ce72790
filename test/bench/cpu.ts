import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '../../server/db/database.ts';

/**
 * CPU time next to wall time: on a shared 2-core machine the wall clock also measures everyone else's
 * work, while CPU time measures ours. Node's own (all threads, so PGlite's WebAssembly too) comes from
 * process.cpuUsage; a local PostgreSQL server's from /proc (the postmaster's children), where readable.
 */
export type CpuClock = () => number;

export const nodeCpuMs: CpuClock = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const TICK_MS = 10; // USER_HZ is 100 on Linux

function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is field 3, ppid 4, utime 14, stime 15.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU of every process of the database server this Db talks to, or null when it is not local/readable. */
export async function serverCpuClock(db: Db): Promise<CpuClock | null> {
  if (db.kind !== 'postgres') return null;
  try {
    const [row] = await db.query<{ pid: number }>('select pg_backend_pid() as pid');
    const backend = statFields(String(row?.pid));
    const postmaster = backend?.[1];
    if (!postmaster) return null;
    return () => {
      let ticks = 0;
      for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        const f = statFields(pid);
        if (f && (f[1] === postmaster || pid === postmaster)) ticks += Number(f[11]) + Number(f[12]);
      }
      return ticks * TICK_MS;
    };
  } catch {
    return null;
  }
}

/** Both clocks read together: Node's and, when known, the database server's (else 0). */
export interface CpuReading {
  node: number;
  db: number;
}

export function cpuMeter(server: CpuClock | null): () => CpuReading {
  return () => ({ node: nodeCpuMs(), db: server ? server() : 0 });
}
