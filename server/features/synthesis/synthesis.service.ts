// The lab's synthesis: every activity's part, read from the live documents, with canvas notes
// grouped into themes by Dutch word stems and the facilitator's corrections applied.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { readControl } from '../../../common/activities/control.doc.ts';
import type { ActivityState } from '../../../common/activities/control.ts';
import {
  activityConfig,
  activityKind,
  type ActivityKind,
} from '../../../common/activities/registry.ts';
import { activityDocumentName, controlDocumentName } from '../../../common/collab.ts';
import {
  activitySynthesis,
  sectionOverrides,
  type ActivitySynthesis,
  type CanvasSynthesis,
  type SectionOverrides,
  type Synthesis,
  type SynthesisGroupRequest,
  type SynthesisOverrides,
} from '../../../common/synthesis.ts';
import { moduleFor } from '../../activities/registry.ts';
import type { SynthesisTarget } from '../../activities/registry.types.ts';
import type { AppContext } from '../../http/context.ts';
import { badInput, forbidden } from '../../http/problem.ts';
import type { LabCaller } from '../labs/guest.auth.ts';
import { resolveParticipation } from '../labs/join.service.ts';
import type { LabDetails } from '../labs/labs.repo.ts';
import {
  applyOverrides,
  correctGrouping,
  groupByStems,
  type NoteStems,
  type StemmedWord,
} from './grouping.ts';
import {
  canCorrectGrouping,
  canSeeNotes,
  canSeePollResults,
  canSeeTally,
  type SynthesisReader,
} from './synthesis.policy.ts';
import { presentSynthesis } from './synthesis.presenter.ts';
import {
  findOverrides,
  findStemmedWords,
  findStoredDocuments,
  updateOverrides,
} from './synthesis.repo.ts';

/** What the automatic grouping is based on, in one plain Dutch sentence (grouping.method). */
export const GROUPING_METHOD =
  'Per vak staan notities samen die een woordstam delen: PostgreSQL brengt elk woord met de Nederlandse stemmer (Snowball) terug tot zijn stam en laat veelvoorkomende woorden zoals "de" en "een" weg, zodat "winkels" en "winkelen" bij elkaar komen.';

/** Everything read once per request, before the corrections are applied. */
interface Gathered {
  details: LabDetails;
  parts: ActivitySynthesis[];
  /** Activities whose part could not be made from their document. */
  unavailable: { activityId: string; title: string }[];
  /** Stemmed words per note, by `${activityId}|${noteId}`. */
  stems: Map<string, StemmedWord[]>;
}

function stemKey(activityId: string, noteId: string): string {
  return `${activityId}|${noteId}`;
}

/**
 * The documents as the room has them now, by name: the collaboration server's loaded copy when
 * it has one (with edits not stored yet), else the stored state; an empty document when neither
 * exists. Only the documents that are not loaded are read from the database, in one query.
 */
export async function readDocuments(
  ctx: AppContext,
  labId: string,
  names: readonly string[],
): Promise<Map<string, Y.Doc>> {
  const docs = new Map<string, Y.Doc>();
  for (const name of names) {
    const live = ctx.collab?.liveDocument?.(name);
    if (live) docs.set(name, live);
  }
  const missing = names.filter((name) => !docs.has(name));
  const stored = await findStoredDocuments(ctx.database.db, labId, missing);
  for (const name of missing) {
    const doc = new Y.Doc();
    const state = stored.get(name);
    try {
      if (state) Y.applyUpdate(doc, state);
      docs.set(name, doc);
    } catch {
      // A stored state that does not load is refused by the collaboration server too (P4);
      // the synthesis shows that activity as empty rather than failing for the whole lab.
      docs.set(name, new Y.Doc());
    }
  }
  return docs;
}

