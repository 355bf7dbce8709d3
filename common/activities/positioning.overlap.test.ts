import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analysePositioning,
  dutchSummaryPhrases,
  isNormalisedRoleKey,
  normaliseRoleLabel,
  overlapKey,
  parseOverlapKey,
  stripDutchPlural,
  summarisePositioning,
  type PositioningAnalysis,
} from './positioning.overlap.ts';
import { defaultProgrammes, type RoleValue, type VerdictValue } from './positioning.ts';

const BEVERWIJK = '00000000-0000-4000-8000-00000000000b';
const HEEMSKERK = '00000000-0000-4000-8000-00000000000e';
const IJMUIDEN = '00000000-0000-4000-8000-00000000000a';
const PLACES = [BEVERWIJK, HEEMSKERK, IJMUIDEN];
const NAMES: Record<string, string> = {
  [BEVERWIJK]: 'Beverwijk',
  [HEEMSKERK]: 'Heemskerk',
  [IJMUIDEN]: 'IJmuiden',
};
const nameOf = (id: string) => NAMES[id] ?? 'onbekend';

let counter = 0;
function role(placeId: string, programme: string, label: string, id?: string): RoleValue {
  counter += 1;
  return {
    id: id ?? `r${counter}`,
    placeId,
    programme,
    label,
    authorId: 'p1',
    authorName: 'Anna',
    createdAt: counter,
  };
}

function analyse(roles: RoleValue[], verdicts?: Map<string, VerdictValue>): PositioningAnalysis {
  return analysePositioning({
    programmes: defaultProgrammes,
    placeIds: PLACES,
    roles,
    ...(verdicts ? { verdicts } : {}),
  });
}

describe('normaliseRoleLabel', () => {
  it.each([
    ['Dagelijkse boodschappen', 'dagelijkse boodschap'],
    ['  de dagelijkse   boodschap! ', 'dagelijkse boodschap'],
    ['Leisure en evenementen', 'leisure evenement'],
    ['leisure & evenement', 'leisure evenement'],
    ['Winkels', 'winkel'],
    ['winkelen', 'winkel'],
    ['Maritieme identiteit', 'maritieme identiteit'],
    ['Maritíeme Identitéit', 'maritieme identiteit'],
    ["auto's", 'auto'],
    ['huizen voor starters', 'huis starter'],
    ['Havens', 'haven'],
    ['grens', 'grens'],
    ['ideeën', 'idee'],
    ['De', 'de'],
    ['!!!', ''],
  ])('%j → %j', (label, key) => {
    expect(normaliseRoleLabel(label)).toBe(key);
  });

  it('strips Dutch plurals lightly', () => {
    expect(stripDutchPlural('boodschappen')).toBe('boodschap');
    expect(stripDutchPlural('verblijven')).toBe('verblijf');
    expect(stripDutchPlural('wonen')).toBe('wonen');
    expect(stripDutchPlural('bezoekers')).toBe('bezoeker');
  });

  it('gives keys that isNormalisedRoleKey accepts, and overlap keys that parse back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (label) => {
        const key = normaliseRoleLabel(label);
        if (key === '') return;
        expect(isNormalisedRoleKey(key)).toBe(true);
        expect(parseOverlapKey(overlapKey('winkelen', key))).toEqual({
          programme: 'winkelen',
          roleKey: key,
        });
      }),
    );
    expect(isNormalisedRoleKey('Winkel')).toBe(false);
    expect(isNormalisedRoleKey('winkel  regio')).toBe(false);
    expect(isNormalisedRoleKey('café')).toBe(false);
    expect(isNormalisedRoleKey('')).toBe(false);
  });
});

