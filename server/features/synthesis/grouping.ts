// Grouping a canvas section's notes into themes by the word stems they share, and applying the
// facilitator's corrections. Pure: the stems come from PostgreSQL's Dutch text search
// (synthesis.repo.ts), so this file decides only who goes with whom.
import {
  OTHER_GROUP_KEY,
  OTHER_GROUP_LABEL,
  type SectionOverrides,
  type SynthesisGroup,
  type SynthesisGroupRequest,
} from '../../../common/synthesis.ts';

/** One word of a note and the stem the Dutch stemmer made of it ("winkels" → "winkel"). */
export interface StemmedWord {
  stem: string;
  word: string;
}

/** A note with the stemmed words of its text (stop words already left out). */
export interface NoteStems {
  noteId: string;
  words: readonly StemmedWord[];
}

/** Notes that share one stem; `label` is the word that gave the stem most often. */
export interface StemGroup {
  stem: string;
  label: string;
  /** Every word that gave the stem in these notes, most frequent first. */
  words: string[];
  noteIds: string[];
}

export interface StemGrouping {
  /** In the order they were found: the stem shared by the most notes first. */
  groups: StemGroup[];
  /** Notes that ended in no group. */
  leftover: string[];
}

/** The prefix of an automatic group's key; the stem follows it. */
export const STEM_KEY_PREFIX = 'stem:';
/** The prefix of a group the facilitator made; an id follows it. */
export const CUSTOM_KEY_PREFIX = 'custom:';

