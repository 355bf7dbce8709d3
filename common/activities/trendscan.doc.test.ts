import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VoteState } from './control.ts';
import {
  addDevelopment,
  castThemeVote,
  chooseTheme,
  deleteDevelopment,
  moveChosenTheme,
  readChosen,
  readItems,
  readScore,
  readScores,
  readThemeVotes,
  setRespondentPlace,
  setScore,
  summariseTrendscan,
  themeVotesLeft,
  withdrawThemeVote,
} from './trendscan.doc.ts';
import {
  developmentItemKey,
  personItemKey,
  trendscanConfig,
  trendscanRoots,
  trendsOf,
  type TrendscanConfig,
} from './trendscan.ts';

const config: TrendscanConfig = trendscanConfig.parse({
  kind: 'trendscan',
  items: [
    { key: 'werken', trendKey: 'werken', kind: 'trend', title: 'Anders werken' },
    { key: 'vervoeren', trendKey: 'vervoeren', kind: 'trend', title: 'Anders vervoeren' },
    {
      key: 'deelauto',
      trendKey: 'vervoeren',
      kind: 'development',
      title: 'Deelauto’s',
    },
    {
      key: 'circulair',
      trendKey: 'produceren',
      kind: 'development',
      title: 'Circulair',
      trendTitle: 'Anders produceren',
    },
  ],
  themeCount: 2,
});
const vote: VoteState = { open: true, dotsPerPerson: 2, sectionKey: null, revealed: false };
const PLACE_A = '11111111-1111-4111-8111-111111111111';
const PLACE_B = '22222222-2222-4222-8222-222222222222';

describe('trendscanConfig', () => {
  it('refuses duplicate keys, a trend that is not its own trend and a development that is', () => {
    const trend = { key: 'werken', trendKey: 'werken', kind: 'trend', title: 'Werken' };
    const parse = (items: unknown[]) =>
      trendscanConfig.safeParse({ kind: 'trendscan', items }).success;
    expect(parse([trend])).toBe(true);
    expect(parse([trend, trend])).toBe(false);
    expect(parse([{ ...trend, trendKey: 'wonen' }])).toBe(false);
    expect(parse([{ ...trend, kind: 'development' }])).toBe(false);
    expect(parse([])).toBe(false);
    expect(
      parse(Array.from({ length: 61 }, (_, i) => ({ ...trend, key: `t${i}`, trendKey: `t${i}` }))),
    ).toBe(false);
  });

  it('names trends by their own item, else by a development’s trendTitle', () => {
    expect(trendsOf(config)).toEqual([
      { key: 'werken', title: 'Anders werken' },
      { key: 'vervoeren', title: 'Anders vervoeren' },
      { key: 'produceren', title: 'Anders produceren' },
    ]);
  });
});

describe('scores', () => {
  it('merges a patch, drops cleared fields and empty comments, and deletes an empty score', () => {
    const doc = new Y.Doc();
    setScore(doc, 'anna', 'werken', { relevance: 4 });
    setScore(doc, 'anna', 'werken', { impact: 2, comment: '  ' });
    expect(readScore(doc, 'anna', 'werken')).toEqual({ relevance: 4, impact: 2 });
    setScore(doc, 'anna', 'werken', { relevance: null, comment: 'Thuiswerk' });
    expect(readScore(doc, 'anna', 'werken')).toEqual({ impact: 2, comment: 'Thuiswerk' });
    setScore(doc, 'anna', 'werken', { impact: null, comment: null });
    expect(doc.getMap(trendscanRoots.scores).size).toBe(0);
  });
});

describe('developments', () => {
  it('become items under a trend of the scan; deleting one clears its scores and votes', () => {
    const doc = new Y.Doc();
    const flex = addDevelopment(doc, {
      trendKey: 'werken',
      title: ' Flexplekken ',
      description: '',
      authorId: 'anna',
      authorName: 'Anna',
    });
    addDevelopment(doc, {
      trendKey: 'onbekend',
      title: 'Elders',
      description: '',
      authorId: 'anna',
      authorName: 'Anna',
    });
    const key = developmentItemKey(flex.id);
    expect(readItems(doc, config).map((i) => i.itemKey)).toEqual([
      'werken',
      'vervoeren',
      'deelauto',
      'circulair',
      key,
    ]);
    expect(readItems(doc, config).at(-1)?.title).toBe('Flexplekken');
    setScore(doc, 'bram', key, { relevance: 5 });
    setScore(doc, 'bram', 'werken', { relevance: 5 });
    expect(castThemeVote(doc, config, 'bram', key, vote)).toBe(true);
    expect(deleteDevelopment(doc, flex.id)).toBe(true);
    expect(readScores(doc).map((s) => s.itemKey)).toEqual(['werken']);
    expect(readThemeVotes(doc)).toEqual([]);
    expect(deleteDevelopment(doc, flex.id)).toBe(false);
  });
});

