// Poll results as bars with their numbers in text, or a word cloud with counts for screen readers.
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { PollConfig, PollResults as Results } from '../../../common/activities/poll.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { percentOf, wordLevel } from './pollModel.ts';

interface Bar {
  key: string;
  label: string;
  count: number;
}

function Bars({
  bars,
  respondents,
  label,
}: {
  bars: readonly Bar[];
  respondents: number;
  label: string;
}) {
  const { t } = useTranslation('activities');
  // Bars are scaled to the largest count, so a small poll still shows its differences.
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <ul className="stadshart-bars" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="stadshart-bars__item">
          <span className="stadshart-bars__label">{bar.label}</span>
          <span className="stadshart-bars__value">
            {t('poll.results.count', {
              count: bar.count,
              formatted: formatNumber(bar.count),
              percent: formatNumber(percentOf(bar.count, respondents)),
            })}
          </span>
          <span className="stadshart-bars__track" aria-hidden="true">
            <span
              className="stadshart-bars__bar"
              style={{ inlineSize: `${(bar.count / largest) * 100}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Shows a summary from summarisePoll: how many answered, then bars or the word cloud. */
export function PollResults({
  config,
  results,
  size = 'normal',
}: {
  config: PollConfig;
  results: Results;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('activities');
  const maxCount = results.words[0]?.count ?? 0;
  return (
    <div className={`stadshart-poll-results stadshart-poll-results--${size}`}>
      <Paragraph>
        {t('poll.results.respondents', {
          count: results.respondents,
          formatted: formatNumber(results.respondents),
        })}
      </Paragraph>
      {(config.type === 'single' || config.type === 'multiple') && (
        <Bars
          bars={results.counts}
          respondents={results.respondents}
          label={t('poll.results.label')}
        />
      )}
      {config.type === 'scale' && (
        <>
          <Bars
            bars={results.scale.map((entry) => ({
              key: String(entry.value),
              label: scaleLabel(config, entry.value),
              count: entry.count,
            }))}
            respondents={results.respondents}
            label={t('poll.results.label')}
          />
          {results.mean !== null && (
            <Paragraph>
              {t('poll.results.mean', {
                mean: formatNumber(results.mean, { maximumFractionDigits: 1 }),
              })}
            </Paragraph>
          )}
        </>
      )}
      {config.type === 'open' &&
        (results.words.length === 0 ? (
          <Paragraph>{t('poll.results.noWords')}</Paragraph>
        ) : (
          <ul className="stadshart-wordcloud" aria-label={t('poll.results.wordsLabel')}>
            {results.words.map((entry) => (
              <li
                key={entry.word.toLocaleLowerCase('nl')}
                className={`stadshart-wordcloud__word stadshart-wordcloud__word--${wordLevel(entry.count, maxCount)}`}
              >
                {entry.word}
                <span className="stadshart-visually-hidden">
                  {' '}
                  {t('poll.results.times', {
                    count: entry.count,
                    formatted: formatNumber(entry.count),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

/** The text of one scale value, with the meaning of the ends when the poll gives them ("1: oneens"). */
export function scaleLabel(config: PollConfig, value: number): string {
  const scale = config.scale;
  if (scale && value === scale.min && scale.minLabel) return `${value}: ${scale.minLabel}`;
  if (scale && value === scale.max && scale.maxLabel) return `${value}: ${scale.maxLabel}`;
  return String(value);
}
