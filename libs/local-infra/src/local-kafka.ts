/**
 * Starts a real, single-node Apache Kafka 4.x broker (KRaft, combined broker + controller) for development,
 * tests and CI without Docker or a Kafka download: Maven resolves the broker jars declared in
 * libs/local-infra/kafka/pom.xml into ~/.m2 and we run `kafka.Kafka` from that classpath with the local JDK.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import { appendFile, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { isPortFree, portInUseMessage } from '@app/service-kit/port-holder';

export interface LocalKafkaOptions {
  /** Client (PLAINTEXT) port on 127.0.0.1. Default: env KAFKA_PORT, else 9092. */
  port?: number;
  /** KRaft controller port on 127.0.0.1. Default: port + 1000 (port - 1000 if that would overflow). */
  controllerPort?: number;
  /** Holds server.properties, owner.json, broker.pid, broker.log and the Kafka log dirs; reused across restarts. */
  dataDir: string;
  /** Start from empty storage: removes the previous run's log dirs and broker.log once its broker is stopped. */
  fresh?: boolean;
  /** The variable the caller reads the port from, named in error messages. Default KAFKA_PORT. */
  portVariable?: string;
  /** The variable the caller reads dataDir from, if any, named in error messages. */
  dataDirVariable?: string;
  /** Aborting it ends the start-up promptly: whatever it started is stopped and the promise rejects. */
  signal?: AbortSignal;
  /** JVM heap (-Xms/-Xmx) in MB. Default 512. */
  heapMb?: number;
  /** Receives progress messages and the broker's warnings/errors. */
  log?: (line: string) => void;
}

export interface LocalKafka {
  brokers: string[];
  stop(): Promise<void>;
}

export interface ResolvedKafkaBrokers extends LocalKafka {
  /** False when KAFKA_BROKERS pointed at an existing cluster (stop() is then a no-op). */
  startedLocally: boolean;
}

const DEFAULT_PORT = 9092;
const DEFAULT_HEAP_MB = 512;
const CONTROLLER_PORT_OFFSET = 1000;
const NODE_ID = 1;
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const PROGRESS_EVERY_MS = 5_000;
const PROBE_PAUSE_MS = 250;
const LOG_TAIL_LINES = 40;
const BROKER_MAIN_CLASS = 'kafka.Kafka';
const STORAGE_TOOL_CLASS = 'kafka.tools.StorageTool';
const KAFKA_PROJECT = path.join('libs', 'local-infra', 'kafka');
const MAVEN_DOWNLOAD_HINT = '~60 MB';
const MAVEN_HEARTBEAT_MS = 10_000;
const MAVEN_TIME_LIMIT_MS = 10 * 60_000;

type Log = (line: string) => void;

interface Ports {
  port: number;
  controllerPort: number;
}

interface BrokerPaths {
  dataDir: string;
  logDirs: string;
  serverProperties: string;
  ownerFile: string;
  pidFile: string;
  brokerLog: string;
}

/** Who runs a broker on a data dir; see claimDataDir. */
interface DataDirOwner {
  pid: number;
  /** With the PID, identifies the process even after its PID is reused. */
  startTime: string;
  port: number;
  /** Tells this start's claim from an earlier one of the same process. */
  token: string;
}

interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  error?: string;
}

interface ToolResult extends ExitInfo {
  output: string;
  /** True when runTool stopped it at its time limit. */
  timedOut: boolean;
}

interface BrokerProcess {
  child: ChildProcess;
  exited: Promise<ExitInfo>;
  exitInfo(): ExitInfo | undefined;
  tail(): string;
}

// ---------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------

