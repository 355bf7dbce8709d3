// The workload of issue 3's benchmark, identical for Stadshart and the relay: N people join within
// 10 s; then for 30 s a fifth of them add or move a note every 2 s and everyone casts a dot every
// 10 s; then up to 5 s for the last deliveries to arrive.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
  canvasRoots,
  dotKey,
  noteColours,
  type NoteValue,
} from '../../common/activities/canvas.ts';
import { BenchClient, type ClientMode } from './client.ts';
import { extractMarkers, noteMarker } from './markers.ts';
import { delay } from './processes.ts';
import { createRandom, percentileOfSorted } from './stats.ts';
import { DeliveryTracker, type DeliveryTotals } from './tracker.ts';

/** The timings of the issue's workload; tests may shorten them. */
export interface WorkloadTimings {
  joinWindowMs: number;
  writeWindowMs: number;
  drainMs: number;
  notePeriodMs: number;
  dotPeriodMs: number;
  /** Every fifth person writes notes. */
  writerEvery: number;
  connectTimeoutMs: number;
}

/** The figures issue 3 asks for. */
export const issueTimings: WorkloadTimings = {
  joinWindowMs: 10_000,
  writeWindowMs: 30_000,
  drainMs: 5_000,
  notePeriodMs: 2_000,
  dotPeriodMs: 10_000,
  writerEvery: 5,
  connectTimeoutMs: 30_000,
};

/** Where the workload runs: the real /collab (with joins through the API) or the relay. */
export interface LabTarget {
  name: string;
  mode: ClientMode;
  wsUrl: string;
  origin: string | null;
  controlDocumentName: string;
  canvasDocumentName: string;
  sectionKeys: readonly string[];
  /** Makes participant `index` known to the target and returns the identity its client uses. */
  join(index: number, displayName: string): Promise<{ participantId: string; token: string }>;
}

/** What one run measured. */
export interface WorkloadResult {
  participants: number;
  joined: number;
  joinFailures: Map<string, number>;
  joinP95Ms: number | null;
  totals: DeliveryTotals;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  noteWrites: number;
  dots: number;
  dotsSkipped: number;
  /** Connections or documents that closed during the run, by reason. */
  gone: Map<string, number>;
  /** The generator's own event-loop delay (p99), to tell its lag from the server's. */
  generatorLagP99Ms: number;
}

interface Participant {
  index: number;
  name: string;
  participantId: string;
  client: BenchClient;
  notes: Y.Map<NoteValue>;
  dots: Y.Map<number>;
  ownNotes: NoteValue[];
  /** Notes by others this person has seen created; dots go only on these. */
  seenNotes: string[];
  dotted: Set<string>;
  noteWrites: number;
}

interface ScheduledEvent {
  at: number;
  index: number;
  kind: 'note' | 'dot';
}

const SEED = 20190206;
const NOTE_ORDER_RANGE = 1000;
const NANOS_PER_MILLI = 1e6;
const DRAIN_POLL_MS = 50;
const LAG_RESOLUTION_MS = 10;

