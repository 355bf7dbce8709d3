// `npm run cli -- <command>`: the operators' command line (users, organisations).
import fs from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { CommandError, helpText, parseCommandLine, UsageError } from './cli.commands.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirError } from './db/embedded.ts';
import { loggerOptions } from './logger.ts';
import { openRuntime } from './runtime.ts';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function fail(message: string, code: number): never {
  process.stderr.write(`stadshart: ${message}\n`);
  process.exit(code);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process of a server that holds the embedded database's data folder, or null. The server
 * writes its pid to DATA_DIR/stadshart.pid (server/db/embedded.ts) and keeps PostgreSQL's folder
 * to itself, so the command line cannot open the same database while it runs.
 */
async function findServerHoldingDataDir(config: Config): Promise<number | null> {
  const text = await fs
    .readFile(path.join(config.dataDir, 'stadshart.pid'), 'utf8')
    .catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  '28P01',
  '3D000',
]);

// drizzle wraps the driver's error, so the code may sit on a cause further down.
function connectionErrorCode(error: unknown): string | null {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code && CONNECTION_ERROR_CODES.has(code)) return code;
  }
  return null;
}

/** Parses the command line, opens the database as the server does, runs the command and exits. */
export async function runCli(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message, EXIT_USAGE);
    throw error;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(helpText());
    return;
  }

  let config: Config;
  try {
    // The command line only needs to speak up about problems unless asked for more.
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, EXIT_FAILED);
    throw error;
  }
  if (!config.DATABASE_URL) {
    const pid = await findServerHoldingDataDir(config);
    if (pid !== null) {
      fail(
        `the server (process ${pid}) is running on the embedded database in ${config.dataDir}; stop it first and run this command again, or run both against one PostgreSQL by setting DATABASE_URL.`,
        EXIT_FAILED,
      );
    }
  }

  const logger = pino(loggerOptions(config.LOG_LEVEL), pino.destination(2));
  let runtime;
  try {
    runtime = await openRuntime(config, logger);
  } catch (error) {
    if (error instanceof DataDirError) fail(error.message, EXIT_FAILED);
    const code = connectionErrorCode(error);
    if (code) fail(`cannot reach the database at DATABASE_URL (${code}).`, EXIT_FAILED);
    throw error;
  }
  let lines: string[];
  try {
    lines = await parsed.execute(runtime.ctx);
  } catch (error) {
    await runtime.close();
    if (error instanceof CommandError) fail(`${parsed.name}: ${error.message}`, EXIT_FAILED);
    throw error;
  }
  await runtime.close();
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.main) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(
      `stadshart: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT_FAILED);
  });
}
