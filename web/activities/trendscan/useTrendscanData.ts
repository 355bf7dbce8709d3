// Everything a trend scan view reads from its live document, re-read after every change.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { VoteState } from '../../../common/activities/control.ts';
import {
  readChosen,
  readDevelopments,
  readItems,
  readRespondents,
  readScores,
  readThemeVotes,
  summariseTrendscan,
  tallyThemeVotes,
  themeVotesLeft,
  type ChosenTheme,
  type TrendscanResults,
} from '../../../common/activities/trendscan.doc.ts';
import {
  scoreCriteria,
  trendsOf,
  type DevelopmentValue,
  type RespondentValue,
  type ScanItem,
  type ScanTrend,
  type ScoreValue,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';

export interface TrendscanData {
  items: ScanItem[];
  trends: ScanTrend[];
  developments: DevelopmentValue[];
  /** The viewer's own place choice; undefined before they chose. */
  myPlace: RespondentValue | undefined;
  /** People with at least one score (any criterion) of an existing item. */
  respondentCount: number;
  /** The viewer's own scores by item key. */
  myScores: ReadonlyMap<string, ScoreValue>;
  /** Theme votes per item key (existing items only), and the items the viewer voted for. */
  tally: ReadonlyMap<string, number>;
  myVotes: ReadonlySet<string>;
  votesLeft: number;
  chosen: ChosenTheme[];
  /** The statistics; null unless asked for (they read every score). */
  results: TrendscanResults | null;
}

/** Reads the scan for `participantId`; computes the statistics only when `withResults` is true. */
export function useTrendscanData(
  doc: Y.Doc,
  config: TrendscanConfig,
  participantId: string,
  vote: VoteState | null,
  withResults: boolean,
): TrendscanData {
  const version = useDocVersion(doc);
  const base = useMemo(() => {
    const developments = readDevelopments(doc);
    const items = readItems(doc, config);
    const existing = new Set(items.map((item) => item.itemKey));
    const myScores = new Map<string, ScoreValue>();
    const scorers = new Set<string>();
    for (const entry of readScores(doc)) {
      if (!existing.has(entry.itemKey)) continue;
      if (entry.participantId === participantId) myScores.set(entry.itemKey, entry);
      if (scoreCriteria.some((criterion) => entry[criterion] !== undefined)) {
        scorers.add(entry.participantId);
      }
    }
    const votes = readThemeVotes(doc);
    return {
      items,
      trends: trendsOf(config),
      developments,
      myPlace: readRespondents(doc).get(participantId),
      respondentCount: scorers.size,
      myScores,
      tally: tallyThemeVotes(votes, existing),
      myVotes: new Set(
        votes
          .filter((v) => v.participantId === participantId && existing.has(v.itemKey))
          .map((v) => v.itemKey),
      ),
      chosen: readChosen(doc),
    };
    // The version is what changes when the document does; the document object stays the same.
  }, [doc, config, participantId, version]);
  // The state is parsed afresh on every render, so the vote is followed by its values.
  const isOpen = vote?.open ?? false;
  const perPerson = vote?.dotsPerPerson ?? 0;
  const votesLeft = useMemo(
    () =>
      themeVotesLeft(doc, config, participantId, {
        open: isOpen,
        dotsPerPerson: perPerson,
        sectionKey: null,
        revealed: false,
      }),
    [doc, config, participantId, isOpen, perPerson, version],
  );
  const results = useMemo(
    () => (withResults ? summariseTrendscan(doc, config) : null),
    [doc, config, withResults, version],
  );
  return { ...base, votesLeft, results };
}