describe('theme votes', () => {
  it('gives at most one vote per item and dotsPerPerson in all, only while open', () => {
    const doc = new Y.Doc();
    expect(castThemeVote(doc, config, 'anna', 'werken', { ...vote, open: false })).toBe(false);
    expect(castThemeVote(doc, config, 'anna', 'werken', vote)).toBe(true);
    expect(castThemeVote(doc, config, 'anna', 'werken', vote)).toBe(false);
    expect(castThemeVote(doc, config, 'anna', 'onbekend', vote)).toBe(false);
    expect(castThemeVote(doc, config, 'anna', 'deelauto', vote)).toBe(true);
    expect(themeVotesLeft(doc, config, 'anna', vote)).toBe(0);
    expect(castThemeVote(doc, config, 'anna', 'vervoeren', vote)).toBe(false);
    expect(withdrawThemeVote(doc, 'anna', 'werken', vote)).toBe(true);
    expect(themeVotesLeft(doc, config, 'anna', vote)).toBe(1);
    const oneTrend = { ...vote, sectionKey: 'vervoeren' };
    expect(castThemeVote(doc, config, 'bram', 'werken', oneTrend)).toBe(false);
    expect(castThemeVote(doc, config, 'bram', 'vervoeren', oneTrend)).toBe(true);
  });
});

describe('chosen themes', () => {
  it('keeps at most themeCount, in order, and moves them one place at a time', () => {
    const doc = new Y.Doc();
    const pick = (itemKey: string, trendKey: string) =>
      chooseTheme(doc, config, { itemKey, trendKey, title: itemKey });
    expect(pick('werken', 'werken')).toBe(true);
    expect(pick('werken', 'werken')).toBe(false);
    expect(pick('deelauto', 'vervoeren')).toBe(true);
    expect(pick('vervoeren', 'vervoeren')).toBe(false);
    expect(readChosen(doc).map((c) => [c.itemKey, c.position])).toEqual([
      ['werken', 0],
      ['deelauto', 1],
    ]);
    expect(moveChosenTheme(doc, 'deelauto', 'up')).toBe(true);
    expect(moveChosenTheme(doc, 'deelauto', 'up')).toBe(false);
    expect(readChosen(doc).map((c) => c.itemKey)).toEqual(['deelauto', 'werken']);
  });
});

describe('summariseTrendscan', () => {
  it('ranks overall and per place; only people with scores of existing items count', () => {
    const doc = new Y.Doc();
    setRespondentPlace(doc, 'anna', PLACE_A);
    setRespondentPlace(doc, 'bram', PLACE_B);
    setRespondentPlace(doc, 'dirk', PLACE_B);
    setScore(doc, 'anna', 'werken', { relevance: 5, impact: 4, uncertainty: 2 });
    setScore(doc, 'bram', 'werken', { relevance: 1 });
    setScore(doc, 'bram', 'vervoeren', { relevance: 4 });
    setScore(doc, 'cas', 'vervoeren', { comment: 'Alleen een opmerking' });
    doc.getMap(trendscanRoots.scores).set(personItemKey('dirk', 'onbekend'), { relevance: 5 });

    const results = summariseTrendscan(doc, config);
    expect(results.respondents).toBe(2);
    expect(results.ranking.map((r) => [r.itemKey, r.rank])).toEqual([
      ['vervoeren', 1],
      ['werken', 2],
      ['circulair', null],
      ['deelauto', null],
    ]);
    expect(results.ranking[1]?.quadrant).toBe('act-now');
    expect(results.perPlace.map((p) => [p.placeId, p.respondents])).toEqual([
      [PLACE_A, 1],
      [PLACE_B, 1],
      [null, 0],
    ]);
    const placeB = results.perPlace.find((p) => p.placeId === PLACE_B);
    expect(placeB?.ranking[0]).toMatchObject({ itemKey: 'vervoeren', rank: 1 });
  });
});
