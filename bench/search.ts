// `npm run bench:search -- --docs N`: issue 5's search benchmark. Starts its own embedded
// PostgreSQL in a temporary folder, migrates, inserts N Dutch knowledge items, then runs a fixed
// mix of searches through the app (in its own process) over real HTTP and the same SQL directly
// through pg, and prints one JSON line as the last line of stdout. Progress goes to stderr.
import fs from 'node:fs/promises';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SESSION_COOKIE } from '../common/auth.ts';
import { searchQuery, searchResult, type SearchQuery } from '../common/knowledge.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../server/db/embedded.ts';
import { runMigrations } from '../server/db/migrate.ts';
import { memberships, users } from '../server/db/schema.ts';
import { startSession } from '../server/features/auth/sessions.service.ts';
import type { KnowledgeViewer } from '../server/features/knowledge/knowledge.viewer.ts';
import {
  runInSearchTransaction,
  type SearchStatement,
} from '../server/features/search/search.repo.ts';
import {
  searchCacheFor,
  searchThrough,
  type SearchCache,
} from '../server/features/search/search.service.ts';
import { loadCorpus } from './search/load.ts';

const ROUNDS = 5;

/** The one JSON line the benchmark ends with (issue 5, "Tests and benchmarks"). */
export interface SearchBenchSummary {
  docs: number;
  queries: number;
  p50_ms: number;
  p95_ms: number;
  sql_p95_ms: number;
  ratio_p95: number;
  sql_p50_ms: number;
  max_ms: number;
  /** Median over the mix of how many items a query matched. */
  median_matches: number;
  /** p95 of the requests per class (see classOf), and how many queries of the mix are in it. */
  browse_p95_ms: number;
  narrow_p95_ms: number;
  medium_p95_ms: number;
  broad_p95_ms: number;
  class_queries: Record<QueryClass, number>;
  load_1m: number;
}

// The fixed mix, what people type into a knowledge base search: mostly one or two subject
// words (popular and rare ones), place names, phrases, a few websearch operators, filters and
// facets, typos that take the trigram path, the last word still being typed, date sorting, a
// deep page, two browses, and two very broad words every item uses (binnenstad, centrum).
// Every other one is run as a signed-in member.
const mix: string[] = [
  'q=winkels',
  'q=leegstand',
  'q=horeca',
  'q=cafe',
  'q=café',
  'q=parkeren',
  'q=evenementen',
  'q=bibliotheek',
  'q=hittestress',
  'q=kermis',
  'q=erfgoed',
  'q=deelfietsen',
  'q=braderie',
  'q=klimaatadaptatie',
  'q=leegstand+winkelstraat',
  'q=markt+evenementen',
  'q=ouderen+wonen',
  'q=Haarlem',
  'q=Den+Bosch',
  'q=zwolle+parkeren',
  'q=%22lege+winkelpanden%22',
  'q=%22wonen+boven+winkels%22',
  'q=horeca+OR+terrassen',
  'q=winkel+-parkeren',
  'q=biblio',
  'q=parkeerg',
  'q=leegstand&kind=best_practice',
  'q=wonen&region=IJmond',
  'q=horeca&theme=levendigheid&theme=economie',
  'q=markt&size=20k-50k&year=2024',
  'kind=publication&trend=Anders+werken',
  'place=Haarlem&sort=date',
  'q=winkle',
  'q=hitestress',
  'q=parkeeren+centrm',
  'q=evenementen&sort=date',
  'q=winkels&page=3',
  '',
  'sort=date&page=3',
  'q=binnenstad',
  'q=centrum',
];

// How a query is reported: browsing (no words), or by the share of all items its words match.
type QueryClass = 'browse' | 'narrow' | 'medium' | 'broad';
const classes: readonly QueryClass[] = ['browse', 'narrow', 'medium', 'broad'];
function classOf(query: string, total: number, docs: number): QueryClass {
  if (!new URLSearchParams(query).get('q')) return 'browse';
  const share = total / docs;
  return share > 0.2 ? 'broad' : share > 0.02 ? 'medium' : 'narrow';
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[rank] ?? 0) * 100) / 100;
}

function parseDocs(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { docs: { type: 'string' } } });
  const docs = Number(values.docs ?? 100_000);
  if (!Number.isInteger(docs) || docs < 10 || docs > 1_000_000) {
    throw new Error(`--docs must be a whole number from 10 to 1000000 (got ${values.docs})`);
  }
  return docs;
}

