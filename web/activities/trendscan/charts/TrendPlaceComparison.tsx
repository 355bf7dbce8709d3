// The places of a regional lab side by side: mean relevance per trend and place, as a table.
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ScanTrend } from '../../../../common/activities/trendscan.ts';
import { trendAxes } from '../../../../common/activities/trendscan.stats.ts';
import type { TrendItemResult } from '../../../../common/synthesis.ts';
import { formatNumber } from '../../../i18n/i18n.ts';
import type { NamedPlaceResults } from '../trendscanModel.ts';
import { formatScore } from './chartFormat.ts';

/** One place's results, named for display (see namePlaces in trendscanModel.ts). */
export type PlaceResults = NamedPlaceResults<readonly TrendItemResult[]>;

/** A table with one row per trend and one column per place: the mean relevance ("–" when unscored). */
export function TrendPlaceComparison({
  trends,
  places,
}: {
  trends: readonly ScanTrend[];
  places: readonly PlaceResults[];
}) {
  const { t } = useTranslation('trendscan');
  const columns = places.map((place) => ({
    place,
    axes: new Map(trendAxes(trends, place.ranking).map((axis) => [axis.key, axis])),
  }));
  return (
    <div className="stadshart-trendscan-table">
      <Table>
        <TableCaption>{t('places.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('places.trend')}</TableHeaderCell>
            {columns.map(({ place }) => (
              <TableHeaderCell key={place.placeId ?? 'none'} scope="col" numericColumn>
                {t('places.respondents', {
                  place: place.name,
                  count: place.respondents,
                  formatted: formatNumber(place.respondents),
                })}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {trends.map((trend) => (
            <TableRow key={trend.key}>
              <TableHeaderCell scope="row">{trend.title}</TableHeaderCell>
              {columns.map(({ place, axes }) => (
                <TableCell key={place.placeId ?? 'none'} numericColumn>
                  {formatScore(axes.get(trend.key)?.mean ?? null)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