/** Leaves out what this reader may not see yet: notes in private mode, an unrevealed tally or poll. */
function limitToReader(
  part: ActivitySynthesis,
  state: ActivityState,
  reader: SynthesisReader,
): ActivitySynthesis {
  if (part.kind === 'canvas') {
    const seesNotes = canSeeNotes(reader, state);
    const seesTally = canSeeTally(reader, state);
    const sections = part.sections.map((section) => ({
      ...section,
      notes: seesNotes
        ? section.notes.map((note) => (seesTally ? note : { ...note, dots: 0 }))
        : [],
    }));
    return {
      ...part,
      sections,
      topNotes: seesNotes && seesTally ? part.topNotes : [],
      notesHidden: !seesNotes,
      tallyHidden: !seesTally,
    };
  }
  if (part.kind === 'poll' && !canSeePollResults(reader, state)) {
    return { ...part, counts: [], mean: null, resultsHidden: true };
  }
  if (part.kind === 'trendscan' && !canSeePollResults(reader, state)) {
    return { ...part, ranking: [], perPlace: [], resultsHidden: true };
  }
  return part;
}

const FAILED = Symbol('failed');

/**
 * One activity's part, null when its kind has none, or FAILED when it cannot be made: the
 * synthesis is on the wall while the room works, so one activity whose document holds something
 * unexpected is named as unavailable and leaves the others standing, rather than turning the
 * whole answer into an error.
 */
function summariseSafely(
  kind: ActivityKind,
  doc: Y.Doc,
  target: SynthesisTarget,
): ActivitySynthesis | null | typeof FAILED {
  try {
    const part = moduleFor(kind).synthesise?.(doc, target);
    if (!part) return null;
    const checked = activitySynthesis.safeParse(part);
    return checked.success ? checked.data : FAILED;
  } catch {
    return FAILED;
  }
}

/**
 * Reads every activity's part in agenda order from its live or stored document, limited to what
 * the reader may see, and the stemmed words of every visible canvas note in one query.
 */
async function gather(
  ctx: AppContext,
  details: LabDetails,
  reader: SynthesisReader,
): Promise<Gathered> {
  const db = ctx.database.db;
  const labId = details.lab.id;
  const controlName = controlDocumentName(labId);
  const docs = await readDocuments(ctx, labId, [
    controlName,
    ...details.activities.map((activity) => activityDocumentName(labId, activity.id)),
  ]);
  const control = readControl(docs.get(controlName) ?? new Y.Doc());
  const parts: ActivitySynthesis[] = [];
  const unavailable: Gathered['unavailable'] = [];
  for (const activity of details.activities) {
    const kind = activityKind.safeParse(activity.kind);
    const config = activityConfig.safeParse(activity.config);
    if (!kind.success || !config.success || config.data.kind !== kind.data) continue;
    const doc = docs.get(activityDocumentName(labId, activity.id)) ?? new Y.Doc();
    const part = summariseSafely(kind.data, doc, {
      labId,
      activityId: activity.id,
      config: config.data,
      title: activity.title,
      anonymous: details.lab.anonymous,
      places: details.places.map(({ id, name }) => ({ id, name })),
    });
    if (part === FAILED) unavailable.push({ activityId: activity.id, title: activity.title });
    else if (part)
      parts.push(limitToReader(part, control.activityState(activity.id, activity.kind), reader));
  }

  const notes = parts
    .filter((part): part is CanvasSynthesis => part.kind === 'canvas')
    .flatMap((part) => part.sections.flatMap((section) => section.notes));
  const words = await findStemmedWords(
    db,
    notes.map((note) => note.text),
  );
  const stems = new Map(
    notes.map((note, index) => [stemKey(note.activityId, note.id), words[index] ?? []]),
  );
  return { details, parts, unavailable, stems };
}

/** Reads stored corrections leniently: a section whose corrections do not parse has none. */
function readOverrides(raw: unknown): SynthesisOverrides {
  const overrides: SynthesisOverrides = {};
  if (typeof raw !== 'object' || raw === null) return overrides;
  for (const [activityId, sections] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof sections !== 'object' || sections === null) continue;
    for (const [sectionKey, value] of Object.entries(sections as Record<string, unknown>)) {
      const parsed = sectionOverrides.safeParse(value);
      if (!parsed.success) continue;
      (overrides[activityId] ??= {})[sectionKey] = parsed.data;
    }
  }
  return overrides;
}

/** The groups of one section: automatic by stems, then corrected. */
function groupSection(
  gathered: Gathered,
  activityId: string,
  section: CanvasSynthesis['sections'][number],
  overrides: SectionOverrides | undefined,
) {
  const notes: NoteStems[] = section.notes.map((note) => ({
    noteId: note.id,
    words: gathered.stems.get(stemKey(activityId, note.id)) ?? [],
  }));
  return applyOverrides(
    groupByStems(notes),
    section.notes.map((note) => note.id),
    overrides,
  );
}

