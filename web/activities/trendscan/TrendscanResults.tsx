// The live results of a trend scan: ranking, impact × uncertainty matrix, a radar per place and,
// in a regional lab, the places side by side. Used by the participant and presenter views.
import { Heading4, Heading5, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendscanResults as Results } from '../../../common/activities/trendscan.doc.ts';
import type { Lab } from '../../../common/labs.ts';
import type { TrendItemResult } from '../../../common/synthesis.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { TrendMatrix } from './charts/TrendMatrix.tsx';
import { TrendPlaceComparison } from './charts/TrendPlaceComparison.tsx';
import { TrendRadar } from './charts/TrendRadar.tsx';
import { TrendRanking } from './charts/TrendRanking.tsx';
import { namePlaces } from './trendscanModel.ts';

/** True when people in this lab score for their own place. */
export function isRegionalLab(lab: Lab): boolean {
  return lab.kind === 'regional' && lab.places.length > 0;
}

/** Shows `results` in full; `tally` adds theme votes to the ranking, `renderAction` a button column. */
export function TrendscanResults({
  lab,
  results,
  tally,
  renderAction,
  size = 'normal',
}: {
  lab: Lab;
  results: Results;
  tally?: ReadonlyMap<string, number>;
  renderAction?: (result: TrendItemResult) => ReactNode;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('trendscan');
  const trendTitles = new Map(results.trends.map((trend) => [trend.key, trend.title]));
  const places = isRegionalLab(lab)
    ? namePlaces(lab.places, results.perPlace, {
        noPlace: t('places.noPlace'),
        unknownPlace: t('places.unknownPlace'),
      })
    : [];

  return (
    <div className={`stadshart-trendscan-results stadshart-trendscan-results--${size}`}>
      <Paragraph>
        {results.respondents === 0
          ? t('results.none')
          : t('results.respondents', {
              count: results.respondents,
              formatted: formatNumber(results.respondents),
            })}
      </Paragraph>
      <section className="stadshart-trendscan-results__part">
        <Heading4>{t('ranking.title')}</Heading4>
        <TrendRanking
          results={results.ranking}
          trendTitles={trendTitles}
          votes={tally}
          renderAction={renderAction}
          size={size}
        />
      </section>
      <section className="stadshart-trendscan-results__part">
        <Heading4>{t('matrix.title')}</Heading4>
        <TrendMatrix results={results.ranking} size={size} />
      </section>
      <section className="stadshart-trendscan-results__part">
        <Heading4>{t('radar.title')}</Heading4>
        {places.length === 0 ? (
          <TrendRadar trends={results.trends} results={results.ranking} size={size} />
        ) : (
          <div className="stadshart-trendscan-radars">
            {places.map((place) => (
              <div key={place.placeId ?? 'none'}>
                <Heading5>{place.name}</Heading5>
                <TrendRadar
                  trends={results.trends}
                  results={place.ranking}
                  placeName={place.name}
                  size={size}
                />
              </div>
            ))}
          </div>
        )}
      </section>
      {places.length > 1 && (
        <section className="stadshart-trendscan-results__part">
          <Heading4>{t('places.title')}</Heading4>
          <TrendPlaceComparison trends={results.trends} places={places} />
        </section>
      )}
    </div>
  );
}
