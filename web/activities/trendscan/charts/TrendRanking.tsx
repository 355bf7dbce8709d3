// The trend scan's ranking as a table: mean relevance with a bar, the spread as sd and middle
// half, and a plain-words hint where the room disagrees most.
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
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { widestSpread } from '../../../../common/activities/trendscan.stats.ts';
import type { TrendItemResult } from '../../../../common/synthesis.ts';
import { formatNumber } from '../../../i18n/i18n.ts';
import { formatScore } from './chartFormat.ts';

/**
 * Shows `results` in their order (as rankItems gives them) with rank, trend, mean relevance,
 * spread and number of scores; `votes` adds a column of theme votes, `renderAction` a column of
 * buttons (e.g. "Kies als thema").
 */
export function TrendRanking({
  results,
  trendTitles,
  votes,
  renderAction,
  size = 'normal',
}: {
  results: readonly TrendItemResult[];
  /** Trend key → title, to name each item's trend. */
  trendTitles: ReadonlyMap<string, string>;
  votes?: ReadonlyMap<string, number>;
  renderAction?: (result: TrendItemResult) => ReactNode;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('trendscan');
  const hintId = useId();
  const widest = widestSpread(results);
  const isAnyScored = results.some((r) => r.relevance.n > 0);
  return (
    <div className={`stadshart-trendscan-ranking stadshart-trendscan-ranking--${size}`}>
      {isAnyScored && (
        <Paragraph>
          {widest
            ? t('ranking.disagree', { item: widest.title, sd: formatScore(widest.relevance.sd) })
            : t('ranking.agree')}
        </Paragraph>
      )}
      <Paragraph id={hintId} className="stadshart-trendscan-ranking__hint">
        {t('ranking.spreadHint')}
      </Paragraph>
      <div className="stadshart-trendscan-table">
        <Table aria-describedby={hintId}>
          <TableCaption>{t('ranking.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('ranking.rank')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('ranking.item')}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('ranking.mean')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('ranking.spread')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('ranking.iqr')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('ranking.n')}
              </TableHeaderCell>
              {votes && (
                <TableHeaderCell scope="col" numericColumn>
                  {t('ranking.votes')}
                </TableHeaderCell>
              )}
              {renderAction && <TableHeaderCell scope="col">{t('ranking.action')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map((result) => {
              const { relevance } = result;
              const trend = trendTitles.get(result.trendKey);
              return (
                <TableRow key={result.itemKey}>
                  <TableCell>
                    {result.rank === null ? t('ranking.unranked') : formatNumber(result.rank)}
                  </TableCell>
                  <TableHeaderCell scope="row">
                    <span className="stadshart-trendscan-ranking__title">{result.title}</span>
                    {trend && trend !== result.title && (
                      <span className="stadshart-trendscan-ranking__trend">{trend}</span>
                    )}
                  </TableHeaderCell>
                  <TableCell numericColumn>
                    <span className="stadshart-trendscan-ranking__mean">
                      {formatScore(relevance.mean)}
                    </span>
                    {relevance.mean !== null && (
                      <span className="stadshart-trendscan-bar" aria-hidden="true">
                        <span
                          className="stadshart-trendscan-bar__fill"
                          style={{ inlineSize: `${(relevance.mean / 5) * 100}%` }}
                        />
                      </span>
                    )}
                  </TableCell>
                  <TableCell numericColumn>{formatScore(relevance.sd)}</TableCell>
                  <TableCell numericColumn>
                    {relevance.q1 === null || relevance.q3 === null
                      ? '–'
                      : t('ranking.iqrValue', {
                          q1: formatScore(relevance.q1),
                          q3: formatScore(relevance.q3),
                        })}
                  </TableCell>
                  <TableCell numericColumn>{formatNumber(relevance.n)}</TableCell>
                  {votes && (
                    <TableCell numericColumn>
                      {formatNumber(votes.get(result.itemKey) ?? 0)}
                    </TableCell>
                  )}
                  {renderAction && <TableCell>{renderAction(result)}</TableCell>}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