describe('analysePositioning', () => {
  it('reports roles of two places with the same normalised label as an overlap', () => {
    const result = analyse([
      role(BEVERWIJK, 'winkelen', 'Dagelijkse boodschappen', 'r-a'),
      role(HEEMSKERK, 'winkelen', 'dagelijkse boodschap', 'r-b'),
      role(HEEMSKERK, 'winkelen', 'Dagelijkse boodschappen', 'r-c'),
      role(BEVERWIJK, 'winkelen', 'Regionaal winkelen'),
      role(IJMUIDEN, 'verblijven', 'Leisure en evenementen'),
      role(BEVERWIJK, 'verblijven', 'Markten'),
    ]);
    expect(result.overlaps).toEqual([
      {
        key: 'winkelen|dagelijkse boodschap',
        programme: 'winkelen',
        role: 'Dagelijkse boodschappen',
        placeIds: [BEVERWIJK, HEEMSKERK],
        roleIds: ['r-a', 'r-b', 'r-c'],
        verdict: 'open',
        note: '',
      },
    ]);
    const winkelen = result.programmes.find((p) => p.programme === 'winkelen');
    expect(winkelen?.status).toBe('overlap');
    expect(winkelen?.ownRoles).toEqual([{ placeId: BEVERWIJK, roles: ['Regionaal winkelen'] }]);
    expect(result.programmes.map((p) => p.status)).toEqual([
      'overlap',
      'empty',
      'empty',
      'complementary',
    ]);
  });

  it('never makes an overlap of one place with two roles that say the same', () => {
    const result = analyse([
      role(BEVERWIJK, 'wonen', 'Wonen aan het water'),
      role(BEVERWIJK, 'wonen', 'wonen aan water'),
    ]);
    expect(result.overlaps).toEqual([]);
    expect(result.programmes[1]?.status).toBe('one-place');
  });

  it('keeps roles of different programmes apart and ignores unknown places and programmes', () => {
    const result = analyse([
      role(BEVERWIJK, 'werken', 'Maakindustrie'),
      role(HEEMSKERK, 'winkelen', 'Maakindustrie'),
      role('00000000-0000-4000-8000-000000000999', 'werken', 'Maakindustrie'),
      role(HEEMSKERK, 'sport', 'Maakindustrie'),
    ]);
    expect(result.overlaps).toEqual([]);
  });

  it('carries the recorded verdict and note', () => {
    const verdicts = new Map<string, VerdictValue>([
      ['winkelen|dagelijkse boodschap', { verdict: 'competition', note: 'Zelfde klanten' }],
    ]);
    const result = analyse(
      [
        role(BEVERWIJK, 'winkelen', 'dagelijkse boodschappen'),
        role(HEEMSKERK, 'winkelen', 'dagelijkse boodschappen'),
      ],
      verdicts,
    );
    expect(result.overlaps[0]?.verdict).toBe('competition');
    expect(result.overlaps[0]?.note).toBe('Zelfde klanten');
  });
});

describe('summarisePositioning', () => {
  it('says per programme, from the data, where places overlap or complement each other', () => {
    const result = analyse([
      role(BEVERWIJK, 'winkelen', 'dagelijkse boodschappen'),
      role(HEEMSKERK, 'winkelen', 'dagelijkse boodschappen'),
      role(BEVERWIJK, 'winkelen', 'regionaal winkelen'),
      role(IJMUIDEN, 'wonen', 'wonen aan zee'),
      role(BEVERWIJK, 'werken', 'maakindustrie'),
      role(IJMUIDEN, 'werken', 'visserij'),
      role(BEVERWIJK, 'verblijven', 'evenementen'),
      role(HEEMSKERK, 'verblijven', 'Evenement'),
      role(IJMUIDEN, 'verblijven', 'evenementen'),
    ]);
    expect(summarisePositioning(result, nameOf)).toEqual([
      'Bij Winkelen mikken Beverwijk en Heemskerk allebei op dagelijkse boodschappen; de rollen vullen elkaar verder aan.',
      'Bij Wonen koos alleen IJmuiden een rol: wonen aan zee.',
      'Bij Werken vullen Beverwijk en IJmuiden elkaar aan: elke plaats kiest een eigen rol.',
      'Bij Verblijven en ontmoeten mikken Beverwijk, Heemskerk en IJmuiden alle drie op evenementen.',
    ]);
  });

  it('adds the verdict of the room and says when nothing was chosen yet', () => {
    const result = analyse(
      [
        role(BEVERWIJK, 'winkelen', 'Outlet'),
        role(HEEMSKERK, 'winkelen', 'outlet'),
        role(IJMUIDEN, 'winkelen', 'vis'),
        role(BEVERWIJK, 'winkelen', 'Vis'),
      ],
      new Map([['winkelen|outlet', { verdict: 'competition', note: '' }]]),
    );
    const [winkelen, wonen] = summarisePositioning(result, nameOf, dutchSummaryPhrases);
    expect(winkelen).toBe(
      'Bij Winkelen mikken Beverwijk en Heemskerk allebei op Outlet (volgens de zaal concurrentie) en Beverwijk en IJmuiden allebei op Vis.',
    );
    expect(wonen).toBe('Bij Wonen heeft nog geen plaats een rol gekozen.');
  });
});

