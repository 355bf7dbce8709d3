// `npm run bench:live -- --participants N`: issue 3's live benchmark. Runs one workload against
// Stadshart's /collab (auth, persistence, projection; a child process with a fresh DATA_DIR) and
// then against a bare relay (the floor), and prints one JSON line as the last line of stdout.
// Progress goes to stderr. Exit 0 whenever the benchmark ran, even when targets are missed.
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  activityState,
  activityStateKey,
  CONTROL_ROOT,
  type ActivityState,
} from '../common/activities/control.ts';
import { COLLAB_PATH } from '../common/collab.ts';
import { findCanvas, StadshartApi } from './live/api.ts';
import { BenchClient } from './live/client.ts';
import { startRelayProcess, startStadshart } from './live/processes.ts';
import { roundTenth } from './live/stats.ts';
import {
  issueTimings,
  runWorkload,
  type LabTarget,
  type WorkloadResult,
  type WorkloadTimings,
} from './live/workload.ts';

const MIN_PARTICIPANTS = 2;
const MAX_PARTICIPANTS = 5000;
const DOTS_PER_PERSON = 10;
const SAVE_TIMEOUT_MS = 10_000;
const KIB_PER_MIB = 1024;

/** The one JSON line the benchmark ends with (issue 3, "Benchmark"). */
export interface BenchSummary {
  participants: number;
  sent: number;
  delivered: number;
  lost: number;
  join_p95_ms: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  raw_p95_ms: number | null;
  ratio_p95: number | null;
  server_rss_mb: number;
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function parseParticipants(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { participants: { type: 'string', short: 'n' } },
    strict: true,
  });
  const participants = Number(values.participants);
  if (
    !Number.isInteger(participants) ||
    participants < MIN_PARTICIPANTS ||
    participants > MAX_PARTICIPANTS
  ) {
    throw new Error(
      `--participants must be a whole number from ${MIN_PARTICIPANTS} to ${MAX_PARTICIPANTS} (got ${values.participants ?? 'nothing'})`,
    );
  }
  return participants;
}

