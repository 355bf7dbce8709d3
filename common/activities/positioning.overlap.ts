// Where the roles places aim for overlap (possible competition) and where they complement each
// other, and a short summary in words. Pure: the web app, the server's synthesis and the tests
// all read a positioning document through these functions, so they agree on every overlap.
import {
  ROLE_LABEL_MAX,
  type OverlapVerdict,
  type PositioningProgramme,
  type RoleValue,
  type VerdictValue,
} from './positioning.ts';

/**
 * Small Dutch words that carry no role of their own: "winkelen voor de regio" and "winkelen
 * regio" mean the same role. Only whole words are dropped.
 */
export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set([
  'de',
  'het',
  't',
  'een',
  'en',
  'of',
  'van',
  'voor',
  'in',
  'op',
  'met',
  'te',
  'aan',
  'bij',
  'naar',
  'om',
  'tot',
  'door',
  'uit',
  'als',
  'der',
  'den',
]);

/** The longest normalised role key a verdict may name (normalising never lengthens a label). */
export const ROLE_KEY_MAX = ROLE_LABEL_MAX;

const DOUBLED_CONSONANT = /([bdfgklmnprst])\1$/;

/**
 * A light Dutch plural strip, so the singular and the plural of a word meet:
 * 1. a final -s goes after e, l, r or m in words of 5+ letters ("winkels" → "winkel",
 *    "bezoekers" → "bezoeker", "huisjes" → "huisje"), and after n in words of 6+ letters
 *    ("havens" → "haven"; "grens" stays);
 * 2. then a final -en goes in words of 6+ letters ("evenementen" → "evenement",
 *    "winkelen" → "winkel"), undoubling a doubled consonant ("boodschappen" → "boodschap") or
 *    turning a final v into f and z into s ("verblijven" → "verblijf", "huizen" → "huis").
 * Vowel changes ("straten" / "straat") are not handled, and a word that only looks like a plural
 * ("keuken" → "keuk") is cut too; both spellings of such a word are cut the same way, so they
 * still meet.
 */
export function stripDutchPlural(word: string): string {
  let stem = word;
  if ((stem.length >= 5 && /[elrm]s$/.test(stem)) || (stem.length >= 6 && stem.endsWith('ns'))) {
    stem = stem.slice(0, -1);
  }
  if (stem.length >= 6 && stem.endsWith('en')) {
    stem = stem.slice(0, -2);
    if (DOUBLED_CONSONANT.test(stem)) stem = stem.slice(0, -1);
    else if (stem.endsWith('v')) stem = `${stem.slice(0, -1)}f`;
    else if (stem.endsWith('z')) stem = `${stem.slice(0, -1)}s`;
  }
  return stem;
}

/**
 * Turns a role label into the key that decides whether two roles are the same: lower case,
 * accents removed, an apostrophe-s plural dropped ("auto's" → "auto"), punctuation and extra
 * spaces removed, Dutch stop words ignored (unless the label has nothing else) and each word's
 * plural stripped (stripDutchPlural). "Dagelijkse boodschappen!" and "de dagelijkse
 * boodschap" both become "dagelijkse boodschap". Returns '' for a label without letters or digits.
 */
export function normaliseRoleLabel(label: string): string {
  const plain = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]s(?![\p{L}\p{N}])/gu, '')
    .replace(/['’‘`]/gu, '');
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const meaningful = words.filter((word) => !DUTCH_STOP_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).map(stripDutchPlural).join(' ');
}

/** The key of an overlap (and of its verdict): the programme and the normalised role. */
export function overlapKey(programme: string, roleKey: string): string {
  return `${programme}|${roleKey}`;
}

/** Splits an overlap key; null when it is not `<programme>|<normalised role>`. */
export function parseOverlapKey(key: string): { programme: string; roleKey: string } | null {
  const at = key.indexOf('|');
  if (at <= 0 || at === key.length - 1) return null;
  return { programme: key.slice(0, at), roleKey: key.slice(at + 1) };
}

/**
 * True when `roleKey` looks like something normaliseRoleLabel returns: lower-case words of
 * letters and digits without accents, separated by single spaces, not too long.
 */
export function isNormalisedRoleKey(roleKey: string): boolean {
  return (
    roleKey.length > 0 &&
    roleKey.length <= ROLE_KEY_MAX &&
    roleKey === roleKey.toLowerCase() &&
    roleKey === roleKey.normalize('NFKD').replace(/\p{M}/gu, '') &&
    /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(roleKey)
  );
}

/** The overlap key a role falls under; null when its label has no letters or digits. */
export function overlapKeyOfRole(role: Pick<RoleValue, 'programme' | 'label'>): string | null {
  const roleKey = normaliseRoleLabel(role.label);
  return roleKey === '' ? null : overlapKey(role.programme, roleKey);
}

/** A label as people read it: trimmed, inner runs of white space made one space. */
export function tidyLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ');
}