export async function startLocalKafka(options: LocalKafkaOptions): Promise<LocalKafka> {
  const log = prefixed(options.log ?? (() => undefined), '[local-kafka] ');
  const startedAt = Date.now();
  const ports = resolvePorts(options);
  const paths = brokerPaths(options.dataDir);
  await mkdir(paths.dataDir, { recursive: true });
  const claim = await claimDataDir(paths, ports.port, options);
  const release = (): Promise<void> => releaseDataDir(paths.ownerFile, claim);
  const brokers = [`${HOST}:${ports.port}`];
  let broker: BrokerProcess;
  try {
    broker = await launchBroker(ports, paths, options, log);
  } catch (error) {
    await release();
    throw error;
  }
  log(`Kafka broker ready at ${brokers[0]} after ${Date.now() - startedAt} ms (data in ${paths.dataDir})`);
  const stop = async (): Promise<void> => {
    await stopAndReport(broker, paths, log);
    await release();
  };
  return { brokers, stop: once(stop) };
}

/** Uses KAFKA_BROKERS (comma-separated) when set, so CI or developers can point at an existing cluster. */
export async function resolveKafkaBrokers(options: LocalKafkaOptions): Promise<ResolvedKafkaBrokers> {
  const external = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (external.length > 0) {
    return { brokers: external, stop: async () => undefined, startedLocally: false };
  }
  const local = await startLocalKafka(options);
  return { ...local, startedLocally: true };
}

/** The nearest folder at or above startDir that contains package.json (works from src/ and from dist/). */
export function findRepoRoot(startDir: string = __dirname): string {
  const root = findUp(startDir, 'package.json');
  if (root === undefined) {
    throw new Error(`Cannot find the repository root (a folder with package.json) above ${startDir}`);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------------
// Locations and settings
// ---------------------------------------------------------------------------------------------------------

function findUp(startDir: string, relativePath: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, relativePath))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Looked up by the pom itself rather than package.json so a nested package.json cannot mislead us. */
function kafkaRepoRoot(): string {
  const root = findUp(__dirname, path.join(KAFKA_PROJECT, 'pom.xml'));
  if (root === undefined) {
    throw new Error(`Cannot find ${path.join(KAFKA_PROJECT, 'pom.xml')} above ${__dirname}`);
  }
  return root;
}

function brokerPaths(dataDir: string): BrokerPaths {
  const dir = path.resolve(dataDir);
  return {
    dataDir: dir,
    logDirs: path.join(dir, 'kafka-logs'),
    serverProperties: path.join(dir, 'server.properties'),
    ownerFile: path.join(dir, 'owner.json'),
    pidFile: path.join(dir, 'broker.pid'),
    brokerLog: path.join(dir, 'broker.log'),
  };
}

function resolvePorts(options: LocalKafkaOptions): Ports {
  const port = options.port ?? parsePort(process.env.KAFKA_PORT, 'KAFKA_PORT') ?? DEFAULT_PORT;
  const controllerPort =
    options.controllerPort ??
    (port + CONTROLLER_PORT_OFFSET <= 65_535 ? port + CONTROLLER_PORT_OFFSET : port - CONTROLLER_PORT_OFFSET);
  for (const value of [port, controllerPort]) parsePort(String(value), 'port');
  if (port === controllerPort) throw new Error(`Kafka port and controller port must differ (both ${port})`);
  return { port, controllerPort };
}

function parsePort(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`Invalid ${name} "${raw}": expected an integer between 1 and 65535`);
  }
  return port;
}

/**
 * One combined broker + controller. The quorum is static (controller.quorum.voters) rather than a
 * `--standalone` dynamic quorum because a dynamic quorum records the controller endpoint in the metadata
 * log, which would break restarting the same data dir on a different controller port.
 */
function serverProperties({ port, controllerPort }: Ports, logDirs: string): string {
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': NODE_ID,
    'controller.quorum.voters': `${NODE_ID}@${HOST}:${controllerPort}`,
    listeners: `PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': logDirs,
    // A single node cannot satisfy the production defaults (replication factor 3).
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // Fewer internal partitions make the first consumer group / transaction start noticeably faster.
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.num.partitions': 10,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': false,
    'num.partitions': 1,
    // Shared 2-core machine: keep thread pools and the log cleaner's 128 MB default buffer small.
    'num.network.threads': 2,
    'num.io.threads': 4,
    'background.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
    'num.replica.fetchers': 1,
    'log.cleaner.threads': 1,
    'log.cleaner.dedupe.buffer.size': 32 * 1024 * 1024,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `# Generated by libs/local-infra/src/local-kafka.ts on every start; edits are overwritten.\n${lines.join('\n')}\n`;
}

