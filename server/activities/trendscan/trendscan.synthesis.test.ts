import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDevelopment, chooseTheme, setScore } from '../../../common/activities/trendscan.doc.ts';
import { trendscanConfig, type TrendscanConfig } from '../../../common/activities/trendscan.ts';
import { trendscanSynthesis } from '../../../common/synthesis.ts';
import { synthesiseTrendscan } from './trendscan.synthesis.ts';

const ACTIVITY = '33333333-3333-4333-8333-333333333333';
const config: TrendscanConfig = trendscanConfig.parse({
  kind: 'trendscan',
  items: [
    { key: 'werken', trendKey: 'werken', kind: 'trend', title: 'Anders werken' },
    { key: 'vervoeren', trendKey: 'vervoeren', kind: 'trend', title: 'Anders vervoeren' },
  ],
});
const target = {
  labId: '44444444-4444-4444-8444-444444444444',
  activityId: ACTIVITY,
  config,
  title: 'Trendscan',
  anonymous: true,
};

describe('synthesiseTrendscan', () => {
  it('gives the ranking, per place, the trends and the chosen themes of this activity, in the documented shape', () => {
    const doc = new Y.Doc();
    setScore(doc, 'anna', 'vervoeren', { relevance: 5, impact: 5, uncertainty: 5 });
    setScore(doc, 'bram', 'werken', { relevance: 2, comment: 'Bram zegt iets' });
    const flex = addDevelopment(doc, {
      trendKey: 'werken',
      title: 'Flexplekken',
      description: '',
      authorId: 'anna',
      authorName: 'Anna',
    });
    chooseTheme(doc, config, { itemKey: 'vervoeren', trendKey: 'vervoeren', title: 'Mobiliteit' });

    const part = synthesiseTrendscan(doc, target);
    expect(trendscanSynthesis.safeParse(part).success).toBe(true);
    if (part.kind !== 'trendscan') throw new Error('not a trend scan part');
    expect(part.respondents).toBe(2);
    expect(part.ranking.map((r) => r.itemKey)).toEqual(['vervoeren', 'werken', `new:${flex.id}`]);
    expect(part.ranking[0]?.quadrant).toBe('scenario-axis');
    expect(part.trends).toEqual([
      { key: 'werken', title: 'Anders werken' },
      { key: 'vervoeren', title: 'Anders vervoeren' },
    ]);
    expect(part.chosenThemes).toEqual([
      { key: 'vervoeren', label: 'Mobiliteit', trendKey: 'vervoeren', activityId: ACTIVITY },
    ]);
    // No names or comments leave the server in this part.
    expect(JSON.stringify(part)).not.toMatch(/Anna|Bram/);
  });
});
