/**
 * Memory of a process as Linux reports it. Node services and the broker: VmRSS of /proc/<pid>/status, what
 * `top` and a container's memory limit see. PostgreSQL: its processes share the buffer pool, so adding up
 * their RSS counts shared_buffers once per backend; the Pss of /proc/<pid>/smaps_rollup splits each shared
 * page among the processes that map it, so the sum over the tree counts it once.
 */
import { readdirSync, readFileSync } from 'node:fs';

const KB_PER_MB = 1024;

/** A "Name:   1234 kB" line of /proc/<pid>/status or smaps_rollup, in MB; undefined when absent. */
export function readKbField(text: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) / KB_PER_MB : undefined;
}

/** The parent pid, the 4th field of /proc/<pid>/stat (after the command, which may hold spaces and parens). */
export function parentPidFromStat(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parent = Number(fields[1]);
  return Number.isInteger(parent) ? parent : undefined;
}

/**
 * A process of the PostgreSQL server that belongs to this run: the postmaster's own helpers (checkpointer,
 * walwriter, ...) and the backends of `database`. Backends of other databases (another run's, a colleague's on
 * a shared server) are left out. A backend's title is "postgres: <cluster>: <user> <database> <client> <state>".
 */
export function belongsToDatabase(commandLine: string, database: string): boolean {
  const isClientBackend = /\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]|[0-9a-f:]+\(\d+\)/i.test(commandLine);
  return !isClientBackend || commandLine.split(' ').includes(database);
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // ended between the listing and the read, or not ours to read
  }
}

export function residentMb(pid: number): number | undefined {
  const status = readProc(pid, 'status');
  return status === undefined ? undefined : readKbField(status, 'VmRSS');
}

export function proportionalMb(pid: number): number | undefined {
  const rollup = readProc(pid, 'smaps_rollup');
  return rollup === undefined ? undefined : readKbField(rollup, 'Pss');
}

export function parentOf(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  return stat === undefined ? undefined : parentPidFromStat(stat);
}

export function childrenOf(parent: number): Array<{ pid: number; commandLine: string }> {
  const children: Array<{ pid: number; commandLine: string }> = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || parentOf(pid) !== parent) continue;
    children.push({ pid, commandLine: (readProc(pid, 'cmdline') ?? '').replace(/\0/g, ' ').trim() });
  }
  return children;
}