/** java.util.Properties treats backslashes as escapes, which matters for Windows paths. */
function escapeProperty(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

function javaExecutable(): string {
  const javaHome = process.env.JAVA_HOME;
  const fromHome = javaHome
    ? path.join(javaHome, 'bin', process.platform === 'win32' ? 'java.exe' : 'java')
    : '';
  return fromHome && existsSync(fromHome) ? fromHome : 'java';
}

// ---------------------------------------------------------------------------------------------------------
// Classpath (Maven)
// ---------------------------------------------------------------------------------------------------------

/** Maven takes seconds even when everything is cached, so its answer is cached per pom.xml content. */
async function resolveClasspath(
  projectDir: string,
  cacheDir: string,
  log: Log,
  abortSignal: AbortSignal | undefined,
): Promise<string> {
  const pom = await readFile(path.join(projectDir, 'pom.xml'));
  const hash = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const cacheFile = path.join(cacheDir, `classpath-${hash}.txt`);
  const cached = await readCachedClasspath(cacheFile);
  if (cached !== undefined) return cached;

  await mkdir(cacheDir, { recursive: true });
  const outputFile = `${cacheFile}.${process.pid}.tmp`;
  await runMaven(projectDir, outputFile, log, abortSignal);
  const classpath = (await readFile(outputFile, 'utf8')).trim();
  // rename() is atomic, so parallel test workers never read a half-written cache file.
  await rename(outputFile, cacheFile);
  return classpath;
}

/** A cache entry is only valid while every jar still exists (~/.m2 may have been wiped). */
async function readCachedClasspath(cacheFile: string): Promise<string | undefined> {
  if (!existsSync(cacheFile)) return undefined;
  const classpath = (await readFile(cacheFile, 'utf8')).trim();
  const jars = classpath.split(path.delimiter).filter((jar) => jar.length > 0);
  return jars.length > 0 && jars.every((jar) => existsSync(jar)) ? classpath : undefined;
}

/** Offline first: avoids network round trips when ~/.m2 is warm (e.g. restored CI cache). */
async function runMaven(
  projectDir: string,
  outputFile: string,
  log: Log,
  abortSignal: AbortSignal | undefined,
): Promise<void> {
  const args = [
    '-q',
    '-B',
    '-f',
    path.join(projectDir, 'pom.xml'),
    'dependency:build-classpath',
    `-Dmdep.outputFile=${outputFile}`,
    '-Dmdep.includeScope=runtime',
  ];
  const missing = 'Maven (mvn) is required to fetch the Kafka broker jars but was not found on PATH';
  const offline = await runTool('mvn', ['-o', ...args], projectDir, missing, { abortSignal });
  if (offline.code === 0) return;
  // Ctrl-C reaches Maven too (same process group): that is no cache miss, and must not start a download.
  if (endedBySignal(offline))
    throw new Error(`Maven was interrupted (${offline.signal ?? `exit ${offline.code}`})`);

  log(`resolving Kafka jars with Maven (first run downloads ${MAVEN_DOWNLOAD_HINT})...`);
  const startedAt = Date.now();
  // Maven runs quietly (-q), so without this a slow download looks exactly like a hang.
  const heartbeat = setInterval(
    () => log(`still resolving Kafka jars with Maven (${Math.round((Date.now() - startedAt) / 1000)} s)...`),
    MAVEN_HEARTBEAT_MS,
  );
  const online = await runTool('mvn', args, projectDir, missing, {
    abortSignal,
    timeLimitMs: MAVEN_TIME_LIMIT_MS,
  }).finally(() => clearInterval(heartbeat));
  if (online.timedOut) {
    throw new Error(
      `Maven did not resolve the Kafka broker jars within ${MAVEN_TIME_LIMIT_MS / 60_000} min and was stopped. ` +
        `Is Maven Central reachable (a proxy goes in ~/.m2/settings.xml)? Output so far:\n${online.output}`,
    );
  }
  if (online.code !== 0) {
    throw new Error(`Maven could not resolve the Kafka broker jars (exit ${online.code}):\n${online.output}`);
  }
  log(`Kafka jars resolved in ${Date.now() - startedAt} ms`);
}

/** An aborted abortSignal kills the tool (SIGTERM) and rejects; so does timeLimitMs, but it resolves. */
async function runTool(
  command: string,
  args: string[],
  cwd: string,
  missingMessage: string,
  { abortSignal, timeLimitMs }: { abortSignal?: AbortSignal; timeLimitMs?: number } = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal: abortSignal });
    const chunks: Buffer[] = [];
    let timedOut = false;
    const timer =
      timeLimitMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
          }, timeLimitMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new Error(missingMessage) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8'), timedOut });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Data dir ownership