// Random roles over the default programmes and three places, with labels from a small pool so
// that overlaps are common.
const LABEL_POOL = [
  'dagelijkse boodschappen',
  'Dagelijkse boodschap',
  'leisure en evenementen',
  'Evenement',
  'maritieme identiteit',
  'winkels',
  'winkel',
  'café',
  'cafe',
  'Wonen aan het water',
];
const arbitraryRole = fc.record({
  id: fc.uuid(),
  placeId: fc.constantFrom(...PLACES),
  programme: fc.constantFrom(...defaultProgrammes.map((p) => p.key)),
  label: fc.oneof(fc.constantFrom(...LABEL_POOL), fc.string({ maxLength: 20 })),
  authorId: fc.constant('p1'),
  authorName: fc.constant('Anna'),
  createdAt: fc.nat(),
});
const arbitraryRoles = fc.array(arbitraryRole, { maxLength: 30 });

/** Overlaps as comparable facts: key → the set of places, ignoring wording and order. */
function facts(result: PositioningAnalysis): Map<string, string[]> {
  return new Map(result.overlaps.map((o) => [o.key, [...o.placeIds].sort()]));
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = Math.abs(seed) % 2147483648 || 1;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Changes the case of some letters and puts accents on some vowels. */
function disguise(label: string, seed: number): string {
  const accents: Record<string, string> = { a: 'á', e: 'ë', i: 'ï', o: 'ó', u: 'ü' };
  return [...label]
    .map((char, index) => {
      const pick = (seed + index * 7) % 3;
      if (pick === 0) return char.toUpperCase();
      if (pick === 1) return accents[char] ?? char;
      return char;
    })
    .join('');
}

describe('overlap properties', () => {
  it('is symmetric: the order of places and of roles changes nothing', () => {
    fc.assert(
      fc.property(arbitraryRoles, fc.integer(), (roles, seed) => {
        const one = analyse(roles);
        const other = analysePositioning({
          programmes: defaultProgrammes,
          placeIds: shuffled(PLACES, seed),
          roles: shuffled(roles, seed + 1),
        });
        expect(facts(other)).toEqual(facts(one));
        expect(other.overlaps.map((o) => o.role).sort()).toEqual(
          one.overlaps.map((o) => o.role).sort(),
        );
      }),
    );
  });

  it('is insensitive to the case and accents of labels', () => {
    fc.assert(
      fc.property(arbitraryRoles, fc.nat(), (roles, seed) => {
        const disguised = roles.map((r, i) => ({ ...r, label: disguise(r.label, seed + i) }));
        expect(facts(analyse(disguised))).toEqual(facts(analyse(roles)));
      }),
    );
  });

  it('never reports one place alone', () => {
    fc.assert(
      fc.property(arbitraryRoles, (roles) => {
        for (const overlap of analyse(roles).overlaps) {
          expect(new Set(overlap.placeIds).size).toBeGreaterThanOrEqual(2);
          expect(overlap.placeIds.length).toBe(new Set(overlap.placeIds).size);
        }
      }),
    );
  });

  it('never loses an overlap when a role is added', () => {
    // Few programmes and labels, so roles often share one and overlaps widen as roles come in.
    const denseRole = fc.record({
      id: fc.uuid(),
      placeId: fc.constantFrom(...PLACES),
      programme: fc.constantFrom('winkelen', 'wonen'),
      label: fc.constantFrom('Evenementen', 'evenement', 'Outlet', 'vis'),
      authorId: fc.constant('p1'),
      authorName: fc.constant('Anna'),
      createdAt: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(denseRole, { maxLength: 8 }), denseRole, (roles, extra) => {
        const before = facts(analyse(roles));
        const after = facts(analyse([...roles, extra]));
        for (const [key, places] of before) {
          expect(after.get(key)).toEqual(expect.arrayContaining(places));
        }
      }),
    );
  });

  it('calls a programme complementary exactly when two or more places have roles and none is shared', () => {
    fc.assert(
      fc.property(arbitraryRoles, (roles) => {
        for (const programme of analyse(roles).programmes) {
          const isComplementary = programme.placeIds.length >= 2 && programme.overlaps.length === 0;
          expect(programme.status === 'complementary').toBe(isComplementary);
          expect(summarisePositioning(analyse(roles), nameOf)).toHaveLength(4);
        }
      }),
    );
  });
});
