// What leaves the server about the trend catalogue: never a raw row.
import type { Development, Trend, TrendCatalogue } from '../../../common/trends.ts';
import type { DevelopmentRow, TrendRow } from './trends.repo.ts';

/** One development as the API shows it. */
export function presentDevelopment(row: DevelopmentRow): Development {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    description: row.description,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

/** One trend with those of `developments` that belong to it, in the order given. */
export function presentTrend(row: TrendRow, developments: readonly DevelopmentRow[]): Trend {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    description: row.description,
    position: row.position,
    archived: row.archivedAt !== null,
    developments: developments
      .filter((development) => development.trendId === row.id)
      .map(presentDevelopment),
  };
}

/** The catalogue: each trend with its developments, both in the order given. */
export function presentCatalogue(
  trends: readonly TrendRow[],
  developments: readonly DevelopmentRow[],
): TrendCatalogue {
  return { trends: trends.map((row) => presentTrend(row, developments)) };
}