/** Two or more places aiming for the same role within one programme. */
export interface PositioningOverlap {
  key: string;
  programme: string;
  /** The role in the wording most people used. */
  role: string;
  /** The places that aim for it, in the activity's place order; always two or more. */
  placeIds: string[];
  roleIds: string[];
  /** What the room made of it; open until a facilitator records a verdict. */
  verdict: OverlapVerdict | 'open';
  note: string;
}

/**
 * How a programme stands: no roles yet, roles of one place only, every place with roles of its
 * own (complementary), or at least one role that several places aim for.
 */
export type ProgrammeStatus = 'empty' | 'one-place' | 'complementary' | 'overlap';

export interface ProgrammePositioning {
  programme: string;
  label: string;
  status: ProgrammeStatus;
  /** Places with at least one role here, in the activity's place order. */
  placeIds: string[];
  overlaps: PositioningOverlap[];
  /** Per place with roles of its own here: those roles (no other place has them), A–Z. */
  ownRoles: { placeId: string; roles: string[] }[];
}

export interface PositioningAnalysis {
  /** Every overlap, programme by programme; within one, most places first, then A–Z. */
  overlaps: PositioningOverlap[];
  programmes: ProgrammePositioning[];
}

export interface PositioningInput {
  programmes: readonly PositioningProgramme[];
  placeIds: readonly string[];
  roles: Iterable<RoleValue>;
  verdicts?: ReadonlyMap<string, VerdictValue>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The wording most roles used; ties go to the first in code-point order, whatever the input order. */
function mostUsedWording(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [label, count] of counts) {
    if (count > bestCount || (count === bestCount && compareText(label, best) < 0)) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

interface RoleGroup {
  roleKey: string;
  placeIds: Set<string>;
  roleIds: string[];
  labels: string[];
}

/**
 * Finds, per programme, the roles that two or more different places aim for (same programme,
 * same normalised label: see normaliseRoleLabel) and the roles each place has alone. Roles of
 * places or programmes the activity no longer has, and labels without letters or digits, are
 * left out. The result does not depend on the order of the roles.
 */
export function analysePositioning(input: PositioningInput): PositioningAnalysis {
  const placeOrder = new Map(input.placeIds.map((id, index) => [id, index]));
  const byPlaceOrder = (a: string, b: string) =>
    (placeOrder.get(a) ?? 0) - (placeOrder.get(b) ?? 0);
  const groupsByProgramme = new Map<string, Map<string, RoleGroup>>(
    input.programmes.map((p) => [p.key, new Map()]),
  );
  for (const role of input.roles) {
    const groups = groupsByProgramme.get(role.programme);
    if (!groups || !placeOrder.has(role.placeId)) continue;
    const roleKey = normaliseRoleLabel(role.label);
    if (roleKey === '') continue;
    let group = groups.get(roleKey);
    if (!group) {
      group = { roleKey, placeIds: new Set(), roleIds: [], labels: [] };
      groups.set(roleKey, group);
    }
    group.placeIds.add(role.placeId);
    group.roleIds.push(role.id);
    group.labels.push(tidyLabel(role.label));
  }

  const programmes = input.programmes.map((programme): ProgrammePositioning => {
    const groups = [...(groupsByProgramme.get(programme.key)?.values() ?? [])];
    const overlaps: PositioningOverlap[] = [];
    const own = new Map<string, string[]>();
    const withRoles = new Set<string>();
    for (const group of groups) {
      for (const placeId of group.placeIds) withRoles.add(placeId);
      if (group.placeIds.size >= 2) {
        const key = overlapKey(programme.key, group.roleKey);
        const recorded = input.verdicts?.get(key);
        overlaps.push({
          key,
          programme: programme.key,
          role: mostUsedWording(group.labels),
          placeIds: [...group.placeIds].sort(byPlaceOrder),
          roleIds: [...group.roleIds].sort(compareText),
          verdict: recorded?.verdict ?? 'open',
          note: recorded?.note ?? '',
        });
      } else {
        const [placeId] = group.placeIds;
        if (placeId === undefined) continue;
        own.set(placeId, [...(own.get(placeId) ?? []), mostUsedWording(group.labels)]);
      }
    }
    overlaps.sort((a, b) => b.placeIds.length - a.placeIds.length || compareText(a.key, b.key));
    const placeIds = [...withRoles].sort(byPlaceOrder);
    const status: ProgrammeStatus =
      overlaps.length > 0
        ? 'overlap'
        : placeIds.length === 0
          ? 'empty'
          : placeIds.length === 1
            ? 'one-place'
            : 'complementary';
    return {
      programme: programme.key,
      label: programme.label,
      status,
      placeIds,
      overlaps,
      ownRoles: [...own]
        .sort(([a], [b]) => byPlaceOrder(a, b))
        .map(([placeId, roles]) => ({
          placeId,
          roles: roles.sort((a, b) => a.localeCompare(b, 'nl') || compareText(a, b)),
        })),
    };
  });
  return { overlaps: programmes.flatMap((p) => p.overlaps), programmes };
}

/** The words a summary is made of; Dutch below, the web app passes its translation. */
export interface SummaryPhrases {
  /** BCP 47 language for joining lists ("A, B en C"). */
  locale: string;
  empty(programme: string): string;
  onePlace(programme: string, place: string, roles: string): string;
  complementary(programme: string, places: string): string;
  /** One overlap: "Beverwijk en Heemskerk allebei op dagelijkse boodschappen". */
  overlapClause(
    places: string,
    count: number,
    role: string,
    verdict: OverlapVerdict | 'open',
  ): string;
  overlap(programme: string, clauses: string, hasOwnRoles: boolean): string;
}

const DUTCH_COUNTS = ['', '', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];

const DUTCH_VERDICTS: Record<OverlapVerdict | 'open', string> = {
  open: '',
  competition: ' (volgens de zaal concurrentie)',
  complementary: ' (volgens de zaal aanvullend)',
  'no-overlap': ' (volgens de zaal geen echte overlap)',
};

export const dutchSummaryPhrases: SummaryPhrases = {
  locale: 'nl',
  empty: (programme) => `Bij ${programme} heeft nog geen plaats een rol gekozen.`,
  onePlace: (programme, place, roles) => `Bij ${programme} koos alleen ${place} een rol: ${roles}.`,
  complementary: (programme, places) =>
    `Bij ${programme} vullen ${places} elkaar aan: elke plaats kiest een eigen rol.`,
  overlapClause: (places, count, role, verdict) =>
    `${places} ${count === 2 ? 'allebei' : `alle ${DUTCH_COUNTS[count] ?? String(count)}`} op ${role}${DUTCH_VERDICTS[verdict]}`,
  overlap: (programme, clauses, hasOwnRoles) =>
    `Bij ${programme} mikken ${clauses}${hasOwnRoles ? '; de rollen vullen elkaar verder aan.' : '.'}`,
};

/** Joins words as a sentence does ("A, B en C"); exported for the views that list places. */
export function joinList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * One sentence per programme, in programme order, generated from the analysis: which places aim
 * for the same role (with the room's verdict once recorded), or that they complement each other.
 * `placeName` names a place id (the place's name, or a stand-in for an unknown one).
 */
export function summarisePositioning(
  analysis: PositioningAnalysis,
  placeName: (placeId: string) => string,
  phrases: SummaryPhrases = dutchSummaryPhrases,
): string[] {
  const list = (items: readonly string[]) => joinList(phrases.locale, items);
  return analysis.programmes.map((programme) => {
    const label = programme.label;
    switch (programme.status) {
      case 'empty':
        return phrases.empty(label);
      case 'one-place': {
        const only = programme.ownRoles[0];
        return phrases.onePlace(label, placeName(only?.placeId ?? ''), list(only?.roles ?? []));
      }
      case 'complementary':
        return phrases.complementary(label, list(programme.placeIds.map(placeName)));
      case 'overlap': {
        const clauses = programme.overlaps.map((overlap) =>
          phrases.overlapClause(
            list(overlap.placeIds.map(placeName)),
            overlap.placeIds.length,
            overlap.role,
            overlap.verdict,
          ),
        );
        return phrases.overlap(label, list(clauses), programme.ownRoles.length > 0);
      }
    }
  });
}