function parseMixQuery(query: string): SearchQuery {
  const params = new URLSearchParams(query);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length === 1 ? all[0]! : all;
  }
  return searchQuery.parse(raw);
}

// The same statements the service runs, in the same order and transactions, sent straight to
// PostgreSQL on one connection (the app's part is HTTP, sessions, validation and presenting).
// The statements one search ran, per transaction, as the benchmark replays them.
type RecordedTransaction = { trigrams: boolean; statements: SearchStatement[] };

// Runs a search through the service's own code on the direct connection, recording every
// statement (untimed); the counting and paging between the statements is not part of the SQL.
async function recordSearch(
  client: pg.PoolClient,
  cache: SearchCache,
  viewer: KnowledgeViewer,
  query: SearchQuery,
): Promise<RecordedTransaction[]> {
  const recorded: RecordedTransaction[] = [];
  await searchThrough(
    (trigrams, work) =>
      runInSearchTransaction(client, trigrams, (run) => {
        const transaction: RecordedTransaction = { trigrams, statements: [] };
        recorded.push(transaction);
        return work((statement) => {
          transaction.statements.push(statement);
          return run(statement);
        });
      }),
    cache,
    viewer,
    query,
  );
  return recorded;
}

// The same SQL without the application around it: the recorded statements, in their
// transactions with the same settings.
async function replay(client: pg.PoolClient, recorded: RecordedTransaction[]): Promise<void> {
  for (const transaction of recorded) {
    await runInSearchTransaction(client, transaction.trigrams, async (run) => {
      for (const statement of transaction.statements) await run(statement);
    });
  }
}

// Collects this process's garbage when run with --expose-gc (npm run bench:search does).
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

