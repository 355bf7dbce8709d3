// Reading and writing a scenarios document (ADR 0002): the web app edits through these, the server
// judges and summarises with them, so both read the document the same way.
import type * as Y from 'yjs';
import {
  judgeRobustness,
  parseVerdictKey,
  quadrantValue,
  scenarioActionValue,
  scenarioNoteValue,
  scenariosRoots,
  verdictKey,
  verdictValue,
  type LaneKey,
  type QuadrantKey,
  type QuadrantValue,
  type Robustness,
  type ScenarioActionValue,
  type ScenarioNoteValue,
} from './scenarios.ts';

function rootOf(doc: Y.Doc, root: keyof typeof scenariosRoots): Y.Map<unknown> {
  return doc.getMap<unknown>(scenariosRoots[root]);
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Oldest first, then by id, so every reader lists the same order. */
function compareByCreation(
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const EMPTY_QUADRANT: QuadrantValue = { name: '', narrative: '' };

/** Returns every scenario's name and narrative; a scenario nobody wrote yet has empty strings. */
export function readQuadrants(doc: Y.Doc): Record<QuadrantKey, QuadrantValue> {
  const quadrants = rootOf(doc, 'quadrants');
  const read = (key: QuadrantKey): QuadrantValue => {
    const parsed = quadrantValue.safeParse(quadrants.get(key));
    return parsed.success
      ? { name: parsed.data.name, narrative: parsed.data.narrative }
      : EMPTY_QUADRANT;
  };
  return { hh: read('hh'), hl: read('hl'), lh: read('lh'), ll: read('ll') };
}

/**
 * Changes a scenario's name and/or narrative, keeping the other field as it stands in the
 * document at this moment (so two people writing the two fields do not undo each other).
 */
export function writeQuadrant(
  doc: Y.Doc,
  quadrant: QuadrantKey,
  patch: Partial<QuadrantValue>,
): void {
  doc.transact(() => {
    const current = readQuadrants(doc)[quadrant];
    const next = { ...current, ...patch };
    if (next.name === current.name && next.narrative === current.narrative) return;
    rootOf(doc, 'quadrants').set(quadrant, next);
  });
}

/** Returns every valid note, oldest first; invalid entries are skipped. */
export function readScenarioNotes(doc: Y.Doc): ScenarioNoteValue[] {
  const notes: ScenarioNoteValue[] = [];
  for (const [key, value] of rootOf(doc, 'notes').entries()) {
    const parsed = scenarioNoteValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) notes.push(parsed.data);
  }
  return notes.sort(compareByCreation);
}

export interface NewScenarioNote {
  quadrant: QuadrantKey;
  lane: LaneKey;
  text: string;
  authorId: string;
  /** '' in an anonymous lab: the name is not stored there at all. */
  authorName: string;
}

/** Adds a note to a lane of a scenario and returns it. */
export function addScenarioNote(doc: Y.Doc, input: NewScenarioNote): ScenarioNoteValue {
  const note: ScenarioNoteValue = { id: newId(), ...input, createdAt: Date.now() };
  doc.transact(() => {
    rootOf(doc, 'notes').set(note.id, note);
  });
  return note;
}

/** Changes a note's text; false when the note does not exist. */
export function updateScenarioNote(doc: Y.Doc, noteId: string, text: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const parsed = scenarioNoteValue.safeParse(rootOf(doc, 'notes').get(noteId));
    if (!parsed.success) return;
    rootOf(doc, 'notes').set(noteId, { ...parsed.data, text });
    isDone = true;
  });
  return isDone;
}

/** Deletes a note; false when it did not exist. */
export function deleteScenarioNote(doc: Y.Doc, noteId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!rootOf(doc, 'notes').has(noteId)) return;
    rootOf(doc, 'notes').delete(noteId);
    isDone = true;
  });
  return isDone;
}

