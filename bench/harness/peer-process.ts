import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const STOP_GRACE_MS = 10_000;

/**
 * A measuring peer (bench/peers) as its own Node process from the build, its output kept in
 * `<logDir>/<name>.log`. ServiceProcess starts only the five services; this is the same idea for a peer.
 */
export class PeerProcess {
  private child?: ChildProcess;
  private exited = Promise.resolve<number | null>(null);

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  start(repoRoot: string): void {
    mkdirSync(this.logDir, { recursive: true });
    const log = createWriteStream(path.join(this.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(repoRoot, 'dist', this.entry)], {
      cwd: repoRoot,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        log.end();
        resolve(code);
      }),
    );
    this.child = child;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.kill('SIGTERM');
    await this.exited;
    clearTimeout(forced);
  }
}
