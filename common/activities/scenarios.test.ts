import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabTheme } from '../labs.ts';
import type { MatrixQuadrant, Synthesis, TrendItemResult } from '../synthesis.ts';
import {
  defaultScenariosConfig,
  judgeRobustness,
  parseVerdictKey,
  pickScenarioAxes,
  polesOf,
  quadrantKeys,
  ROBUST_MIN_QUADRANTS,
  scenariosConfig,
  verdictKey,
  type QuadrantKey,
} from './scenarios.ts';

const quadrant = fc.constantFrom<QuadrantKey>(...quadrantKeys);
const verdicts = fc.array(fc.tuple(quadrant, fc.boolean()), { maxLength: 8 });

describe('S20: the robust-action rule', () => {
  it('holds in its origin only without verdicts, and is then not robust', () => {
    expect(judgeRobustness('hl', [])).toEqual({ holdsIn: ['hl'], robust: false });
  });

  it('is robust in three of four and in all four, not in two', () => {
    expect(
      judgeRobustness('hh', [
        ['hl', true],
        ['lh', true],
      ]),
    ).toEqual({ holdsIn: ['hh', 'hl', 'lh'], robust: true });
    expect(
      judgeRobustness('ll', [
        ['hh', true],
        ['hl', true],
        ['lh', true],
      ]).robust,
    ).toBe(true);
    expect(
      judgeRobustness('hh', [
        ['hl', true],
        ['lh', false],
        ['ll', false],
      ]),
    ).toEqual({ holdsIn: ['hh', 'hl'], robust: false });
  });

  it('ignores a "does not hold" on the origin: the origin always holds', () => {
    expect(judgeRobustness('lh', [['lh', false]]).holdsIn).toEqual(['lh']);
  });

  it('counts a scenario once, even when it is said to hold twice', () => {
    expect(
      judgeRobustness('hh', [
        ['hl', true],
        ['hl', true],
        ['lh', true],
      ]).holdsIn,
    ).toEqual(['hh', 'hl', 'lh']);
  });

  it('property: the origin is always among holdsIn, and robust ⇔ |holdsIn| ≥ 3', () => {
    fc.assert(
      fc.property(quadrant, verdicts, (origin, given) => {
        const { holdsIn, robust } = judgeRobustness(origin, given);
        return holdsIn.includes(origin) && robust === holdsIn.length >= ROBUST_MIN_QUADRANTS;
      }),
    );
  });

  it('property: holdsIn is the origin plus exactly the scenarios said to hold, each once', () => {
    fc.assert(
      fc.property(quadrant, verdicts, (origin, given) => {
        const { holdsIn } = judgeRobustness(origin, given);
        const expected = new Set([origin, ...given.filter(([, h]) => h).map(([q]) => q)]);
        return holdsIn.length === expected.size && holdsIn.every((q) => expected.has(q));
      }),
    );
  });

  it('property: adding a "holds" verdict never makes a robust action non-robust', () => {
    fc.assert(
      fc.property(quadrant, verdicts, quadrant, (origin, given, extra) => {
        const before = judgeRobustness(origin, given);
        const after = judgeRobustness(origin, [...given, [extra, true]]);
        return (
          (!before.robust || after.robust) && before.holdsIn.every((q) => after.holdsIn.includes(q))
        );
      }),
    );
  });
});

