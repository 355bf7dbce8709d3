// What every export of a report says in the same words: numbers, dates, the cover's facts and the
// numbers behind each chart. PDF, DOCX and Markdown all take their text from here, so one version
// reads the same in every format (docs/reports.md, "Exports").
import type { ChartData, ReportCover, ReportDocument } from '../../../../common/reports.ts';

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** The text for an empty cell or a value nobody gave; a dash reads better than "null". */
export const NO_VALUE = '–';

/** A number as Dutch readers write it (3,5 and 1.250); null and non-finite values as a dash. */
export function formatNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : numberFormat.format(value);
}

/** A table cell as text: strings as they are, numbers in Dutch notation, null as a dash. */
export function formatCell(value: string | number | null): string {
  return typeof value === 'number' || value === null ? formatNumber(value) : value;
}

/** A date-time as a Dutch date in Amsterdam time, e.g. "6 februari 2019". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** The cover's facts as label/value lines, in the order every format shows them. */
export function coverFacts(cover: ReportCover): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [];
  facts.push({ label: 'Organisatie', value: cover.orgName });
  if (cover.places.length > 0) facts.push({ label: 'Plaatsen', value: cover.places.join(', ') });
  if (cover.region) facts.push({ label: 'Regio', value: cover.region });
  if (cover.date) facts.push({ label: 'Datum', value: formatDate(cover.date) });
  if (cover.venue.trim() !== '') facts.push({ label: 'Locatie', value: cover.venue });
  if (cover.facilitators.length > 0) {
    facts.push({ label: 'Begeleiding', value: cover.facilitators.join(', ') });
  }
  facts.push({
    label: 'Deelnemers',
    value: `${formatNumber(cover.participantCount)}${cover.anonymous ? ' (anoniem)' : ''}`,
  });
  return facts;
}

/** The subtitle under the cover's title: which version this is and when it was made. */
export function versionLine(report: ReportDocument): string {
  const made = formatDate(report.generatedAt);
  return report.version === 0
    ? `Concept, gemaakt op ${made}`
    : `Versie ${formatNumber(report.version)}, gemaakt op ${made}`;
}

/** A chart's numbers as a table (text cells), the form Markdown and DOCX show and PDF adds. */
export function chartTable(data: ChartData): { columns: string[]; rows: string[][] } {
  switch (data.chart) {
    case 'bar':
      return {
        columns: ['Onderdeel', 'Waarde'],
        rows: data.bars.map((bar) => [bar.label, formatNumber(bar.value)]),
      };
    case 'matrix':
      return {
        columns: ['Onderdeel', data.xLabel, data.yLabel],
        rows: data.points.map((p) => [p.label, formatNumber(p.x), formatNumber(p.y)]),
      };
    case 'radar':
      return {
        columns: ['As', ...data.series.map((s) => s.label)],
        rows: data.axes.map((axis, i) => [
          axis,
          ...data.series.map((s) => formatNumber(s.values[i] ?? null)),
        ]),
      };
  }
}