/** Puts the gathered parts together with their groups; the presenter decides what leaves. */
function assemble(gathered: Gathered, overrides: SynthesisOverrides): Synthesis {
  const activities = gathered.parts.map((part): ActivitySynthesis => {
    if (part.kind !== 'canvas') return part;
    return {
      ...part,
      sections: part.sections.map((section) => ({
        ...section,
        groups: groupSection(
          gathered,
          part.activityId,
          section,
          overrides[part.activityId]?.[section.key],
        ),
      })),
    };
  });
  return presentSynthesis({
    details: gathered.details,
    activities,
    unavailable: gathered.unavailable,
    method: GROUPING_METHOD,
    generatedAt: new Date(),
  });
}

/**
 * The lab's synthesis for whoever GET /labs/:labId admits, live: documents are read as the
 * collaboration server holds them now. Participants who may not facilitate do not get the notes
 * of a canvas in private mode, dots before the tally is revealed, or poll results before they
 * are revealed; an anonymous lab's notes carry no names.
 */
export async function getSynthesis(
  ctx: AppContext,
  caller: LabCaller,
  labId: string,
): Promise<Synthesis> {
  const { details, mayFacilitate } = await resolveParticipation(ctx, caller, labId);
  const gathered = await gather(ctx, details, { mayFacilitate });
  return assemble(gathered, readOverrides(await findOverrides(ctx.database.db, labId)));
}

/**
 * The lab's synthesis as its facilitators see it (nothing hidden), computed exactly as
 * GET /labs/:labId/synthesis computes it, for server-side readers such as the report; the
 * caller has already checked who may read it.
 */
export async function computeFacilitatorSynthesis(
  ctx: AppContext,
  details: LabDetails,
): Promise<Synthesis> {
  const gathered = await gather(ctx, details, { mayFacilitate: true });
  return assemble(gathered, readOverrides(await findOverrides(ctx.database.db, details.lab.id)));
}

/**
 * Applies one correction of a canvas section's grouping (rename, merge, split, move, reset) and
 * returns the new synthesis. Only people who may facilitate (403 otherwise); an activity,
 * section, group or note that is not there is a 400 naming the field, and changes nothing.
 */
export async function correctSynthesisGroups(
  ctx: AppContext,
  caller: LabCaller,
  labId: string,
  request: SynthesisGroupRequest,
): Promise<Synthesis> {
  const { details, mayFacilitate } = await resolveParticipation(ctx, caller, labId);
  if (!canCorrectGrouping({ mayFacilitate })) {
    throw forbidden('Only the facilitators of this lab may correct the grouping.');
  }
  const activity = details.activities.find((a) => a.id === request.activityId);
  if (!activity || activity.kind !== 'canvas') {
    throw badInput('activityId', 'no canvas activity with this id in this lab');
  }
  const gathered = await gather(ctx, details, { mayFacilitate });
  const part = gathered.parts.find(
    (p): p is CanvasSynthesis => p.kind === 'canvas' && p.activityId === request.activityId,
  );
  if (!part) throw badInput('activityId', 'no canvas activity with this id in this lab');
  const section = part.sections.find((s) => s.key === request.sectionKey);
  if (!section) throw badInput('sectionKey', 'no section with this key in this canvas');

  const saved = await updateOverrides(ctx.database.db, labId, (raw) => {
    const overrides = readOverrides(raw);
    const current = overrides[request.activityId]?.[request.sectionKey];
    const groups = groupSection(gathered, request.activityId, section, current);
    const result = correctGrouping(current, groups, request, randomUUID);
    if (!result.ok) throw badInput(result.field, result.message);
    const forActivity = { ...overrides[request.activityId] };
    if (result.overrides) forActivity[request.sectionKey] = result.overrides;
    else delete forActivity[request.sectionKey];
    const next = { ...overrides, [request.activityId]: forActivity };
    if (Object.keys(forActivity).length === 0) delete next[request.activityId];
    return next;
  });
  return assemble(gathered, saved);
}
