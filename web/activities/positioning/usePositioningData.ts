// What the positioning views read from the live document, recomputed after every change.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  analyseDocument,
  readAgreements,
  readRoles,
} from '../../../common/activities/positioning.doc.ts';
import {
  summarisePositioning,
  type PositioningAnalysis,
  type PositioningOverlap,
  type SummaryPhrases,
} from '../../../common/activities/positioning.overlap.ts';
import type {
  AgreementValue,
  PositioningConfig,
  RoleValue,
} from '../../../common/activities/positioning.ts';
import type { Lab } from '../../../common/labs.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';

export interface PositioningData {
  roles: RoleValue[];
  agreements: AgreementValue[];
  analysis: PositioningAnalysis;
  overlapsByKey: Map<string, PositioningOverlap>;
  /** One sentence per programme, in the interface language. */
  summary: string[];
  /** The name of a place of the lab, or a stand-in for one the lab no longer has. */
  placeName: (placeId: string) => string;
  programmeLabel: (key: string) => string;
}

/** The summary's words in the interface language (common/ holds only the Dutch ones). */
function useSummaryPhrases(): SummaryPhrases {
  const { t, i18n } = useTranslation('positioning');
  return useMemo(
    () => ({
      locale: i18n.language === 'en' ? 'en' : 'nl',
      empty: (programme) => t('summary.empty', { programme }),
      onePlace: (programme, place, roles) => t('summary.onePlace', { programme, place, roles }),
      complementary: (programme, places) => t('summary.complementary', { programme, places }),
      overlapClause: (places, count, role, verdict) => {
        const clause = t(count === 2 ? 'summary.clauseTwo' : 'summary.clauseMany', {
          places,
          count,
          role,
        });
        return verdict === 'open' ? clause : `${clause} ${t(`summary.verdicts.${verdict}`)}`;
      },
      overlap: (programme, clauses, hasOwnRoles) =>
        t(hasOwnRoles ? 'summary.overlapWithOwn' : 'summary.overlap', { programme, clauses }),
    }),
    [t, i18n.language],
  );
}

/** Reads roles, verdicts and agreements from `doc` and works out overlaps and the summary. */
export function usePositioningData(
  doc: Y.Doc,
  config: PositioningConfig,
  lab: Lab,
): PositioningData {
  const { t } = useTranslation('positioning');
  const version = useDocVersion(doc);
  const phrases = useSummaryPhrases();
  return useMemo(() => {
    const names = new Map(lab.places.map((place) => [place.id, place.name]));
    const labels = new Map(config.programmes.map((p) => [p.key, p.label]));
    const placeName = (placeId: string) => names.get(placeId) ?? t('places.unknownPlace');
    const analysis = analyseDocument(doc, config);
    return {
      roles: readRoles(doc),
      agreements: readAgreements(doc),
      analysis,
      overlapsByKey: new Map(analysis.overlaps.map((o) => [o.key, o])),
      summary: summarisePositioning(analysis, placeName, phrases),
      placeName,
      programmeLabel: (key: string) => labels.get(key) ?? key,
    };
    // The version is what changes when the document does; the doc object stays the same.
  }, [doc, version, config, lab.places, phrases, t]);
}