// Cleanups run once, in reverse order, on a normal end, an error and Ctrl-C alike.
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      log(`cleaning up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function logRun(result: WorkloadResult, label: string): void {
  const { totals } = result;
  log(
    `${label}: joined ${result.joined}/${result.participants}; writes ${totals.writes} ` +
      `(notes ${result.noteWrites}, dots ${result.dots}, dots skipped ${result.dotsSkipped}); ` +
      `deliveries expected ${totals.expected}, delivered ${totals.delivered}, lost ${totals.lost}; ` +
      `p50 ${result.p50Ms?.toFixed(1) ?? '-'} p95 ${result.p95Ms?.toFixed(1) ?? '-'} ` +
      `p99 ${result.p99Ms?.toFixed(1) ?? '-'} ms; generator lag p99 ${result.generatorLagP99Ms.toFixed(1)} ms`,
  );
  for (const [reason, count] of result.gone) log(`${label}: ${count}× closed: ${reason}`);
  for (const [reason, count] of result.joinFailures)
    log(`${label}: ${count}× join failed: ${reason}`);
}

/** Opens a dot vote on the canvas as the lab's facilitator and keeps that connection open. */
async function openVote(options: {
  wsUrl: string;
  origin: string;
  token: string;
  controlDocumentName: string;
  activityId: string;
}): Promise<BenchClient> {
  const control = new Y.Doc();
  const facilitator = new BenchClient({
    url: options.wsUrl,
    origin: options.origin,
    mode: 'hocuspocus',
    token: options.token,
    documents: [options.controlDocumentName],
    localDocs: new Map([[options.controlDocumentName, control]]),
    applyRemote: true,
    connectTimeoutMs: issueTimings.connectTimeoutMs,
  });
  await facilitator.connect();
  const state: ActivityState = activityState.parse({
    locked: false,
    private: false,
    vote: { open: true, dotsPerPerson: DOTS_PER_PERSON, sectionKey: null, revealed: false },
    resultsRevealed: true,
  });
  control.getMap(CONTROL_ROOT).set(activityStateKey(options.activityId), state);
  await facilitator.waitForSaved(options.controlDocumentName, 1, SAVE_TIMEOUT_MS);
  return facilitator;
}

async function benchStadshart(
  participants: number,
  timings: WorkloadTimings,
): Promise<{ result: WorkloadResult; rssMb: number }> {
  log('starting Stadshart (fresh DATA_DIR, embedded PostgreSQL)');
  const server = await startStadshart({
    participants,
    log,
    onSpawn: (stop) => cleanups.push(stop),
  });
  await server.rss.sample();
  log(
    `Stadshart ready at ${server.publicUrl}; RSS ${(server.rss.currentKb / KIB_PER_MIB).toFixed(1)} MB`,
  );

  const api = new StadshartApi(server.publicUrl);
  await api.signInWithLink(server.adminToken);
  const lab = await api.createLiveLab(`Benchmark ${participants} deelnemers`);
  const canvas = findCanvas(lab);
  if (!lab.joinCode) throw new Error('the live lab has no join code');
  const joinCode = lab.joinCode;
  const wsUrl = `${server.publicUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`;
  const facilitatorToken = await api.facilitatorToken(lab.id);
  const facilitator = await openVote({
    wsUrl,
    origin: server.publicUrl,
    token: facilitatorToken.token,
    controlDocumentName: lab.controlDocumentName,
    activityId: canvas.id,
  });
  log(`lab ${lab.id} is live; the facilitator opened a vote with ${DOTS_PER_PERSON} dots each`);

  const target: LabTarget = {
    name: 'stadshart',
    mode: 'hocuspocus',
    wsUrl,
    origin: server.publicUrl,
    controlDocumentName: lab.controlDocumentName,
    canvasDocumentName: canvas.documentName,
    sectionKeys: canvas.config.sections.map((section) => section.key),
    join: (_index, displayName) => api.joinAsGuest(joinCode, displayName),
  };
  const result = await runWorkload(target, participants, timings, log);
  facilitator.close();
  await server.rss.sample();
  const rssMb = server.rss.peakKb / KIB_PER_MIB;
  log(
    `Stadshart RSS peak ${rssMb.toFixed(1)} MB, now ${(server.rss.currentKb / KIB_PER_MIB).toFixed(1)} MB`,
  );
  await cleanUp();
  return { result, rssMb };
}

async function benchRelay(participants: number, timings: WorkloadTimings): Promise<WorkloadResult> {
  log('starting the bare relay');
  const relay = await startRelayProcess((stop) => cleanups.push(stop));
  // The same document names and sections as a real canvas, so frames have the same size.
  const labId = crypto.randomUUID();
  const target: LabTarget = {
    name: 'relay',
    mode: 'relay',
    wsUrl: relay.url,
    origin: null,
    controlDocumentName: `lab.${labId}.control`,
    canvasDocumentName: `lab.${labId}.activity.${crypto.randomUUID()}`,
    sectionKeys: ['dna', 'regio', 'winkelen', 'wonen', 'werken', 'verblijven', 'kansen'],
    join: () => Promise.resolve({ participantId: crypto.randomUUID(), token: 'relay' }),
  };
  const result = await runWorkload(target, participants, timings, log);
  await cleanUp();
  return result;
}

/** Runs both workloads and returns the summary line's content. */
export async function runBenchmark(
  participants: number,
  timings: WorkloadTimings = issueTimings,
): Promise<BenchSummary> {
  const stadshart = await benchStadshart(participants, timings);
  logRun(stadshart.result, 'stadshart');
  if (stadshart.result.joined < MIN_PARTICIPANTS) {
    throw new Error(
      `only ${stadshart.result.joined} of ${participants} people could join Stadshart`,
    );
  }
  const relay = await benchRelay(participants, timings);
  logRun(relay, 'relay');
  const { result } = stadshart;
  const ratio =
    result.p95Ms !== null && relay.p95Ms !== null && relay.p95Ms > 0
      ? Math.round((result.p95Ms / relay.p95Ms) * 100) / 100
      : null;
  return {
    participants,
    sent: result.totals.expected,
    delivered: result.totals.delivered,
    lost: result.totals.lost,
    join_p95_ms: roundTenth(result.joinP95Ms),
    p50_ms: roundTenth(result.p50Ms),
    p95_ms: roundTenth(result.p95Ms),
    p99_ms: roundTenth(result.p99Ms),
    raw_p95_ms: roundTenth(relay.p95Ms),
    ratio_p95: ratio,
    server_rss_mb: roundTenth(stadshart.rssMb) ?? 0,
  };
}

if (import.meta.main) {
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the children and removing the data folder`);
    void cleanUp().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const participants = parseParticipants(process.argv.slice(2));
    const summary = await runBenchmark(participants);
    // stdout is a file or a pipe here, both written synchronously, so exiting loses nothing;
    // exiting at once keeps a lingering keep-alive socket from holding the run open.
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.exit(0);
  } catch (error) {
    await cleanUp();
    process.stderr.write(
      `bench: could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