describe('scenario keys and config', () => {
  it('names the poles of each scenario: first letter axis 1, second axis 2', () => {
    expect(polesOf('hl')).toEqual({ first: 'high', second: 'low' });
    expect(polesOf('lh')).toEqual({ first: 'low', second: 'high' });
  });

  it('round-trips verdict keys and refuses malformed ones', () => {
    expect(parseVerdictKey(verdictKey('a|b', 'll'))).toEqual({ actionId: 'a|b', quadrant: 'll' });
    expect(parseVerdictKey('abc')).toBeNull();
    expect(parseVerdictKey('|hh')).toBeNull();
    expect(parseVerdictKey('abc|xx')).toBeNull();
  });

  it('accepts the default config and refuses two axes with one key or an overlong pole', () => {
    const config = defaultScenariosConfig();
    expect(scenariosConfig.parse(config)).toEqual(config);
    const [first] = config.axes;
    expect(scenariosConfig.safeParse({ ...config, axes: [first, first] }).success).toBe(false);
    const long = { ...first, key: 'anders', high: 'x'.repeat(81) };
    const result = scenariosConfig.safeParse({ ...config, axes: [first, long] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['axes', 1, 'high']);
    expect(scenariosConfig.safeParse({ ...config, axes: [first] }).success).toBe(false);
  });
});

function stats(mean: number | null, n = 4) {
  return { n: mean === null ? 0 : n, mean, sd: null, q1: null, median: null, q3: null };
}

function item(
  itemKey: string,
  impact: number | null,
  uncertainty: number | null,
  matrix: MatrixQuadrant = 'scenario-axis',
  n = 4,
): TrendItemResult {
  return {
    itemKey,
    trendKey: `trend-${itemKey}`,
    title: `Titel ${itemKey}`,
    rank: 1,
    relevance: stats(3, n),
    impact: stats(impact, n),
    uncertainty: stats(uncertainty, n),
    quadrant: matrix,
  };
}

function synthesisWith(...rankings: TrendItemResult[][]): Pick<Synthesis, 'activities'> {
  return {
    activities: rankings.map((ranking, i) => ({
      kind: 'trendscan',
      activityId: `00000000-0000-4000-8000-00000000000${i}`,
      title: 'Trendscan',
      respondents: 4,
      ranking,
      perPlace: [],
      chosenThemes: [],
      trends: [],
      resultsHidden: false,
    })),
  };
}

const poles = (label: string) => ({ low: `Weinig ${label}`, high: `Veel ${label}` });

function theme(key: string, trendKey: string | null = null): LabTheme {
  return { key, label: `Thema ${key}`, trendKey, activityId: null };
}

describe('picking two axes from the synthesis', () => {
  it('takes the two scenario-axis items with the highest mean impact plus mean uncertainty', () => {
    const synthesis = synthesisWith([
      item('a', 4, 3.5),
      item('b', 5, 5, 'act-now'),
      item('c', 4.5, 4.5),
      item('d', 3.6, 3.8),
    ]);
    const axes = pickScenarioAxes(synthesis, [theme('z')], poles);
    expect(axes).toEqual([
      {
        key: 'c',
        label: 'Titel c',
        low: 'Weinig Titel c',
        high: 'Veel Titel c',
        source: { itemKey: 'c', trendKey: 'trend-c' },
      },
      {
        key: 'a',
        label: 'Titel a',
        low: 'Weinig Titel a',
        high: 'Veel Titel a',
        source: { itemKey: 'a', trendKey: 'trend-a' },
      },
    ]);
    expect(scenariosConfig.safeParse({ kind: 'scenarios', axes }).success).toBe(true);
  });

  it('counts an item scored in two trend scans once, and breaks ties by how many scored it', () => {
    const synthesis = synthesisWith(
      [item('a', 4, 4, 'scenario-axis', 3), item('b', 4, 4, 'scenario-axis', 6)],
      [item('a', 4, 4, 'scenario-axis', 2)],
    );
    expect(pickScenarioAxes(synthesis, [], poles)?.map((a) => a.key)).toEqual(['b', 'a']);
  });

  it("tops up from the lab's themes when fewer than two items qualify, skipping the same item", () => {
    const synthesis = synthesisWith([item('a', 4, 4), item('b', null, 5)]);
    const axes = pickScenarioAxes(synthesis, [theme('a', 'trend-a'), theme('t', 'werken')], poles);
    expect(axes?.map((a) => [a.key, a.source])).toEqual([
      ['a', { itemKey: 'a', trendKey: 'trend-a' }],
      ['t', { itemKey: 't', trendKey: 'werken' }],
    ]);
    const fromThemes = pickScenarioAxes(synthesisWith(), [theme('x'), theme('y')], poles);
    expect(fromThemes?.map((a) => [a.label, a.source])).toEqual([
      ['Thema x', null],
      ['Thema y', null],
    ]);
  });

  it('returns null when there are not two candidates', () => {
    expect(pickScenarioAxes(synthesisWith([item('a', 4, 4)]), [], poles)).toBeNull();
    expect(pickScenarioAxes(synthesisWith([item('a', 2, 2, 'background')]), [], poles)).toBeNull();
    expect(pickScenarioAxes({ activities: [] }, [theme('x')], poles)).toBeNull();
  });

  it('cuts long titles and poles to the lengths the config allows', () => {
    const long = { ...item('a', 5, 5), title: 'Lang '.repeat(40) };
    const axes = pickScenarioAxes(synthesisWith([long, item('b', 4, 4)]), [], poles);
    expect(axes?.[0].label.length).toBeLessThanOrEqual(80);
    expect(axes?.[0].high.length).toBeLessThanOrEqual(80);
    expect(scenariosConfig.safeParse({ kind: 'scenarios', axes }).success).toBe(true);
  });

  it('property: the two axes differ, come from qualifying items or themes, and fit the config', () => {
    const scored = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      impact: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
      uncertainty: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
      matrix: fc.constantFrom<MatrixQuadrant>('scenario-axis', 'act-now', 'watch'),
    });
    fc.assert(
      fc.property(
        fc.array(scored, { maxLength: 8 }),
        fc.uniqueArray(fc.constantFrom('a', 'x', 'y'), { maxLength: 3 }),
        (items, themeKeys) => {
          const synthesis = synthesisWith(
            items.map((s) => item(s.key, s.impact, s.uncertainty, s.matrix)),
          );
          const qualifying = new Set<string>(
            items
              .filter(
                (s) => s.matrix === 'scenario-axis' && s.impact !== null && s.uncertainty !== null,
              )
              .map((s) => s.key),
          );
          const axes = pickScenarioAxes(
            synthesis,
            themeKeys.map((k) => theme(k)),
            poles,
          );
          const available = new Set<string>([...qualifying, ...themeKeys]);
          if (available.size < 2) return axes === null;
          if (!axes) return false;
          const keys = axes.map((a) => a.key);
          return (
            keys[0] !== keys[1] &&
            keys.every((k) => available.has(k)) &&
            // Scored items always go before themes.
            (qualifying.size < 2 || keys.every((k) => qualifying.has(k))) &&
            scenariosConfig.safeParse({ kind: 'scenarios', axes }).success
          );
        },
      ),
    );
  });
});
