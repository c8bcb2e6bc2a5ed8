import { readdir, readFile, readlink } from 'node:fs/promises';
import { createServer } from 'node:net';

export interface PortHolder {
  pid: number;
  commandLine: string;
}

const LISTEN = '0A';
const COMMAND_LINE_MAX = 200;

/** True when a listener could bind `host:port` now. */
export async function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * The processes holding a local TCP port, listeners first, from /proc: a socket's inode in /proc/net/tcp{,6}
 * and the /proc/<pid>/fd link that points at it. /proc rather than `ss`, which slim images lack. Empty
 * where there is no /proc, or when the holder is another user's process (its fds are unreadable) or lives
 * in another network namespace.
 */
export async function findPortHolders(port: number): Promise<PortHolder[]> {
  const inodes = await socketInodes(port);
  if (inodes.length === 0) return [];
  const pidsByInode = await socketOwners(new Set(inodes));
  const pids = [...new Set(inodes.flatMap((inode) => pidsByInode.get(inode) ?? []))];
  return Promise.all(pids.map(async (pid) => ({ pid, commandLine: await commandLine(pid) })));
}

/**
 * "127.0.0.1:9092 is already in use by pid 42 (java …)", with a hint when the port lies in the ephemeral
 * range: there any outgoing connection may take it for a while, so the fix is another port, not a kill.
 */
export async function portInUseMessage(host: string, port: number): Promise<string> {
  const holders = await findPortHolders(port).catch(() => []);
  const by =
    holders.length > 0
      ? ` by ${holders.map((holder) => `pid ${holder.pid} (${holder.commandLine})`).join(', ')}`
      : ' (by a process not visible from here: another user, container or network namespace)';
  const range = await ephemeralPortRange();
  const ephemeral =
    range && port >= range[0] && port <= range[1]
      ? `; it lies in the ephemeral port range ${range[0]}–${range[1]}, where the system picks ports for ` +
        `outgoing connections, so choose a port below ${range[0]}`
      : '';
  return `${host}:${port} is already in use${by}${ephemeral}`;
}

async function socketInodes(port: number): Promise<string[]> {
  const listening: string[] = [];
  const other: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      const [, local, , state] = fields;
      const inode = fields[9];
      // Inode 0: a socket no process holds any more (TIME_WAIT), which does not stop a listener binding.
      if (!local || !inode || inode === '0' || parseInt(local.split(':')[1], 16) !== port) continue;
      (state === LISTEN ? listening : other).push(inode);
    }
  }
  return [...listening, ...other];
}

async function socketOwners(inodes: Set<string>): Promise<Map<string, number[]>> {
  const owners = new Map<string, number[]>();
  const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) owners.set(inode, [...(owners.get(inode) ?? []), Number(pid)]);
    }
  }
  return owners;
}

async function commandLine(pid: number): Promise<string> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const text = raw.replace(/\0/g, ' ').trim() || 'command line unknown';
  return text.length > COMMAND_LINE_MAX ? `${text.slice(0, COMMAND_LINE_MAX)}…` : text;
}

async function ephemeralPortRange(): Promise<[number, number] | undefined> {
  const text = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '');
  const [low, high] = text.trim().split(/\s+/).map(Number);
  return Number.isInteger(low) && Number.isInteger(high) ? [low, high] : undefined;
}