/** The key of the automatic group of one stem. */
export function stemGroupKey(stem: string): string {
  return `${STEM_KEY_PREFIX}${stem}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Words by how often they occur, most first, ties alphabetically. */
function rankWords(counts: Map<string, number>): string[] {
  return [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b)).map(([word]) => word);
}

/**
 * Groups notes by shared stems: repeatedly takes the stem that the most notes not grouped yet
 * share (at least two; ties by the stem alphabetically), puts those notes in its group, and goes
 * on until no stem is shared by two such notes; the rest is left over. Every note lands in
 * exactly one group or the leftovers, and the order of the notes does not change the groups.
 */
export function groupByStems(notes: readonly NoteStems[]): StemGrouping {
  const stemsOf = new Map(
    notes.map((note) => [note.noteId, new Set(note.words.map((w) => w.stem))]),
  );
  const ungrouped = new Set(notes.map((note) => note.noteId));
  const groups: StemGroup[] = [];

  for (;;) {
    const shared = new Map<string, number>();
    for (const noteId of ungrouped) {
      for (const stem of stemsOf.get(noteId) ?? []) shared.set(stem, (shared.get(stem) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestCount = 1;
    for (const [stem, count] of shared) {
      if (count > bestCount || (count === bestCount && best !== null && stem < best)) {
        best = stem;
        bestCount = count;
      }
    }
    if (best === null) break;
    const stem = best;
    const members = notes.filter(
      (note) => ungrouped.has(note.noteId) && stemsOf.get(note.noteId)?.has(stem),
    );
    const wordCounts = new Map<string, number>();
    for (const note of members) {
      for (const w of note.words) {
        if (w.stem === stem) wordCounts.set(w.word, (wordCounts.get(w.word) ?? 0) + 1);
      }
    }
    const words = rankWords(wordCounts);
    groups.push({
      stem,
      label: words[0] ?? stem,
      words,
      noteIds: members.map((note) => note.noteId),
    });
    for (const note of members) ungrouped.delete(note.noteId);
  }
  return { groups, leftover: notes.filter((n) => ungrouped.has(n.noteId)).map((n) => n.noteId) };
}

interface Draft {
  key: string;
  label: string;
  basis: string[];
  words: string[];
  isAutomatic: boolean;
  isCorrected: boolean;
  noteIds: Set<string>;
}

/**
 * Where a group's notes end up after the merges: the last group along its chain of merges that
 * still exists (the group itself when none does). Safe against cycles.
 */
function resolveMerge(
  key: string,
  merges: Record<string, string>,
  exists: (key: string) => boolean,
) {
  let destination = key;
  let current = key;
  const seen = new Set<string>();
  while (merges[current] !== undefined && !seen.has(current)) {
    seen.add(current);
    current = merges[current] as string;
    if (exists(current)) destination = current;
  }
  return destination;
}

/**
 * The section's groups as the room sees them: the automatic grouping, then the facilitator's
 * merges, moves and labels (a key or note they name that no longer exists is ignored). Groups
 * keep the automatic order (custom groups after them, the leftover group last), notes keep
 * `noteOrder`, and empty groups are left out. A group counts as automatic only while no
 * correction touched it.
 */
export function applyOverrides(
  grouping: StemGrouping,
  noteOrder: readonly string[],
  overrides: SectionOverrides | undefined,
): SynthesisGroup[] {
  const drafts = new Map<string, Draft>();
  for (const group of grouping.groups) {
    drafts.set(stemGroupKey(group.stem), {
      key: stemGroupKey(group.stem),
      label: group.label,
      basis: [group.stem],
      words: [...group.words],
      isAutomatic: true,
      isCorrected: false,
      noteIds: new Set(group.noteIds),
    });
  }
  for (const custom of overrides?.custom ?? []) {
    if (drafts.has(custom.key) || custom.key === OTHER_GROUP_KEY) continue;
    drafts.set(custom.key, {
      key: custom.key,
      label: custom.label,
      basis: [],
      words: [],
      isAutomatic: false,
      isCorrected: false,
      noteIds: new Set(),
    });
  }
  drafts.set(OTHER_GROUP_KEY, {
    key: OTHER_GROUP_KEY,
    label: OTHER_GROUP_LABEL,
    basis: [],
    words: [],
    isAutomatic: true,
    isCorrected: false,
    noteIds: new Set(grouping.leftover),
  });

  const merges = overrides?.merges ?? {};
  const original = new Set(drafts.keys());
  const firstStep = new Map(
    [...original].map((key) => [key, resolveMerge(key, merges, (k) => original.has(k))]),
  );
  const finalOf = (key: string): string => {
    let current = key;
    const seen = new Set<string>();
    while (!seen.has(current)) {
      seen.add(current);
      const next = firstStep.get(current) ?? current;
      if (next === current) break;
      current = next;
    }
    return current;
  };
  for (const key of original) {
    const destination = finalOf(key);
    const source = drafts.get(key);
    const target = drafts.get(destination);
    if (destination === key || !source || !target) continue;
    for (const noteId of source.noteIds) target.noteIds.add(noteId);
    target.basis.push(...source.basis.filter((stem) => !target.basis.includes(stem)));
    target.words.push(...source.words.filter((word) => !target.words.includes(word)));
    target.isCorrected = true;
    drafts.delete(key);
  }

  const groupOfNote = new Map<string, string>();
  for (const draft of drafts.values()) {
    for (const noteId of draft.noteIds) groupOfNote.set(noteId, draft.key);
  }
  for (const [noteId, key] of Object.entries(overrides?.moves ?? {})) {
    const from = groupOfNote.get(noteId);
    const destination = resolveMerge(key, merges, (k) => drafts.has(k));
    const target = drafts.get(destination);
    if (from === undefined || !target || from === destination) continue;
    const source = drafts.get(from);
    source?.noteIds.delete(noteId);
    if (source) source.isCorrected = true;
    target.noteIds.add(noteId);
    target.isCorrected = true;
    groupOfNote.set(noteId, destination);
  }

  for (const [key, label] of Object.entries(overrides?.labels ?? {})) {
    const draft = drafts.get(key);
    if (!draft) continue;
    draft.label = label;
    draft.isCorrected = true;
  }

  const position = new Map(noteOrder.map((noteId, index) => [noteId, index]));
  const at = (noteId: string) => position.get(noteId) ?? Number.MAX_SAFE_INTEGER;
  return [...drafts.values()]
    .filter((draft) => draft.noteIds.size > 0)
    .map((draft) => ({
      key: draft.key,
      label: draft.label,
      basis: draft.basis,
      words: draft.words,
      automatic: draft.isAutomatic && !draft.isCorrected,
      noteIds: [...draft.noteIds].sort((a, b) => at(a) - at(b) || compareText(a, b)),
    }));
}

/** A correction's outcome: the section's new corrections (null: none left), or the field at fault. */
export type CorrectionResult =
  { ok: true; overrides: SectionOverrides | null } | { ok: false; field: string; message: string };

function emptyOverrides(): SectionOverrides {
  return { merges: {}, custom: [], moves: {}, labels: {} };
}

function copyOverrides(overrides: SectionOverrides): SectionOverrides {
  return {
    merges: { ...overrides.merges },
    custom: overrides.custom.map((group) => ({ ...group })),
    moves: { ...overrides.moves },
    labels: { ...overrides.labels },
  };
}

/**
 * Adds one correction to a section's corrections, judged against the groups the facilitator sees
 * now (`groups`, from applyOverrides): every group key and note it names must be there. A merge
 * keeps the first group and sends the others' notes to it, now and later; a split puts the notes
 * in a new group with the key `newKey()` gives; reset forgets the section's corrections.
 */
export function correctGrouping(
  current: SectionOverrides | undefined,
  groups: readonly SynthesisGroup[],
  request: SynthesisGroupRequest,
  newKey: () => string,
): CorrectionResult {
  const next = copyOverrides(current ?? emptyOverrides());
  const groupKeys = new Set(groups.map((group) => group.key));
  const noteIds = new Set(groups.flatMap((group) => group.noteIds));
  const fail = (field: string, message: string): CorrectionResult => ({
    ok: false,
    field,
    message,
  });

  switch (request.op) {
    case 'rename': {
      if (!groupKeys.has(request.groupKey))
        return fail('groupKey', 'no such group in this section');
      next.labels[request.groupKey] = request.label;
      return { ok: true, overrides: next };
    }
    case 'merge': {
      if (new Set(request.groupKeys).size !== request.groupKeys.length) {
        return fail('groupKeys', 'name each group once');
      }
      if (!request.groupKeys.every((key) => groupKeys.has(key))) {
        return fail('groupKeys', 'no such group in this section');
      }
      const [target, ...sources] = request.groupKeys as [string, ...string[]];
      // The target is a group of its own now; a merge of it made earlier would make a cycle.
      delete next.merges[target];
      for (const source of sources) {
        next.merges[source] = target;
        delete next.labels[source];
      }
      if (request.label !== undefined) next.labels[target] = request.label;
      return { ok: true, overrides: next };
    }
    case 'split': {
      if (new Set(request.noteIds).size !== request.noteIds.length) {
        return fail('noteIds', 'name each note once');
      }
      if (!request.noteIds.every((id) => noteIds.has(id))) {
        return fail('noteIds', 'no such note in this section');
      }
      const key = `${CUSTOM_KEY_PREFIX}${newKey()}`;
      next.custom.push({ key, label: request.label });
      for (const noteId of request.noteIds) next.moves[noteId] = key;
      return { ok: true, overrides: next };
    }
    case 'move': {
      if (!noteIds.has(request.noteId)) return fail('noteId', 'no such note in this section');
      if (!groupKeys.has(request.groupKey))
        return fail('groupKey', 'no such group in this section');
      next.moves[request.noteId] = request.groupKey;
      return { ok: true, overrides: next };
    }
    case 'reset':
      return { ok: true, overrides: null };
  }
}
