// The impact × uncertainty matrix: an SVG scatter with labelled quadrants, and the same data as
// a table (the chart is a picture for those who can see it; the table is the way to read it).
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
import { SCALE_MIDPOINT } from '../../../../common/activities/trendscan.ts';
import {
  matrixQuadrants,
  type MatrixQuadrant,
  type TrendItemResult,
} from '../../../../common/synthesis.ts';
import { formatNumber } from '../../../i18n/i18n.ts';
import { matrixPoint, plottedItems, spreadPoints, type MatrixFrame } from '../trendscanModel.ts';
import { formatScore } from './chartFormat.ts';

const VIEW = 420;
const FRAME: MatrixFrame = { left: 56, top: 16, size: 340 };
const MARKER_RADIUS = 11;

/** Where each quadrant's label sits, and how it is aligned (never relying on colour). */
const quadrantLabels: Record<
  Exclude<MatrixQuadrant, 'unscored'>,
  { x: number; y: number; anchor: 'start' | 'end' }
> = {
  'act-now': { x: FRAME.left + 6, y: FRAME.top + 16, anchor: 'start' },
  'scenario-axis': { x: FRAME.left + FRAME.size - 6, y: FRAME.top + 16, anchor: 'end' },
  background: { x: FRAME.left + 6, y: FRAME.top + FRAME.size - 8, anchor: 'start' },
  watch: { x: FRAME.left + FRAME.size - 6, y: FRAME.top + FRAME.size - 8, anchor: 'end' },
};

/**
 * Plots every item with an impact and an uncertainty mean; each marker carries the item's number
 * in `results` (1 = first listed), which the table beside it repeats with the quadrant in words.
 */
export function TrendMatrix({
  results,
  size = 'normal',
}: {
  results: readonly TrendItemResult[];
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('trendscan');
  const numbers = new Map(results.map((result, index) => [result.itemKey, index + 1]));
  const plotted = plottedItems(results);
  const points = spreadPoints(
    plotted.map((item) => matrixPoint(item.impactMean, item.uncertaintyMean, FRAME)),
    MARKER_RADIUS * 2 + 2,
  );
  const middle = matrixPoint(SCALE_MIDPOINT, SCALE_MIDPOINT, FRAME);
  const ticks = [1, 2, 3, 4, 5];
  const byQuadrant = [...results].sort(
    (a, b) =>
      matrixQuadrants.indexOf(a.quadrant) - matrixQuadrants.indexOf(b.quadrant) ||
      (numbers.get(a.itemKey) ?? 0) - (numbers.get(b.itemKey) ?? 0),
  );

  return (
    <div className={`stadshart-trendscan-matrix stadshart-trendscan-matrix--${size}`}>
      <Paragraph>
        {t('matrix.intro')} {t('matrix.midpoint')}
      </Paragraph>
      <svg
        className="stadshart-trendscan-chart"
        viewBox={`0 0 ${VIEW} ${VIEW}`}
        role="img"
        aria-label={t('matrix.chartLabel')}
      >
        <g aria-hidden="true">
          <rect
            className="stadshart-trendscan-matrix__frame"
            x={FRAME.left}
            y={FRAME.top}
            width={FRAME.size}
            height={FRAME.size}
          />
          <rect
            className="stadshart-trendscan-matrix__zone"
            x={FRAME.left}
            y={FRAME.top}
            width={middle.x - FRAME.left}
            height={middle.y - FRAME.top}
          />
          <rect
            className="stadshart-trendscan-matrix__zone stadshart-trendscan-matrix__zone--strong"
            x={middle.x}
            y={FRAME.top}
            width={FRAME.left + FRAME.size - middle.x}
            height={middle.y - FRAME.top}
          />
          <line
            className="stadshart-trendscan-matrix__midline"
            x1={middle.x}
            y1={FRAME.top}
            x2={middle.x}
            y2={FRAME.top + FRAME.size}
          />
          <line
            className="stadshart-trendscan-matrix__midline"
            x1={FRAME.left}
            y1={middle.y}
            x2={FRAME.left + FRAME.size}
            y2={middle.y}
          />
          {ticks.map((tick) => {
            const at = matrixPoint(tick, tick, FRAME);
            return (
              <g key={tick} className="stadshart-trendscan-chart__tick">
                <text x={at.x} y={FRAME.top + FRAME.size + 18} textAnchor="middle">
                  {formatNumber(tick)}
                </text>
                <text x={FRAME.left - 10} y={at.y + 5} textAnchor="end">
                  {formatNumber(tick)}
                </text>
              </g>
            );
          })}
          <text
            className="stadshart-trendscan-chart__axis"
            x={FRAME.left + FRAME.size / 2}
            y={VIEW - 4}
            textAnchor="middle"
          >
            {t('matrix.xAxis')} →
          </text>
          <text
            className="stadshart-trendscan-chart__axis"
            transform={`translate(16 ${FRAME.top + FRAME.size / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {t('matrix.yAxis')} →
          </text>
          {Object.entries(quadrantLabels).map(([quadrant, label]) => (
            <text
              key={quadrant}
              className="stadshart-trendscan-matrix__label"
              x={label.x}
              y={label.y}
              textAnchor={label.anchor}
            >
              {t(`matrix.quadrants.${quadrant}`)}
            </text>
          ))}
          {plotted.map((item, index) => {
            const point = points[index];
            if (!point) return null;
            return (
              <g key={item.itemKey} className="stadshart-trendscan-matrix__marker">
                <circle cx={point.x} cy={point.y} r={MARKER_RADIUS} />
                <text x={point.x} y={point.y + 4} textAnchor="middle">
                  {formatNumber(numbers.get(item.itemKey) ?? 0)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      {plotted.length === 0 && <Paragraph>{t('matrix.empty')}</Paragraph>}
      <div className="stadshart-trendscan-table">
        <Table>
          <TableCaption>{t('matrix.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col" numericColumn>
                {t('matrix.number')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('ranking.item')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('matrix.quadrant')}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('matrix.impact')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('matrix.uncertainty')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {byQuadrant.map((result) => (
              <TableRow key={result.itemKey}>
                <TableCell numericColumn>
                  {formatNumber(numbers.get(result.itemKey) ?? 0)}
                </TableCell>
                <TableHeaderCell scope="row">{result.title}</TableHeaderCell>
                <TableCell>
                  {t(`matrix.quadrants.${result.quadrant}`)}
                  <span className="stadshart-trendscan-matrix__hint">
                    {t(`matrix.quadrantHints.${result.quadrant}`)}
                  </span>
                </TableCell>
                <TableCell numericColumn>{formatScore(result.impact.mean)}</TableCell>
                <TableCell numericColumn>{formatScore(result.uncertainty.mean)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
