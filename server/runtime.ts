// Opens what the server and the command line both need: the database (embedded or not) and mail.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import type { AppContext } from './http/context.ts';
import { createMailer } from './mail/mailer.ts';

export interface Runtime {
  ctx: AppContext;
  /** Closes the pool, then stops the embedded PostgreSQL if this process started one. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'stadshart';

/** Connects to DATABASE_URL or starts the embedded PostgreSQL, and applies the migrations. */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: (message) => logger.debug({ postgres: message }),
    });
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    url = embedded.urlFor(EMBEDDED_DATABASE);
    logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  const database = openDatabase(url);
  try {
    await runMigrations(database.db);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    dataDir: config.dataDir,
  });
  return {
    ctx: { config, database, mailer },
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}
