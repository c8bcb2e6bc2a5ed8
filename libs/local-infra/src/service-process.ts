import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const SERVICE_NAMES = ['intake', 'routing', 'escalation', 'notification', 'console'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceProcessOptions {
  name: ServiceName;
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  /** Each output line goes here (console prefixing, or nothing). */
  onLine?: (name: ServiceName, line: string) => void;
  /** When set, the process's whole output is also kept in `<logDir>/<name>.log`. */
  logDir?: string;
}

/**
 * The V8 heap a service may grow to, as in k8s/configmap.yaml: V8 grows its heap lazily up to its limit, and
 * without one a busy service sat near 300 MB of RSS with a fraction of that alive (npm run bench measures it).
 */
const SERVICE_HEAP = ['--max-old-space-size=192'];

/** One service running as its own Node process from the compiled build. */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
  private logFile?: WriteStream;

  constructor(private readonly options: ServiceProcessOptions) {}

  get name(): ServiceName {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const { name, repoRoot, env, logDir } = this.options;
    if (logDir) {
      mkdirSync(logDir, { recursive: true });
      this.logFile = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
    }
    const entry = join(repoRoot, 'dist', 'apps', name, 'src', 'main.js');
    // e.g. APPEALS_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/profiles" to profile a benchmark run.
    const extraFlags = (env.APPEALS_NODE_FLAGS ?? process.env.APPEALS_NODE_FLAGS ?? '')
      .split(' ')
      .filter(Boolean);
    const child = spawn(process.execPath, ['--enable-source-maps', ...SERVICE_HEAP, ...extraFlags, entry], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.logFile?.write(`${line}\n`);
        this.options.onLine?.(name, line);
      });
    }
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the exit code when the process ends on its own. */
  whenExited(): Promise<number | null> {
    return this.exited ?? Promise.resolve(null);
  }

  /** SIGTERM and wait for a graceful stop; SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    await this.signal('SIGTERM', graceMs);
  }

  /** A crash, as a test of "nothing lost" needs it. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL', 5_000);
  }

  private async signal(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return this.closeLog();
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    this.closeLog();
  }

  private closeLog(): void {
    this.logFile?.end();
    this.logFile = undefined;
  }
}
