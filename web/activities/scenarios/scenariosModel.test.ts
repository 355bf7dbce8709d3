import { describe, expect, it } from 'vitest';
import { defaultScenariosConfig, quadrantKeys } from '../../../common/activities/scenarios.ts';
import { gridOrder, lowerFirst, polesFor } from './scenariosModel.ts';

describe('scenario screens', () => {
  it('lists each scenario once, top row first: axis 2 high above, axis 1 low on the left', () => {
    expect([...gridOrder].sort()).toEqual([...quadrantKeys].sort());
    expect(gridOrder).toEqual(['lh', 'hh', 'll', 'hl']);
  });

  it('names a scenario by the poles it takes, in axis order', () => {
    const config = defaultScenariosConfig();
    expect(polesFor(config, 'hl')).toEqual(['Veel digitalisering', 'Weinig circulair']);
    expect(polesFor(config, 'lh')).toEqual(['Weinig digitalisering', 'Sterk circulair']);
  });

  it('lower-cases a pole that continues the phrase, but not names or abbreviations', () => {
    expect(lowerFirst('Weinig circulair')).toBe('weinig circulair');
    expect(lowerFirst('IJmuiden als haven')).toBe('IJmuiden als haven');
    expect(lowerFirst('AI overal')).toBe('AI overal');
    expect(lowerFirst('Ééntje')).toBe('ééntje');
    expect(lowerFirst('x')).toBe('x');
    expect(lowerFirst('')).toBe('');
  });
});
