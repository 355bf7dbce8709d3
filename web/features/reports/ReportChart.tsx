// A chart block of a report: an SVG drawn here (bar, matrix or radar) that screen readers meet as
// one image described by the block's alt text, with every number again in a table beside it.
// Colours are SVG attributes (the page's CSP refuses inline styles) and never the only cue:
// points carry numbers, series differ in line pattern, and the table says it all.
import { Figure, FigureCaption, TableCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ChartData, ReportBlock } from '../../../common/reports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { formatNumber } from '../../i18n/i18n.ts';

type ChartBlock = Extract<ReportBlock, { type: 'chart' }>;

const INK = '#1f1f1f';
const GRID = '#9a9a9a';
const SERIES = [
  { colour: '#1d5b8f', dash: undefined },
  { colour: '#8a3b12', dash: '8 4' },
  { colour: '#2f6b2f', dash: '2 4' },
  { colour: '#5b3c88', dash: '12 4 2 4' },
] as const;

/** Where `value` falls between `min` and `max`, clamped to 0–1 (a flat scale counts as 0). */
export function scaleShare(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

function seriesStyle(index: number) {
  return SERIES[index % SERIES.length] ?? SERIES[0];
}

function Value({ value }: { value: number | null }) {
  const { t } = useTranslation('reports');
  if (value === null) return <NoValue label={t('chart.noValue')} />;
  return <>{formatNumber(value, { maximumFractionDigits: 2 })}</>;
}

function BarSvg({ data, alt }: { data: Extract<ChartData, { chart: 'bar' }>; alt: string }) {
  const labelWidth = 220;
  const plotWidth = 360;
  const rowHeight = 30;
  const height = data.bars.length * rowHeight + 20;
  return (
    <svg
      className="stadshart-trendscan-chart"
      viewBox={`0 0 ${labelWidth + plotWidth + 70} ${height}`}
      role="img"
      aria-label={alt}
    >
      <g aria-hidden="true" fill={INK}>
        <line x1={labelWidth} y1={4} x2={labelWidth} y2={height - 10} stroke={INK} />
        {data.bars.map((bar, index) => {
          const y = 10 + index * rowHeight;
          const width =
            bar.value === null ? 0 : scaleShare(bar.value, data.min, data.max) * plotWidth;
          return (
            <g key={index}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 2}
                width={width}
                height={rowHeight - 10}
                fill={SERIES[0].colour}
              />
              <text x={labelWidth + width + 6} y={y + 15}>
                {bar.value === null ? '–' : formatNumber(bar.value, { maximumFractionDigits: 1 })}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

function MatrixSvg({ data, alt }: { data: Extract<ChartData, { chart: 'matrix' }>; alt: string }) {
  const left = 60;
  const top = 20;
  const size = 360;
  const at = (value: number) => scaleShare(value, data.min, data.max) * size;
  const split = at(data.split);
  return (
    <svg
      className="stadshart-trendscan-chart"
      viewBox={`0 0 ${left + size + 30} ${top + size + 60}`}
      role="img"
      aria-label={alt}
    >
      <g aria-hidden="true" fill={INK}>
        <rect x={left} y={top} width={size} height={size} fill="#fff" stroke={INK} />
        <line
          x1={left + split}
          y1={top}
          x2={left + split}
          y2={top + size}
          stroke={INK}
          strokeDasharray="6 4"
        />
        <line
          x1={left}
          y1={top + size - split}
          x2={left + size}
          y2={top + size - split}
          stroke={INK}
          strokeDasharray="6 4"
        />
        <text x={left + size / 2} y={top + size + 40} textAnchor="middle" fontWeight="700">
          {data.xLabel}
        </text>
        <text
          x={20}
          y={top + size / 2}
          textAnchor="middle"
          fontWeight="700"
          transform={`rotate(-90 20 ${top + size / 2})`}
        >
          {data.yLabel}
        </text>
        {data.points.map((point, index) => {
          if (point.x === null || point.y === null) return null;
          const cx = left + at(point.x);
          const cy = top + size - at(point.y);
          return (
            <g key={index}>
              <circle cx={cx} cy={cy} r={11} fill={SERIES[0].colour} stroke="#000" />
              <text
                x={cx}
                y={cy + 4}
                textAnchor="middle"
                fill="#fff"
                fontSize="11"
                fontWeight="700"
              >
                {index + 1}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

function radarPoint(index: number, count: number, share: number, radius: number, centre: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return {
    x: centre + Math.cos(angle) * radius * share,
    y: centre + Math.sin(angle) * radius * share,
  };
}

function RadarSvg({ data, alt }: { data: Extract<ChartData, { chart: 'radar' }>; alt: string }) {
  const view = 440;
  const centre = view / 2;
  const radius = 140;
  const count = data.axes.length;
  const path = (shares: readonly number[]) =>
    shares
      .map((share, index) => radarPoint(index, count, share, radius, centre))
      .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(' ');
  return (
    <svg
      className="stadshart-trendscan-chart"
      viewBox={`0 0 ${view} ${view}`}
      role="img"
      aria-label={alt}
    >
      <g aria-hidden="true" fill={INK}>
        {[0.25, 0.5, 0.75, 1].map((ring) => (
          <polygon key={ring} points={path(data.axes.map(() => ring))} fill="none" stroke={GRID} />
        ))}
        {data.axes.map((axis, index) => {
          const end = radarPoint(index, count, 1, radius, centre);
          const label = radarPoint(index, count, 1.15, radius, centre);
          const anchor =
            Math.abs(label.x - centre) < 4 ? 'middle' : label.x > centre ? 'start' : 'end';
          return (
            <g key={index}>
              <line x1={centre} y1={centre} x2={end.x} y2={end.y} stroke={GRID} />
              <text x={label.x} y={label.y + 4} textAnchor={anchor} fontSize="12">
                {axis.length > 24 ? `${axis.slice(0, 23)}…` : axis}
              </text>
            </g>
          );
        })}
        {data.series.map((series, index) => {
          const style = seriesStyle(index);
          return (
            <polygon
              key={index}
              points={path(
                data.axes.map((_, axis) =>
                  scaleShare(series.values[axis] ?? data.min, data.min, data.max),
                ),
              )}
              fill="none"
              stroke={style.colour}
              strokeWidth={3}
              strokeDasharray={style.dash}
            />
          );
        })}
      </g>
    </svg>
  );
}

function ChartTable({ block }: { block: ChartBlock }) {
  const { t } = useTranslation('reports');
  const caption = t('chart.tableCaption', { caption: block.caption });
  const { data } = block;
  if (data.chart === 'bar') {
    return (
      <DataTable caption={caption} columns={[t('chart.item'), t('chart.value')]}>
        {data.bars.map((bar, index) => (
          <TableRow key={index}>
            <TableCell>{bar.label}</TableCell>
            <TableCell>
              <Value value={bar.value} />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    );
  }
  if (data.chart === 'matrix') {
    return (
      <DataTable
        caption={caption}
        columns={[t('chart.number'), t('chart.item'), data.xLabel, data.yLabel]}
      >
        {data.points.map((point, index) => (
          <TableRow key={index}>
            <TableCell>{index + 1}</TableCell>
            <TableCell>{point.label}</TableCell>
            <TableCell>
              <Value value={point.x} />
            </TableCell>
            <TableCell>
              <Value value={point.y} />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    );
  }
  return (
    <DataTable
      caption={caption}
      columns={[t('chart.axis'), ...data.series.map((series) => series.label)]}
    >
      {data.axes.map((axis, index) => (
        <TableRow key={index}>
          <TableCell>{axis}</TableCell>
          {data.series.map((series, seriesIndex) => (
            <TableCell key={seriesIndex}>
              <Value value={series.values[index] ?? null} />
            </TableCell>
          ))}
        </TableRow>
      ))}
    </DataTable>
  );
}

/** Draws a chart block with its caption, and the same numbers as a table. */
export function ReportChart({ block }: { block: ChartBlock }) {
  const { data } = block;
  // A radar with fewer than three axes is no shape; the table alone says it better.
  const isDrawable = data.chart !== 'radar' || data.axes.length >= 3;
  return (
    <Figure className="stadshart-report-chart">
      <FigureCaption>{block.caption}</FigureCaption>
      {isDrawable && data.chart === 'bar' && <BarSvg data={data} alt={block.alt} />}
      {isDrawable && data.chart === 'matrix' && <MatrixSvg data={data} alt={block.alt} />}
      {isDrawable && data.chart === 'radar' && <RadarSvg data={data} alt={block.alt} />}
      <div className="stadshart-trendscan-table">
        <ChartTable block={block} />
      </div>
    </Figure>
  );
}
