// The benchmark's child processes: Stadshart itself (fresh DATA_DIR, embedded PostgreSQL) and the
// bare relay. Each child is stopped and waited for; Stadshart stops its PostgreSQL on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { configSchema } from '../../server/config.ts';
import { collabDefaults } from '../../common/collab.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const LOOPBACK = '127.0.0.1';
const START_TIMEOUT_MS = 180_000;
const READY_POLL_MS = 250;
const STOP_TIMEOUT_MS = 30_000;
const KILL_WAIT_MS = 5_000;
const RSS_SAMPLE_MS = 500;
const READY_REQUEST_TIMEOUT_MS = 2_000;
const RELAY_START_TIMEOUT_MS = 30_000;
/** Lines of server output kept to explain a failed start. */
const RECENT_LINES = 20;
const SIGN_IN_TOKEN = /#token=([A-Za-z0-9_-]+)/;

/** Peak and latest resident memory of one process, from /proc/<pid>/status. */
export class RssSampler {
  peakKb = 0;
  currentKb = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly statusFile: string;

  constructor(pid: number) {
    this.statusFile = `/proc/${pid}/status`;
    this.timer = setInterval(() => void this.sample(), RSS_SAMPLE_MS);
    this.timer.unref();
  }

  /** Reads VmHWM (the kernel's own peak) and VmRSS once; a vanished process is ignored. */
  async sample(): Promise<void> {
    let status: string;
    try {
      status = await fs.readFile(this.statusFile, 'utf8');
    } catch {
      return;
    }
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (hwm) this.peakKb = Math.max(this.peakKb, Number(hwm));
    if (rss) {
      this.currentKb = Number(rss);
      this.peakKb = Math.max(this.peakKb, this.currentKb);
    }
  }

  /** Stops sampling. */
  stop(): void {
    clearInterval(this.timer);
  }
}

/** A running Stadshart started by the benchmark. */
export interface StadshartProcess {
  publicUrl: string;
  /** The one-time admin sign-in token the server printed (never logged). */
  adminToken: string;
  rss: RssSampler;
  stop(): Promise<void>;
}

/** Finds a free TCP port on the loopback address. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no free port')),
      );
    });
  });
}

// Stadshart reads only these variables; none may leak in from the shell (a DATABASE_URL would
// point the benchmark at someone's real database).
function stadshartEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(configSchema.shape)) delete env[name];
  return { ...env, ...settings };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, STOP_TIMEOUT_MS)) return;
  child.kill('SIGKILL');
  await waitForExit(child, KILL_WAIT_MS);
}

/**
 * Starts `node server/main.ts` with a fresh DATA_DIR and the demo seed, waits for /readyz, and
 * returns the printed admin sign-in token. `stop` ends the server and removes the folder.
 */
export async function startStadshart(options: {
  participants: number;
  log: (line: string) => void;
  /** Receives the stop step as soon as the child exists, so Ctrl-C during start-up cleans up too. */
  onSpawn: (stop: () => Promise<void>) => void;
}): Promise<StadshartProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-bench-'));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must reach this folder.
  await fs.chmod(dataDir, 0o755);
  const port = await findFreePort();
  const publicUrl = `http://${LOOPBACK}:${port}`;
  const settings: Record<string, string> = {
    PORT: String(port),
    HOST: LOOPBACK,
    PUBLIC_URL: publicUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  // The facilitator is a participant too; only a run beyond the default limit needs more room.
  if (options.participants + 1 > collabDefaults.labMaxParticipants) {
    settings.LAB_MAX_PARTICIPANTS = String(options.participants + 1);
  }
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: repoRoot,
    env: stadshartEnv(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const removeDataDir = () => fs.rm(dataDir, { recursive: true, force: true });
  if (child.pid === undefined) {
    await removeDataDir();
    throw new Error('could not start node server/main.ts');
  }
  const rss = new RssSampler(child.pid);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      rss.stop();
      await stopChild(child);
      await removeDataDir();
    })();
    return stopping;
  };
  options.onSpawn(stop);

  let adminToken: string | null = null;
  let running = false;
  const recent: string[] = [];
  const onLine = (line: string) => {
    const token = SIGN_IN_TOKEN.exec(line)?.[1];
    if (token) {
      adminToken = token;
      return; // The link is a credential: never echo it.
    }
    if (line.includes('Stadshart is running')) running = true;
    if (line.trim() === '') return;
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
    options.log(`stadshart| ${line}`);
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(running && adminToken && (await isReady(publicUrl)))) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `Stadshart exited during start-up (${child.exitCode ?? child.signalCode}): ${recent.slice(-3).join(' / ')}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(`Stadshart was not ready within ${START_TIMEOUT_MS / 1000} s`);
      }
      await delay(READY_POLL_MS);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const token: string = adminToken;
  return { publicUrl, adminToken: token, rss, stop };
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, {
      signal: AbortSignal.timeout(READY_REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** A running relay child. */
export interface RelayProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts the bare relay (bench/live/relay.ts) as its own process and waits for its port. */
export async function startRelayProcess(
  onSpawn: (stop: () => Promise<void>) => void,
): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['bench/live/relay.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onSpawn(() => stopChild(child));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the relay did not start')),
        RELAY_START_TIMEOUT_MS,
      );
      child.once('exit', (code) => reject(new Error(`the relay exited (${code})`)));
      readline.createInterface({ input: child.stdout }).once('line', (line) => {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { port: number }).port);
        } catch {
          reject(new Error(`the relay said ${line}`));
        }
      });
    });
    return { url: `ws://${LOOPBACK}:${port}`, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Waits `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
