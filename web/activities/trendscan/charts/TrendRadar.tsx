// A radar of mean relevance per trend (one axis per trend), with the same numbers as a table.
import {
  Paragraph,
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
import { radarPoint, type Point } from '../trendscanModel.ts';
import { formatScore } from './chartFormat.ts';

const VIEW_WIDTH = 640;
const VIEW_HEIGHT = 400;
const CENTRE: Point = { x: VIEW_WIDTH / 2, y: VIEW_HEIGHT / 2 };
const RADIUS = 140;
const RINGS = [1, 2, 3, 4, 5];
/** A radar needs at least three axes to be a shape; with fewer, the table says it all. */
const MIN_AXES = 3;

function toPath(points: readonly Point[]): string {
  return points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/**
 * Draws the mean relevance of each trend (all scores of its items pooled) of `results`, for one
 * place when `placeName` is given; trends nobody scored sit at the centre and read "–" in the table.
 */
export function TrendRadar({
  trends,
  results,
  placeName = null,
  size = 'normal',
}: {
  trends: readonly ScanTrend[];
  results: readonly TrendItemResult[];
  placeName?: string | null;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('trendscan');
  const axes = trendAxes(trends, results);
  const suffix = placeName ? t('radar.placeSuffix', { place: placeName }) : '';
  const isDrawn = axes.length >= MIN_AXES;
  const points = axes.map((axis, index) =>
    radarPoint(index, axes.length, axis.mean ?? 0, RADIUS, CENTRE),
  );

  return (
    <div className={`stadshart-trendscan-radar stadshart-trendscan-radar--${size}`}>
      {isDrawn ? (
        <svg
          className="stadshart-trendscan-chart"
          viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
          role="img"
          aria-label={t('radar.chartLabel', { suffix })}
        >
          <g aria-hidden="true">
            {RINGS.map((ring) => (
              <polygon
                key={ring}
                className="stadshart-trendscan-radar__ring"
                points={toPath(
                  axes.map((_, index) => radarPoint(index, axes.length, ring, RADIUS, CENTRE)),
                )}
              />
            ))}
            {axes.map((axis, index) => {
              const end = radarPoint(index, axes.length, 5, RADIUS, CENTRE);
              const label = radarPoint(index, axes.length, 5.6, RADIUS, CENTRE);
              const anchor =
                Math.abs(label.x - CENTRE.x) < 4 ? 'middle' : label.x > CENTRE.x ? 'start' : 'end';
              return (
                <g key={axis.key}>
                  <line
                    className="stadshart-trendscan-radar__spoke"
                    x1={CENTRE.x}
                    y1={CENTRE.y}
                    x2={end.x}
                    y2={end.y}
                  />
                  <text
                    className="stadshart-trendscan-chart__axis"
                    x={label.x}
                    y={label.y + 5}
                    textAnchor={anchor}
                  >
                    {axis.title}
                  </text>
                </g>
              );
            })}
            <polygon className="stadshart-trendscan-radar__shape" points={toPath(points)} />
            {axes.map((axis, index) => {
              const point = points[index];
              if (!point || axis.mean === null) return null;
              return (
                <circle
                  key={axis.key}
                  className="stadshart-trendscan-radar__point"
                  cx={point.x}
                  cy={point.y}
                  r={5}
                />
              );
            })}
          </g>
        </svg>
      ) : (
        <Paragraph>{t('radar.tooFew')}</Paragraph>
      )}
      <div className="stadshart-trendscan-table">
        <Table>
          <TableCaption>{t('radar.caption', { suffix })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('radar.trend')}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('radar.mean')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('radar.n')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {axes.map((axis) => (
              <TableRow key={axis.key}>
                <TableHeaderCell scope="row">{axis.title}</TableHeaderCell>
                <TableCell numericColumn>{formatScore(axis.mean)}</TableCell>
                <TableCell numericColumn>{formatNumber(axis.n)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
