// The app under test of the search benchmark, in its own process as in production, so the
// benchmark's own work between requests (recording and replaying the SQL, its garbage) never
// runs on the app's event loop. Started by bench/search.ts with DATABASE_URL and DATA_DIR; prints
// one line `{"port":N}` when it listens on 127.0.0.1, and stops on SIGTERM.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/client.ts';
import { buildApp } from '../../server/http/app.ts';
import { createOutboxMailer } from '../../server/mail/mailer.ts';

const url = process.env.DATABASE_URL;
const dataDir = process.env.DATA_DIR;
if (!url || !dataDir) throw new Error('DATABASE_URL and DATA_DIR must be set');
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'http://127.0.0.1:3000',
});
const database = openDatabase(url, { max: 4 });
const app = await buildApp(
  { config, database, mailer: createOutboxMailer(path.join(dataDir, 'outbox')) },
  { logger: false },
);
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