/** Returns every valid action, oldest first; invalid entries are skipped. */
export function readScenarioActions(doc: Y.Doc): ScenarioActionValue[] {
  const actions: ScenarioActionValue[] = [];
  for (const [key, value] of rootOf(doc, 'actions').entries()) {
    const parsed = scenarioActionValue.safeParse(value);
    if (parsed.success && parsed.data.id === key) actions.push(parsed.data);
  }
  return actions.sort(compareByCreation);
}

export interface NewScenarioAction {
  title: string;
  origin: QuadrantKey;
  authorId: string;
  authorName: string;
}

/** Proposes an action in one scenario (its origin) and returns it. */
export function proposeAction(doc: Y.Doc, input: NewScenarioAction): ScenarioActionValue {
  const action: ScenarioActionValue = { id: newId(), ...input, createdAt: Date.now() };
  doc.transact(() => {
    rootOf(doc, 'actions').set(action.id, action);
  });
  return action;
}

/** Changes an action's title; false when the action does not exist. */
export function renameAction(doc: Y.Doc, actionId: string, title: string): boolean {
  let isDone = false;
  doc.transact(() => {
    const parsed = scenarioActionValue.safeParse(rootOf(doc, 'actions').get(actionId));
    if (!parsed.success) return;
    rootOf(doc, 'actions').set(actionId, { ...parsed.data, title });
    isDone = true;
  });
  return isDone;
}

/** Deletes an action and the room's verdicts on it; false when it did not exist. */
export function withdrawAction(doc: Y.Doc, actionId: string): boolean {
  let isDone = false;
  doc.transact(() => {
    if (!rootOf(doc, 'actions').has(actionId)) return;
    rootOf(doc, 'actions').delete(actionId);
    const verdicts = rootOf(doc, 'verdicts');
    for (const key of [...verdicts.keys()]) {
      if (parseVerdictKey(key)?.actionId === actionId) verdicts.delete(key);
    }
    isDone = true;
  });
  return isDone;
}

/** Returns the room's verdicts per action id: quadrant → holds (absent = not yet discussed). */
export function readVerdicts(doc: Y.Doc): Map<string, Map<QuadrantKey, boolean>> {
  const verdicts = new Map<string, Map<QuadrantKey, boolean>>();
  for (const [key, value] of rootOf(doc, 'verdicts').entries()) {
    const parsed = parseVerdictKey(key);
    const verdict = verdictValue.safeParse(value);
    if (!parsed || !verdict.success) continue;
    const perAction = verdicts.get(parsed.actionId) ?? new Map<QuadrantKey, boolean>();
    perAction.set(parsed.quadrant, verdict.data.holds);
    verdicts.set(parsed.actionId, perAction);
  }
  return verdicts;
}

/**
 * Records what the room concluded on an action in a scenario; null takes the verdict back (not
 * yet discussed). Only facilitators may write verdicts; the server refuses anyone else.
 */
export function recordVerdict(
  doc: Y.Doc,
  actionId: string,
  quadrant: QuadrantKey,
  holds: boolean | null,
): void {
  doc.transact(() => {
    const key = verdictKey(actionId, quadrant);
    if (holds === null) rootOf(doc, 'verdicts').delete(key);
    else rootOf(doc, 'verdicts').set(key, { holds });
  });
}

export interface JudgedAction extends Robustness {
  action: ScenarioActionValue;
  /** The room's verdict per scenario other than the origin; absent = not yet discussed. */
  verdicts: Map<QuadrantKey, boolean>;
}

/** Returns every action with where it holds and whether it is robust, oldest first. */
export function judgeActions(doc: Y.Doc): JudgedAction[] {
  const verdicts = readVerdicts(doc);
  return readScenarioActions(doc).map((action) => {
    const own = new Map(
      [...(verdicts.get(action.id) ?? new Map<QuadrantKey, boolean>())].filter(
        ([quadrant]) => quadrant !== action.origin,
      ),
    );
    return { action, verdicts: own, ...judgeRobustness(action.origin, own) };
  });
}
