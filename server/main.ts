// Wires configuration, database and HTTP together; the only place that listens on a port.
import { pino } from 'pino';
import { createCollabServer } from './collab/collab.server.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirError } from './db/embedded.ts';
import { seedDemoIfEmpty } from './db/seed.ts';
import { buildApp } from './http/app.ts';
import { startJobQueue } from './jobs/queue.ts';
import { startWorkers } from './jobs/workers.ts';
import { loggerOptions } from './logger.ts';
import { openRuntime } from './runtime.ts';

// drizzle wraps the driver's error; the code that says what went wrong sits in a cause.
function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return code;
    if (current instanceof AggregateError) return databaseErrorCode(current.errors[0]);
  }
  return undefined;
}

function fail(message: string): never {
  process.stderr.write(`stadshart: ${message}\n`);
  process.exit(1);
}

/** Starts the platform and keeps it running until SIGINT or SIGTERM, then stops everything in order. */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = pino(loggerOptions(config.LOG_LEVEL));

  let runtime;
  try {
    runtime = await openRuntime(config, logger);
  } catch (error) {
    if (error instanceof DataDirError) fail(error.message);
    const code = databaseErrorCode(error);
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
      fail(
        `cannot reach the database at DATABASE_URL (${code}); check the URL and that PostgreSQL runs.`,
      );
    }
    throw error;
  }

  const seeded = config.SEED_DEMO ? await seedDemoIfEmpty(runtime.ctx) : null;
  runtime.ctx.jobs = await startJobQueue(runtime.ctx.database, logger);
  await startWorkers(runtime.ctx);
  const collab = createCollabServer(runtime.ctx, logger);
  runtime.ctx.collab = collab.control;
  const app = await buildApp(runtime.ctx, { collab });
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await collab.close();
    await app.close();
    await runtime.ctx.jobs.stop();
    await runtime.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(
        `port ${config.PORT} is already in use; stop the other program or set PORT to a free port.`,
      );
    }
    throw error;
  }

  process.stdout.write(`\nStadshart is running at ${config.PUBLIC_URL}\n`);
  if (seeded) {
    process.stdout.write(
      `Demo content created. Sign in as the demo admin (${seeded.adminEmail}) with this one-time link:\n  ${seeded.signInUrl}\n` +
        `The link works once and expires at ${seeded.expiresAt.toISOString()}; for a new one run: npm run cli -- users:create --email ${seeded.adminEmail} --role admin\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // No new connections; then every acknowledged edit is stored before the sockets close
    // (docs/COLLAB_SPEC.md, P2); then HTTP, so no request meets a closed database; then the
    // pool, then PostgreSQL.
    app.server.close();
    await collab.flush();
    await collab.close();
    await app.close();
    // Running jobs finish (a report being generated is written) before the pool closes.
    await runtime.ctx.jobs?.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `stadshart: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