// Starts bench/search/app-process.ts and answers its base URL once it listens.
async function startAppProcess(
  url: string,
  dataDir: string,
  cleanups: (() => Promise<unknown>)[],
): Promise<string> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'search', 'app-process.ts')],
    {
      env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  cleanups.push(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  );
  const lines = readline.createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app process ended (exit ${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return `http://127.0.0.1:${port}`;
}

async function main(): Promise<void> {
  const docs = parseDocs(process.argv.slice(2));
  // The system temp folder is reachable by the postgres user when running as root.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stadshart-bench-search-'));
  await fs.chmod(dataDir, 0o755);
  const cleanups: (() => Promise<unknown>)[] = [
    () => fs.rm(dataDir, { recursive: true, force: true }),
  ];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  try {
    log(`starting PostgreSQL in ${dataDir}`);
    const cluster = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => cluster.stop());
    await ensureDatabase(cluster.adminUrl, 'bench');
    const url = cluster.urlFor('bench');
    const database = openDatabase(url, { max: 4 });
    cleanups.push(() => database.close());
    await runMigrations(database.db);

    log(`inserting ${docs} items`);
    const started = Date.now();
    const orgIds = await loadCorpus(database.pool, docs, log);
    log(`inserted and analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'http://127.0.0.1:3000',
    });
    const [user] = await database.db
      .insert(users)
      .values({ email: 'bench@example.nl', name: 'Bench', emailVerifiedAt: new Date() })
      .returning();
    if (!user) throw new Error('no user');
    const memberOrgIds = orgIds.slice(0, 2);
    await database.db
      .insert(memberships)
      .values(memberOrgIds.map((orgId) => ({ orgId, userId: user.id, role: 'member' as const })));
    const { secret } = await startSession(database.db, config, user.id, 'bench');
    const member: KnowledgeViewer = { userId: user.id, memberOrgIds, reviewerOrgIds: [] };
    const visitor: KnowledgeViewer = { userId: null, memberOrgIds: [], reviewerOrgIds: [] };

    const base = await startAppProcess(url, dataDir, cleanups);
    log(`app listening on ${base}`);

    const direct = new pg.Pool({ connectionString: url, max: 1 });
    cleanups.push(() => direct.end());
    const client = await direct.connect();
    cleanups.push(() => Promise.resolve(client.release()));

    const appTimes: number[] = [];
    const sqlTimes: number[] = [];
    const perQuery = new Map<string, { app: number[]; sql: number[] }>();
    const matches = new Map<string, number>();
    const recordings = new Map<string, RecordedTransaction[]>();
    const headersOf = (index: number) =>
      index % 2 === 1 ? { cookie: `${SESSION_COOKIE}=${secret}` } : undefined;
    // The app keeps a copy of the search blocks (ADR 0004), filled by its first search; the
    // recordings start from a filled copy too, so the replays send what a warm app sends.
    await searchThrough(
      (trigrams, work) => runInSearchTransaction(client, trigrams, work),
      searchCacheFor(direct),
      visitor,
      parseMixQuery('kind=publication'),
    );
    // Round 0 warms caches, records each search's statements, and is not counted.
    for (const [index, query] of mix.entries()) {
      const asMember = index % 2 === 1;
      const response = await fetch(`${base}/api/v1/knowledge/search?${query}`, {
        headers: headersOf(index),
      });
      const body: unknown = await response.json();
      if (response.status !== 200) throw new Error(`${query}: ${JSON.stringify(body)}`);
      const result = searchResult.parse(body);
      matches.set(query, result.total);
      log(
        `${query || '(browse)'}${asMember ? ' [member]' : ''}: ${result.total} matches${result.suggestion ? `, suggestion "${result.suggestion}"` : ''}`,
      );
      recordings.set(
        query,
        await recordSearch(
          client,
          searchCacheFor(direct),
          asMember ? member : visitor,
          parseMixQuery(query),
        ),
      );
    }
    // Each counted round runs the mix through the app, then the recorded statements directly:
    // either way a search follows a different one, as it would in use. (Replaying a search right
    // after running it would find its pages still in every cache and flatter the SQL.)
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, query] of mix.entries()) {
        const t0 = performance.now();
        const response = await fetch(`${base}/api/v1/knowledge/search?${query}`, {
          headers: headersOf(index),
        });
        await response.json();
        const appMs = performance.now() - t0;
        if (response.status !== 200) throw new Error(`${query}: status ${response.status}`);
        appTimes.push(appMs);
        const entry = perQuery.get(query) ?? { app: [], sql: [] };
        entry.app.push(appMs);
        perQuery.set(query, entry);
      }
      for (const query of mix) {
        const t1 = performance.now();
        await replay(client, recordings.get(query) ?? []);
        const sqlMs = performance.now() - t1;
        sqlTimes.push(sqlMs);
        perQuery.get(query)?.sql.push(sqlMs);
        // The harness's own garbage is collected now, not by V8's background threads during the
        // next timed request, where they would take a core from PostgreSQL.
        collectGarbage();
      }
    }
    for (const [query, times] of perQuery) {
      log(
        `${(query || '(browse)').padEnd(44)} ${String(matches.get(query)).padStart(6)} matches, ${classOf(query, matches.get(query) ?? 0, docs).padEnd(6)} app p50 ${percentile(times.app, 50).toFixed(1).padStart(7)} ms (min ${percentile(times.app, 0).toFixed(1)})  sql p50 ${percentile(times.sql, 50).toFixed(1).padStart(7)} ms (min ${percentile(times.sql, 0).toFixed(1)})`,
      );
    }
    const load = Number(os.loadavg()[0]?.toFixed(1));
    const classP95 = (name: QueryClass) => {
      const times = [...perQuery]
        .filter(([query]) => classOf(query, matches.get(query) ?? 0, docs) === name)
        .flatMap(([, t]) => t.app);
      return times.length === 0 ? 0 : percentile(times, 95);
    };
    const classCount = (name: QueryClass) =>
      mix.filter((query) => classOf(query, matches.get(query) ?? 0, docs) === name).length;
    log(`load average ${load} on ${os.cpus().length} cores`);
    const p95 = percentile(appTimes, 95);
    const sqlP95 = percentile(sqlTimes, 95);
    const summary: SearchBenchSummary = {
      docs,
      queries: appTimes.length,
      p50_ms: percentile(appTimes, 50),
      p95_ms: p95,
      sql_p95_ms: sqlP95,
      ratio_p95: Math.round((p95 / sqlP95) * 100) / 100,
      sql_p50_ms: percentile(sqlTimes, 50),
      max_ms: percentile(appTimes, 100),
      median_matches: percentile([...matches.values()], 50),
      browse_p95_ms: classP95('browse'),
      narrow_p95_ms: classP95('narrow'),
      medium_p95_ms: classP95('medium'),
      broad_p95_ms: classP95('broad'),
      class_queries: Object.fromEntries(classes.map((name) => [name, classCount(name)])) as Record<
        QueryClass,
        number
      >,
      load_1m: load,
    };
    await cleanUp();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (error) {
    await cleanUp();
    log(
      `could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  }
}

await main();