// ---------------------------------------------------------------------------------------------------------

/**
 * Makes this process the data dir's owner until stop(): two starts must never format or run the same
 * storage, and a broker whose owner still runs (e.g. `npm run kafka` in another terminal) is not stale.
 * An owner file whose process is gone was left by a crash and is taken over.
 */
async function claimDataDir(
  paths: BrokerPaths,
  port: number,
  options: LocalKafkaOptions,
): Promise<DataDirOwner> {
  const claim: DataDirOwner = {
    pid: process.pid,
    startTime: await processStartTime(process.pid),
    port,
    token: randomBytes(8).toString('hex'),
  };
  while (!(await createExclusively(paths.ownerFile, JSON.stringify(claim)))) {
    const owner = await readOwner(paths.ownerFile);
    // The same process starting again has lost its earlier handle (a test simulating a crash does that).
    if (owner !== undefined && owner.pid !== process.pid && (await isRunning(owner))) {
      throw new Error(await inUseMessage(paths, owner, options));
    }
    await rm(paths.ownerFile, { force: true });
  }
  return claim;
}

/** Written aside and hard-linked into place: link() fails if the file exists, and no one sees it half-written. */
async function createExclusively(file: string, content: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(draft, content);
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/** Undefined when there is no owner file, or one that is not an owner record and so holds nothing. */
async function readOwner(ownerFile: string): Promise<DataDirOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(ownerFile, 'utf8')) as Partial<DataDirOwner>;
    return typeof owner.pid === 'number' && typeof owner.startTime === 'string'
      ? (owner as DataDirOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

async function isRunning(owner: DataDirOwner): Promise<boolean> {
  return isAlive(owner.pid) && (await processStartTime(owner.pid)) === owner.startTime;
}

async function inUseMessage(
  paths: BrokerPaths,
  owner: DataDirOwner,
  options: LocalKafkaOptions,
): Promise<string> {
  // It may exit meanwhile; the message is still right about who held the dir.
  const command = (await processCommandLine(owner.pid).catch(() => '')).trim();
  const elsewhere = [options.dataDirVariable, options.portVariable ?? 'KAFKA_PORT'].filter(Boolean).join('/');
  return (
    `The Kafka data dir ${paths.dataDir} is in use by process ${owner.pid}${command ? ` (${command})` : ''}; ` +
    `set KAFKA_BROKERS=${HOST}:${owner.port} to share that broker, or ${elsewhere} for another.`
  );
}

/** Only our own claim: an earlier handle of this process must not release a newer start's claim. */
async function releaseDataDir(ownerFile: string, claim: DataDirOwner): Promise<void> {
  if ((await readOwner(ownerFile))?.token === claim.token) await rm(ownerFile, { force: true });
}

// ---------------------------------------------------------------------------------------------------------
// Broker process
// ---------------------------------------------------------------------------------------------------------

/** Everything from the claimed data dir to a broker that answers; a broker it started is stopped on failure. */
async function launchBroker(
  ports: Ports,
  paths: BrokerPaths,
  options: LocalKafkaOptions,
  log: Log,
): Promise<BrokerProcess> {
  const repoRoot = kafkaRepoRoot();
  const projectDir = path.join(repoRoot, KAFKA_PROJECT);
  const java = javaExecutable();
  const abortSignal = options.signal;

  await killStaleBroker(paths, log);
  if (options.fresh) await wipeStorage(paths);
  await mkdir(paths.logDirs, { recursive: true });
  await assertPortsFree(ports, options.portVariable ?? 'KAFKA_PORT');
  const classpath = await resolveClasspath(
    projectDir,
    path.join(repoRoot, '.local', 'kafka'),
    log,
    abortSignal,
  );
  await writeFile(paths.serverProperties, serverProperties(ports, paths.logDirs));
  await formatStorageIfNeeded(java, classpath, paths, log, abortSignal);
  abortSignal?.throwIfAborted();

  const broker = spawnBroker(java, classpath, projectDir, paths, options);
  await writeFile(paths.pidFile, `${broker.child.pid ?? ''}\n`);
  try {
    await waitUntilReady([`${HOST}:${ports.port}`], broker, log, abortSignal);
  } catch (error) {
    await stopBroker(broker, paths);
    throw error;
  }
  return broker;
}

/** We own the data dir now, so a broker still running on it lost its owner (a crash, kill -9, a lost handle). */
async function killStaleBroker(paths: BrokerPaths, log: Log): Promise<void> {
  const pid = await readPidFile(paths.pidFile);
  if (pid !== undefined && isAlive(pid) && (await isOurBroker(pid, paths))) {
    log(`stopping stale Kafka broker (pid ${pid}) left by an earlier run`);
    await terminatePid(pid);
  }
  await rm(paths.pidFile, { force: true });
}

async function readPidFile(pidFile: string): Promise<number | undefined> {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number((await readFile(pidFile, 'utf8')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH means gone; EPERM means another user's process, which cannot be a broker we started.
    return false;
  }
  // A zombie answers signals until it is reaped, which a container's init process may never do.
  return procStat(pid)?.[0] !== 'Z';
}

/** The fields of /proc/<pid>/stat from field 3 (state) on; undefined without procfs or once the process is gone. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command name, may hold spaces and parentheses: the last ')' closes it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Guards against PID reuse: the command line must be a broker started on this very data dir. */
async function isOurBroker(pid: number, paths: BrokerPaths): Promise<boolean> {
  const commandLine = await processCommandLine(pid);
  return commandLine.includes(BROKER_MAIN_CLASS) && commandLine.includes(paths.serverProperties);
}

async function processCommandLine(pid: number): Promise<string> {
  const procFile = `/proc/${pid}/cmdline`;
  if (existsSync(procFile)) return (await readFile(procFile, 'utf8')).replace(/\0/g, ' ');
  const ps = await runTool('ps', ['-o', 'command=', '-p', String(pid)], process.cwd(), 'ps not found');
  return ps.output;
}

/** '' when it cannot be told (no /proc, no ps): the PID alone then decides. */
async function processStartTime(pid: number): Promise<string> {
  const stat = procStat(pid);
  if (stat !== undefined) return stat[19] ?? ''; // field 22, starttime
  return runTool('ps', ['-o', 'lstart=', '-p', String(pid)], process.cwd(), 'ps not found').then(
    (ps) => ps.output.trim(),
    () => '',
  );
}

async function terminatePid(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  if (await waitFor(() => !isAlive(pid), STOP_TIMEOUT_MS)) return;
  process.kill(pid, 'SIGKILL');
  await waitFor(() => !isAlive(pid), 5_000);
}

/** Only now, with an earlier broker stopped: deleting its files under it would crash it mid-write. */
async function wipeStorage(paths: BrokerPaths): Promise<void> {
  await rm(paths.logDirs, { recursive: true, force: true });
  await rm(paths.brokerLog, { force: true });
}

/** Fails early with a useful message instead of a bind error buried in broker.log. */
async function assertPortsFree({ port, controllerPort }: Ports, portVariable: string): Promise<void> {
  for (const candidate of [port, controllerPort]) {
    if (!(await isPortFree(candidate, HOST))) {
      const role = candidate === port ? 'Kafka port' : 'Kafka controller port';
      throw new Error(
        `The ${role} ${await portInUseMessage(HOST, candidate)}. Stop that process, choose another port ` +
          `(${portVariable}; the controller's is ${CONTROLLER_PORT_OFFSET} above), or share a running Kafka via KAFKA_BROKERS.`,
      );
    }
  }
}

/** Formatting only a fresh dir is what lets a restart keep topics, offsets and messages. */
async function formatStorageIfNeeded(
  java: string,
  classpath: string,
  paths: BrokerPaths,
  log: Log,
  abortSignal: AbortSignal | undefined,
): Promise<void> {
  if (existsSync(path.join(paths.logDirs, 'meta.properties'))) return;
  log(`formatting new Kafka storage in ${paths.logDirs}`);
  const args = [
    '-cp',
    classpath,
    STORAGE_TOOL_CLASS,
    'format',
    '--config',
    paths.serverProperties,
    '--cluster-id',
    newClusterId(),
  ];
  const result = await runTool(java, args, paths.dataDir, javaMissingMessage(), { abortSignal });
  await appendFile(paths.brokerLog, result.output);
  if (result.code !== 0) {
    throw new Error(`Formatting Kafka storage failed (exit ${result.code}):\n${result.output}`);
  }
}

/** Same shape as Kafka's Uuid.randomUuid(): 16 random bytes, base64url, never starting with '-'. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function javaMissingMessage(): string {
  return 'Java 17+ (java) is required to run the local Kafka broker but was not found (checked JAVA_HOME and PATH)';
}

function jvmArgs(classpath: string, projectDir: string, paths: BrokerPaths, heapMb: number): string[] {
  return [
    `-Xms${heapMb}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${path.join(projectDir, 'log4j2.yaml')}`,
    // Otherwise log4j shuts itself down in parallel with Kafka and the controlled-shutdown lines are lost.
    '-Dlog4j2.shutdownHookEnabled=false',
    '-cp',
    classpath,
    BROKER_MAIN_CLASS,
    paths.serverProperties,
  ];
}

function spawnBroker(
  java: string,
  classpath: string,
  projectDir: string,
  paths: BrokerPaths,
  options: LocalKafkaOptions,
): BrokerProcess {
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const child = spawn(java, jvmArgs(classpath, projectDir, paths, heapMb), {
    cwd: paths.dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in a terminal reaches only us, and we stop the broker after the services.
    detached: true,
  });
  const logFile = createWriteStream(paths.brokerLog, { flags: 'a' });
  const tail = captureOutput(child, logFile, prefixed(options.log ?? (() => undefined), '[broker] '));
  // Without this a test run that forgets stop() (or dies on an exception) would orphan the JVM.
  const stopOnParentExit = (): void => void child.kill('SIGTERM');
  process.on('exit', stopOnParentExit);
  const exitInfo: { value?: ExitInfo } = {};
  const exited = new Promise<ExitInfo>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      const message = error.code === 'ENOENT' ? javaMissingMessage() : `cannot start java: ${error.message}`;
      exitInfo.value ??= { code: null, signal: null, error: message };
      resolve(exitInfo.value);
    });
    child.on('close', (code, signal) => {
      process.off('exit', stopOnParentExit);
      exitInfo.value ??= { code, signal };
      logFile.end();
      resolve(exitInfo.value);
    });
  });
  return { child, exited, exitInfo: () => exitInfo.value, tail };
}

/** Everything goes to broker.log; only warnings, errors and lifecycle lines reach the caller's log. */
function captureOutput(child: ChildProcess, logFile: WriteStream, forward: Log): () => string {
  const recent: string[] = [];
  let partial = '';
  const onData = (chunk: Buffer): void => {
    logFile.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      recent.push(line);
      if (recent.length > LOG_TAIL_LINES) recent.shift();
      if (isImportant(line)) forward(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => [...recent, partial].join('\n').trim();
}

function isImportant(line: string): boolean {
  if (line.trim() === '') return false;
  if (!line.includes('] INFO ')) return true;
  return /Kafka Server started|shut down completed/.test(line);
}

async function waitUntilReady(
  brokers: string[],
  broker: BrokerProcess,
  log: Log,
  abortSignal: AbortSignal | undefined,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'local-kafka-readiness-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  const startedAt = Date.now();
  let lastProgress = startedAt;
  for (;;) {
    abortSignal?.throwIfAborted();
    const exit = broker.exitInfo();
    if (exit !== undefined) throw new Error(earlyExitMessage(exit, broker.tail()));
    if (await answersMetadata(kafka)) return;
    const now = Date.now();
    if (now - startedAt > READY_TIMEOUT_MS) {
      throw new Error(
        `Kafka broker not ready after ${READY_TIMEOUT_MS / 1000} s. Last output:\n${broker.tail()}`,
      );
    }
    if (now - lastProgress >= PROGRESS_EVERY_MS) {
      log(`waiting for Kafka broker at ${brokers.join(',')} (${Math.round((now - startedAt) / 1000)} s)...`);
      lastProgress = now;
    }
    await Promise.race([sleep(PROBE_PAUSE_MS), broker.exited]);
  }
}

async function answersMetadata(kafka: Kafka): Promise<boolean> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function earlyExitMessage(exit: ExitInfo, tail: string): string {
  if (exit.error !== undefined) return exit.error;
  const how = describeExit(exit);
  const hint = /UnsupportedClassVersionError/.test(tail) ? '\nHint: Kafka 4 needs Java 17 or newer.' : '';
  return `Kafka broker exited during start-up (${how}). Last lines of broker.log:\n${tail}${hint}`;
}

/** The JVM exits with 128 + 15 after its shutdown hooks (Kafka's controlled shutdown) ran on SIGTERM. */
function describeExit({ code, signal }: ExitInfo): string {
  if (code === 143) return 'clean shutdown';
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/** A JVM that gets signal N runs its shutdown hooks and exits with 128 + N (130 for Ctrl-C). */
function endedBySignal({ code, signal }: ExitInfo): boolean {
  return signal !== null || (code !== null && code > 128);
}

async function stopAndReport(broker: BrokerProcess, paths: BrokerPaths, log: Log): Promise<void> {
  const startedAt = Date.now();
  const exit = await stopBroker(broker, paths);
  log(`Kafka broker stopped in ${Date.now() - startedAt} ms (${describeExit(exit)})`);
}

/** SIGTERM triggers Kafka's controlled shutdown; SIGKILL only if that hangs. */
async function stopBroker(broker: BrokerProcess, paths: BrokerPaths): Promise<ExitInfo> {
  if (broker.exitInfo() === undefined) {
    broker.child.kill('SIGTERM');
    if (!(await settlesWithin(broker.exited, STOP_TIMEOUT_MS))) broker.child.kill('SIGKILL');
  }
  const exit = await broker.exited;
  await removePidFileIfOurs(paths.pidFile, broker.child.pid);
  return exit;
}

/** A newer start on the same data dir may already have replaced us; its PID file must survive our stop. */
async function removePidFileIfOurs(pidFile: string, pid: number | undefined): Promise<void> {
  if ((await readPidFile(pidFile)) === pid) await rm(pidFile, { force: true });
}

// ---------------------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------------------

function prefixed(log: Log, prefix: string): Log {
  return (line) => log(`${prefix}${line}`);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}

async function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Unlike racing against sleep(), leaves no timer behind that would keep the process (or Jest) alive. */
async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(100);
  }
  return condition();
}
