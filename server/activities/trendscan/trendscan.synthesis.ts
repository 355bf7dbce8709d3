// The trend scan part of a lab's synthesis (common/synthesis.ts): read straight from the document.
import type * as Y from 'yjs';
import { readChosen, summariseTrendscan } from '../../../common/activities/trendscan.doc.ts';
import type { ActivitySynthesis } from '../../../common/synthesis.ts';
import type { SynthesisTarget } from '../registry.types.ts';

/**
 * Summarises a trend scan: the ranking by mean relevance with spread and matrix quadrant, overall
 * and per place, the trends (the radar's axes) and the chosen themes in their order. No names or
 * comments leave the server here. Pure.
 */
export function synthesiseTrendscan(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis {
  const config = target.config;
  if (config.kind !== 'trendscan') {
    throw new Error(`activity ${target.activityId} is not a trend scan`);
  }
  const results = summariseTrendscan(doc, config);
  return {
    kind: 'trendscan',
    activityId: target.activityId,
    title: target.title,
    respondents: results.respondents,
    ranking: results.ranking,
    perPlace: results.perPlace,
    chosenThemes: readChosen(doc).map((theme) => ({
      key: theme.itemKey,
      label: theme.label,
      trendKey: theme.trendKey,
      activityId: target.activityId,
    })),
    trends: results.trends,
    resultsHidden: false,
  };
}
