import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  scoreCriteria,
  trendscanConfig,
  type ScanItem,
} from '../../../common/activities/trendscan.ts';
import { builtinCatalogue } from '../../../common/trends.builtin.ts';
import { matrixQuadrants } from '../../../common/synthesis.ts';
import type { MessageTree } from '../../i18n/messages.ts';
import { trendscanMessages } from './trendscan.messages.ts';
import {
  catalogueItems,
  countScored,
  groupByTrend,
  isFullyScored,
  matrixPoint,
  namePlaces,
  radarPoint,
  selectItems,
  spreadPoints,
} from './trendscanModel.ts';
import { defaultTrendscanConfig } from './trendscanModule.ts';

const item = (itemKey: string, trendKey: string): ScanItem => ({
  itemKey,
  trendKey,
  kind: itemKey === trendKey ? 'trend' : 'development',
  title: itemKey,
  description: '',
  isProposed: false,
});

describe('groupByTrend', () => {
  it('groups items under their trends in the trends’ order and leaves empty trends out', () => {
    const groups = groupByTrend(
      [item('werken', 'werken'), item('deelauto', 'vervoeren'), item('vervoeren', 'vervoeren')],
      [
        { key: 'vervoeren', title: 'Vervoeren' },
        { key: 'leeg', title: 'Leeg' },
        { key: 'werken', title: 'Werken' },
      ],
    );
    expect(groups.map((g) => [g.trend.key, g.items.map((i) => i.itemKey)])).toEqual([
      ['vervoeren', ['deelauto', 'vervoeren']],
      ['werken', ['werken']],
    ]);
  });
});

describe('progress', () => {
  it('counts an item as scored only with all three criteria', () => {
    expect(isFullyScored(undefined)).toBe(false);
    expect(isFullyScored({ relevance: 3, impact: 2 })).toBe(false);
    expect(isFullyScored({ relevance: 3, impact: 2, uncertainty: 1 })).toBe(true);
    const scores = new Map([
      ['a', { relevance: 1, impact: 1, uncertainty: 1 }],
      ['b', { relevance: 1, comment: 'x' }],
    ]);
    expect(
      countScored([{ itemKey: 'a' }, { itemKey: 'b' }, { itemKey: 'c' }], (k) => scores.get(k)),
    ).toBe(1);
  });
});

describe('catalogueItems and selectItems', () => {
  it('lists each trend, then its developments with the trend’s title', () => {
    const items = catalogueItems(builtinCatalogue);
    const first = builtinCatalogue[0];
    expect(items[0]).toMatchObject({ key: first?.key, kind: 'trend', trendKey: first?.key });
    expect(items[1]).toMatchObject({
      kind: 'development',
      trendKey: first?.key,
      trendTitle: first?.title,
    });
    // Every selection of the catalogue is a valid configuration.
    expect(trendscanConfig.safeParse({ kind: 'trendscan', items, themeCount: 4 }).success).toBe(
      true,
    );
  });

  it('keeps keys unique when a development shares a key with a trend', () => {
    const items = catalogueItems([
      { key: 'werken', title: 'Werken', description: '', developments: [] },
      {
        key: 'wonen',
        title: 'Wonen',
        description: '',
        developments: [
          { key: 'werken', title: 'Werken aan huis', description: '' },
          { key: 'werken', title: 'Nog eens', description: '' },
        ],
      },
    ]);
    expect(items.map((i) => i.key)).toEqual(['werken', 'wonen', 'werken-2', 'werken-3']);
  });

  it('keeps the stored copy of a chosen item, the catalogue’s order, and ticked items the catalogue lost', () => {
    const available = catalogueItems([
      {
        key: 'werken',
        title: 'Anders werken (nieuwe titel)',
        description: '',
        developments: [{ key: 'flex', title: 'Flexplekken', description: '' }],
      },
    ]);
    const stored = [
      { key: 'oud', trendKey: 'oud', kind: 'trend' as const, title: 'Oud', description: '' },
      {
        key: 'werken',
        trendKey: 'werken',
        kind: 'trend' as const,
        title: 'Anders werken',
        description: '',
      },
    ];
    const next = selectItems(stored, available, new Set(['flex', 'werken', 'oud']));
    expect(next.map((i) => [i.key, i.title])).toEqual([
      ['werken', 'Anders werken'],
      ['flex', 'Flexplekken'],
      ['oud', 'Oud'],
    ]);
    expect(selectItems(stored, available, new Set(['werken'])).map((i) => i.key)).toEqual([
      'werken',
    ]);
  });

  it('gives a new scan the six built-in trends as a whole, valid for the schema', () => {
    const config = defaultTrendscanConfig();
    expect(trendscanConfig.safeParse(config).success).toBe(true);
    if (config.kind !== 'trendscan') throw new Error('not a trend scan');
    expect(config.items.map((i) => i.key)).toEqual(builtinCatalogue.map((t) => t.key));
    expect(config.themeCount).toBe(4);
  });
});