function countInto(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Spreads the write phase's events evenly: writer w of W writes at (w/W)·notePeriod + k·notePeriod;
 * person i of N dots at notePeriod + (i/N)·(dotPeriod − notePeriod) + k·dotPeriod, so a first note
 * exists before anyone dots.
 */
export function buildSchedule(participants: number, timings: WorkloadTimings): ScheduledEvent[] {
  const events: ScheduledEvent[] = [];
  const writers = Math.ceil(participants / timings.writerEvery);
  for (let index = 0; index < participants; index += 1) {
    if (index % timings.writerEvery === 0) {
      const rank = index / timings.writerEvery;
      const phase = (rank / writers) * timings.notePeriodMs;
      for (let at = phase; at < timings.writeWindowMs; at += timings.notePeriodMs) {
        events.push({ at, index, kind: 'note' });
      }
    }
    const dotPhase =
      timings.notePeriodMs + (index / participants) * (timings.dotPeriodMs - timings.notePeriodMs);
    for (let at = dotPhase; at < timings.writeWindowMs; at += timings.dotPeriodMs) {
      events.push({ at, index, kind: 'dot' });
    }
  }
  return events.sort((a, b) => a.at - b.at);
}

/**
 * A new note as the canvas rules accept it from a participant: their own id and display name as
 * author, a section of the canvas, and the write's marker in the text.
 */
export function createNote(options: {
  author: { participantId: string; name: string };
  sectionKeys: readonly string[];
  random: () => number;
  marker: string;
  seq: number;
}): NoteValue {
  const { author, sectionKeys, random } = options;
  return {
    id: randomUUID(),
    section: sectionKeys[Math.floor(random() * sectionKeys.length)] ?? '',
    text: `Idee van ${author.name} ${options.marker}`,
    colour: noteColours[options.seq % noteColours.length] ?? 'yellow',
    authorId: author.participantId,
    authorName: author.name,
    clusterId: null,
    order: random() * NOTE_ORDER_RANGE,
    createdAt: Date.now(),
  };
}

/** The same note moved to another section and place, its text carrying the new write's marker. */
export function moveNote(
  note: NoteValue,
  options: { sectionKeys: readonly string[]; random: () => number; marker: string },
): NoteValue {
  const { random } = options;
  const others = options.sectionKeys.filter((key) => key !== note.section);
  return {
    ...note,
    section: others[Math.floor(random() * others.length)] ?? note.section,
    order: random() * NOTE_ORDER_RANGE,
    text: `Idee van ${note.authorName}, verplaatst ${options.marker}`,
  };
}

/** Runs the whole workload against one target and returns what it measured. */
export async function runWorkload(
  target: LabTarget,
  participants: number,
  timings: WorkloadTimings,
  log: (line: string) => void,
): Promise<WorkloadResult> {
  const random = createRandom(SEED);
  const tracker = new DeliveryTracker(participants);
  const people: (Participant | undefined)[] = new Array<Participant | undefined>(participants);
  const joinTimes: number[] = [];
  const joinFailures = new Map<string, number>();
  const gone = new Map<string, number>();
  let nextSeq = 1;
  let noteWrites = 0;
  let dotsSent = 0;
  let dotsSkipped = 0;
  let finished = false;

  const joinOne = async (index: number): Promise<void> => {
    const name = `Deelnemer ${index + 1}`;
    const started = performance.now();
    try {
      const identity = await target.join(index, name);
      const doc = new Y.Doc();
      const client = new BenchClient({
        url: target.wsUrl,
        origin: target.origin,
        mode: target.mode,
        token: identity.token,
        documents: [target.controlDocumentName, target.canvasDocumentName],
        localDocs: new Map([[target.canvasDocumentName, doc]]),
        onSyncFrame: (documentName, frame) => {
          if (documentName !== target.canvasDocumentName) return;
          const now = performance.now();
          const found = extractMarkers(frame);
          for (const seq of found.notes) {
            const write = tracker.seeNote(seq, index, now);
            if (write?.isCreate && write.noteId) people[index]?.seenNotes.push(write.noteId);
          }
          for (const key of found.dots) tracker.seeDot(key, index, now);
        },
        onDocumentGone: (documentName, reason) => {
          if (finished) return; // Our own closing at the end is not news.
          if (documentName === target.canvasDocumentName) tracker.markGone(index);
          countInto(
            gone,
            `${documentName === target.canvasDocumentName ? 'canvas' : 'control'}: ${reason}`,
          );
        },
        connectTimeoutMs: timings.connectTimeoutMs,
      });
      people[index] = {
        index,
        name,
        participantId: identity.participantId,
        client,
        notes: doc.getMap<NoteValue>(canvasRoots.notes),
        dots: doc.getMap<number>(canvasRoots.dots),
        ownNotes: [],
        seenNotes: [],
        dotted: new Set(),
        noteWrites: 0,
      };
      const syncedAt = await client.connect();
      joinTimes.push(syncedAt - started);
      tracker.markListening(index, syncedAt);
    } catch (error) {
      people[index] = undefined;
      countInto(joinFailures, error instanceof Error ? error.message : String(error));
    }
  };

  const writeNote = (person: Participant) => {
    const seq = nextSeq;
    nextSeq += 1;
    const marker = noteMarker(seq);
    const isMove = person.noteWrites % 2 === 1 && person.ownNotes.length > 0;
    person.noteWrites += 1;
    noteWrites += 1;
    const sentAt = performance.now();
    if (isMove) {
      const at = Math.floor(random() * person.ownNotes.length);
      const note = person.ownNotes[at];
      if (!note) return;
      const moved = moveNote(note, { sectionKeys: target.sectionKeys, random, marker });
      person.ownNotes[at] = moved;
      tracker.trackNote(seq, {
        sentAt,
        senderIndex: person.index,
        noteId: note.id,
        isCreate: false,
      });
      person.notes.set(note.id, moved);
      return;
    }
    const note = createNote({
      author: { participantId: person.participantId, name: person.name },
      sectionKeys: target.sectionKeys,
      random,
      marker,
      seq,
    });
    person.ownNotes.push(note);
    tracker.trackNote(seq, { sentAt, senderIndex: person.index, noteId: note.id, isCreate: true });
    person.notes.set(note.id, note);
  };

  const castDot = (person: Participant) => {
    const candidates = person.seenNotes.filter((noteId) => !person.dotted.has(noteId));
    const noteId = candidates[Math.floor(random() * candidates.length)];
    if (noteId === undefined) {
      dotsSkipped += 1;
      return;
    }
    person.dotted.add(noteId);
    const key = dotKey(person.participantId, noteId);
    dotsSent += 1;
    tracker.trackDot(key, { sentAt: performance.now(), senderIndex: person.index });
    person.dots.set(key, 1);
  };

  // 1. Joins, spread evenly over the join window.
  log(`${target.name}: ${participants} people join within ${timings.joinWindowMs / 1000} s`);
  const joins: Promise<void>[] = [];
  for (let index = 0; index < participants; index += 1) {
    joins.push(delay((index * timings.joinWindowMs) / participants).then(() => joinOne(index)));
  }
  await Promise.all(joins);
  const joined = joinTimes.length;
  const joinP95Ms = percentileOfSorted(Float64Array.from(joinTimes).sort(), 95);
  log(
    `${target.name}: ${joined}/${participants} joined, join p95 ${joinP95Ms?.toFixed(1) ?? '-'} ms` +
      (joinFailures.size > 0
        ? `; failures: ${[...joinFailures].map(([why, n]) => `${n}× ${why}`).join('; ')}`
        : ''),
  );

  // 2. The write phase, then the drain.
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  const schedule = buildSchedule(participants, timings);
  log(
    `${target.name}: writing for ${timings.writeWindowMs / 1000} s (${schedule.length} scheduled writes)`,
  );
  const start = performance.now();
  for (const event of schedule) {
    const wait = start + event.at - performance.now();
    if (wait > 1) await delay(wait);
    const person = people[event.index];
    if (!person?.client.isSynced()) continue;
    if (event.kind === 'note') writeNote(person);
    else castDot(person);
  }
  const drainUntil = performance.now() + timings.drainMs;
  while (tracker.totals().lost > 0 && performance.now() < drainUntil) await delay(DRAIN_POLL_MS);
  lag.disable();

  finished = true;
  for (const person of people) person?.client.close();
  const sorted = Float64Array.from(tracker.latencies).sort();
  return {
    participants,
    joined,
    joinFailures,
    joinP95Ms,
    totals: tracker.totals(),
    p50Ms: percentileOfSorted(sorted, 50),
    p95Ms: percentileOfSorted(sorted, 95),
    p99Ms: percentileOfSorted(sorted, 99),
    noteWrites,
    dots: dotsSent,
    dotsSkipped,
    gone,
    generatorLagP99Ms: lag.percentile(99) / NANOS_PER_MILLI,
  };
}
