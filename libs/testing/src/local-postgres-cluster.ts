import { isPortFree, portInUseMessage } from '@app/service-kit/port-holder';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HOST = '127.0.0.1';
const BINARIES = '/usr/lib/postgresql';
const SUPERUSER = 'postgres';

export type ShutdownMode = 'smart' | 'fast' | 'immediate';

export interface LocalPostgresClusterOptions {
  /** Its own port, never the machine's cluster's: the cluster is started, stopped and killed at will. */
  port: number;
  /** The variable the caller reads the port from, named when the port is taken. */
  portVariable?: string;
}

/**
 * A throw-away PostgreSQL server of the machine's binaries (/usr/lib/postgresql/<newest>/bin) in a
 * temporary directory, trust auth on 127.0.0.1, for tests that stop or restart the database under the
 * services. The port identifies it: start() first stops and removes a cluster that a killed run left on
 * the same port.
 */
export class LocalPostgresCluster {
  private dir?: string;
  private running = false;

  constructor(private readonly options: LocalPostgresClusterOptions) {}

  url(database: string): string {
    return `postgres://${SUPERUSER}@${HOST}:${this.options.port}/${database}`;
  }

  /** The first start creates the cluster; later ones bring the same data back, as after an outage. */
  async start(): Promise<void> {
    if (!this.dir) this.dir = await this.create();
    const settings = [
      `-p ${this.options.port}`,
      `-c listen_addresses=${HOST}`,
      `-k ${this.dir}`,
      // A stopped server is no crashed machine: the page cache survives, and this machine is slow.
      '-c fsync=off',
    ];
    await pgCtl(this.dataDir(), ['start', '-w', '-t', '120', '-l', this.logFile(), '-o', settings.join(' ')]);
    this.running = true;
  }

  /** `immediate` is a crash: every connection is cut and the next start recovers from the WAL. */
  async stop({ mode = 'fast' }: { mode?: ShutdownMode } = {}): Promise<void> {
    await pgCtl(this.dataDir(), ['stop', '-w', '-t', '120', '-m', mode]);
    this.running = false;
  }

  /**
   * What `pg_ctl restart -m <mode>` does, in its two steps, so that a test can look at the services while
   * the server is down (`whileDown`).
   */
  async restart({
    mode = 'fast',
    whileDown,
  }: { mode?: ShutdownMode; whileDown?: () => Promise<void> } = {}): Promise<void> {
    await this.stop({ mode });
    await whileDown?.();
    await this.start();
  }

  /** Stops the server and removes its directory. */
  async dispose(): Promise<void> {
    if (this.running) await this.stop({ mode: 'immediate' });
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private async create(): Promise<string> {
    const prefix = `appeals-pg-${this.options.port}-`;
    await removeLeftovers(prefix);
    if (!(await isPortFree(this.options.port, HOST))) {
      const variable = this.options.portVariable ? ` (${this.options.portVariable})` : '';
      throw new Error(
        `The test PostgreSQL port ${await portInUseMessage(HOST, this.options.port)}. Choose another port${variable}.`,
      );
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    if (asRoot()) await run('chown', [SUPERUSER, dir]);
    await runPostgresTool('initdb', [
      '-D',
      path.join(dir, 'data'),
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    return dir;
  }

  private dataDir(): string {
    if (!this.dir) throw new Error('the PostgreSQL cluster was never started');
    return path.join(this.dir, 'data');
  }

  private logFile(): string {
    return path.join(this.dir!, 'server.log');
  }
}

/** The cluster of a run that was killed before its dispose(): its server still holds the port. */
async function removeLeftovers(prefix: string): Promise<void> {
  const names = (await readdir(os.tmpdir())).filter((name) => name.startsWith(prefix));
  for (const name of names) {
    const dataDir = path.join(os.tmpdir(), name, 'data');
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
      await pgCtl(dataDir, ['stop', '-w', '-m', 'immediate']).catch(() => undefined);
    }
    await rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function pgCtl(dataDir: string, args: string[]): Promise<void> {
  return runPostgresTool('pg_ctl', ['-D', dataDir, ...args]);
}

/** PostgreSQL refuses to run as root (as CI runs the tests): then it runs as the `postgres` user. */
async function runPostgresTool(tool: string, args: string[]): Promise<void> {
  const binary = path.join(binDir(), tool);
  const [command, commandArgs] = asRoot()
    ? ['runuser', ['-u', SUPERUSER, '--', binary, ...args]]
    : [binary, args];
  try {
    await run(command, commandArgs, { cwd: os.tmpdir() });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout}${stderr}`);
  }
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

function binDir(): string {
  const versions = existsSync(BINARIES)
    ? readdirSync(BINARIES)
        .filter((version) => existsSync(path.join(BINARIES, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`No PostgreSQL server binaries under ${BINARIES}/<version>/bin: install postgresql`);
  }
  return path.join(BINARIES, versions[0], 'bin');
}
