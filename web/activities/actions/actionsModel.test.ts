import { describe, expect, it } from 'vitest';
import type { ActionValue } from '../../../common/activities/actions.ts';
import type { LabTheme } from '../../../common/labs.ts';
import {
  checkFormValues,
  choicesWithCurrent,
  emptyFormValues,
  linkChoicesFrom,
  rankActions,
  shorten,
} from './actionsModel.ts';

const themes: LabTheme[] = [
  { key: 'wonen', label: 'Wonen in de binnenstad', trendKey: null, activityId: null },
];
const canvasId = '11111111-1111-4111-8111-111111111111';
const scenariosId = '22222222-2222-4222-8222-222222222222';

const synthesis = {
  activities: [
    {
      kind: 'trendscan',
      ranking: [
        { itemKey: 'anders-werken', title: 'Anders werken' },
        { itemKey: 'anders-vervoeren', title: 'Anders vervoeren' },
      ],
    },
    {
      kind: 'canvas',
      activityId: canvasId,
      sections: [
        { key: 'kansen', notes: [{ id: 'n1', text: '  Leeg  kantoor   wordt  werkplaats ' }] },
        { key: 'wonen', notes: [{ id: 'n2', text: 'Niet als kans bedoeld' }] },
      ],
    },
    {
      kind: 'scenarios',
      activityId: scenariosId,
      quadrants: [{ key: 'q1', name: 'Digitale deeleconomie' }],
    },
    { kind: 'positioning', whatever: true },
  ],
};

describe('linkChoicesFrom', () => {
  it('offers the themes, trends, opportunities and scenarios, grouped in that order', () => {
    expect(linkChoicesFrom(themes, synthesis)).toEqual([
      { type: 'theme', key: 'wonen', label: 'Wonen in de binnenstad' },
      { type: 'trend', key: 'anders-werken', label: 'Anders werken' },
      { type: 'trend', key: 'anders-vervoeren', label: 'Anders vervoeren' },
      { type: 'opportunity', key: `${canvasId}:n1`, label: 'Leeg kantoor wordt werkplaats' },
      { type: 'scenario', key: `${scenariosId}:q1`, label: 'Digitale deeleconomie' },
    ]);
  });

  it('offers the themes alone when the synthesis is missing or not what it expects', () => {
    const onlyThemes = [{ type: 'theme', key: 'wonen', label: 'Wonen in de binnenstad' }];
    expect(linkChoicesFrom(themes, null)).toEqual(onlyThemes);
    expect(linkChoicesFrom(themes, { activities: 'nope' })).toEqual(onlyThemes);
    expect(linkChoicesFrom(themes, { activities: [{ kind: 'trendscan', ranking: 3 }] })).toEqual(
      onlyThemes,
    );
  });

  it('offers each link once and shortens long labels', () => {
    const long = 'woord '.repeat(60);
    const twice = {
      activities: [
        { kind: 'trendscan', ranking: [{ itemKey: 't', title: 'Een' }] },
        { kind: 'trendscan', ranking: [{ itemKey: 't', title: 'Een' }] },
        { kind: 'scenarios', activityId: scenariosId, quadrants: [{ key: 'q', name: long }] },
      ],
    };
    const choices = linkChoicesFrom([], twice);
    expect(choices.filter((c) => c.type === 'trend')).toHaveLength(1);
    const label = choices.find((c) => c.type === 'scenario')?.label ?? '';
    expect(label.length).toBeLessThanOrEqual(120);
    expect(label.endsWith('…')).toBe(true);
  });

  it('keeps the links an action already has among the choices', () => {
    const gone = { type: 'opportunity' as const, key: 'x:gone', label: 'Verdwenen notitie' };
    const choices = linkChoicesFrom(themes, null);
    expect(choicesWithCurrent(choices, [gone, choices[0]!])).toEqual([...choices, gone]);
  });
});

describe('shorten', () => {
  it('leaves short text alone and cuts long text at a word', () => {
    expect(shorten(' kort ', 10)).toBe('kort');
    expect(shorten('een twee drie vier', 12)).toBe('een twee…');
  });
});

describe('checkFormValues', () => {
  it('turns a valid form into a draft, trimmed, with empty dates as none', () => {
    const result = checkFormValues({
      ...emptyFormValues(),
      title: '  Loket voor ondernemers ',
      ownerName: ' BIZ ',
      endsOn: '2029-12-31',
    });
    expect(result).toEqual({
      ok: true,
      draft: {
        title: 'Loket voor ondernemers',
        description: '',
        ownerName: 'BIZ',
        horizon: 'term',
        startsOn: null,
        endsOn: '2029-12-31',
        links: [],
      },
    });
  });

  it('names each field that is not right', () => {
    const result = checkFormValues({
      ...emptyFormValues(),
      title: ' ',
      description: 'x'.repeat(1501),
      ownerName: 'x'.repeat(121),
      startsOn: '2028-02-30',
      endsOn: '2027-01-01',
      links: Array.from({ length: 11 }, (_, i) => ({
        type: 'trend' as const,
        key: `t${i}`,
        label: 't',
      })),
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        title: 'titleEmpty',
        description: 'descriptionLong',
        ownerName: 'ownerLong',
        startsOn: 'dateInvalid',
        links: 'tooManyLinks',
      },
    });
    const reversed = checkFormValues({
      ...emptyFormValues(),
      title: 'x',
      startsOn: '2028-01-01',
      endsOn: '2027-01-01',
    });
    expect(reversed).toEqual({ ok: false, problems: { endsOn: 'endBeforeStart' } });
  });
});

describe('rankActions', () => {
  const action = (id: string, status: ActionValue['status'], position: number): ActionValue => ({
    id,
    title: id,
    description: '',
    ownerName: '',
    horizon: 'term',
    startsOn: null,
    endsOn: null,
    links: [],
    status,
    authorId: 'p',
    authorName: '',
    createdAt: 0,
    position,
  });

  it('puts confirmed actions first, then the most dots, then the room’s order; rejected last', () => {
    const ranked = rankActions(
      [
        action('a', 'proposed', 0),
        action('b', 'confirmed', 1),
        action('c', 'proposed', 2),
        action('d', 'rejected', 3),
        action('e', 'confirmed', 4),
      ],
      new Map([
        ['a', 1],
        ['c', 5],
        ['d', 9],
        ['e', 2],
      ]),
    );
    expect(ranked.map((r) => [r.action.id, r.dots])).toEqual([
      ['e', 2],
      ['b', 0],
      ['c', 5],
      ['a', 1],
      ['d', 9],
    ]);
  });
});