describe('chart geometry', () => {
  const frame = { left: 10, top: 20, size: 100 };

  it('puts uncertainty to the right and impact upwards', () => {
    expect(matrixPoint(1, 1, frame)).toEqual({ x: 10, y: 120 });
    expect(matrixPoint(5, 5, frame)).toEqual({ x: 110, y: 20 });
    expect(matrixPoint(5, 1, frame)).toEqual({ x: 10, y: 20 });
    expect(matrixPoint(9, 0, frame)).toEqual({ x: 10, y: 20 });
  });

  it('starts the radar at the top and goes round clockwise', () => {
    const centre = { x: 0, y: 0 };
    const top = radarPoint(0, 4, 5, 10, centre);
    expect(top.x).toBeCloseTo(0);
    expect(top.y).toBeCloseTo(-10);
    const right = radarPoint(1, 4, 5, 10, centre);
    expect(right.x).toBeCloseTo(10);
    expect(radarPoint(2, 4, 2.5, 10, centre).y).toBeCloseTo(5);
  });

  it('fans out markers that would cover each other, leaving lone ones where they are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (count) => {
        const spread = spreadPoints(
          [...Array.from({ length: count }, () => ({ x: 50, y: 50 })), { x: 300, y: 300 }],
          20,
        );
        expect(spread.at(-1)).toEqual({ x: 300, y: 300 });
        for (let i = 0; i < count; i += 1) {
          for (let j = i + 1; j < count; j += 1) {
            const a = spread[i];
            const b = spread[j];
            if (!a || !b) throw new Error('missing point');
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(20 - 1e-9);
          }
        }
      }),
    );
  });
});

describe('namePlaces', () => {
  it('orders as the lab lists its places, then no place, then places the lab lost', () => {
    const named = namePlaces(
      [
        { id: 'p2', name: 'IJmuiden' },
        { id: 'p1', name: 'Beverwijk' },
      ],
      [
        { placeId: 'gone', respondents: 1, ranking: [] },
        { placeId: null, respondents: 2, ranking: [] },
        { placeId: 'p1', respondents: 3, ranking: [] },
        { placeId: 'p2', respondents: 4, ranking: [] },
      ],
      { noPlace: 'Zonder plaats', unknownPlace: 'Onbekend' },
    );
    expect(named.map((p) => p.name)).toEqual([
      'IJmuiden',
      'Beverwijk',
      'Zonder plaats',
      'Onbekend',
    ]);
  });
});

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('messages of the trend scan', () => {
  it('has the same keys in Dutch and English, and names every criterion and quadrant', () => {
    const { nl, en } = trendscanMessages;
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    const keys = new Set(keysOf(nl));
    for (const criterion of scoreCriteria) {
      expect(keys).toContain(`criteria.${criterion}`);
      expect(keys).toContain(`criteriaHints.${criterion}`);
    }
    for (const quadrant of matrixQuadrants) {
      expect(keys).toContain(`matrix.quadrants.${quadrant}`);
      expect(keys).toContain(`matrix.quadrantHints.${quadrant}`);
    }
  });
});
