// What participants (and facilitators) see and do in a trend scan: pick their place, score each
// item on three scales, propose developments, vote on themes, and follow the results.
import {
  Button,
  Heading3,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDevelopment,
  castThemeVote,
  chooseTheme,
  deleteDevelopment,
  setRespondentPlace,
  setScore,
  withdrawThemeVote,
} from '../../../common/activities/trendscan.doc.ts';
import {
  developmentIdOf,
  scoreCriteria,
  type TrendscanConfig,
} from '../../../common/activities/trendscan.ts';
import type { TrendItemResult } from '../../../common/synthesis.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { DevelopmentForm } from './DevelopmentForm.tsx';
import { PlacePicker } from './PlacePicker.tsx';
import { ScoreItem } from './ScoreItem.tsx';
import { ChosenThemes, ThemeVoting } from './ThemeChoice.tsx';
import { TrendscanFacilitatorPanel } from './TrendscanFacilitatorPanel.tsx';
import { isRegionalLab, TrendscanResults } from './TrendscanResults.tsx';
import { countScored, groupByTrend } from './trendscanModel.ts';
import { useTrendscanAnnouncements } from './useTrendscanAnnouncements.ts';
import { useTrendscanData } from './useTrendscanData.ts';

/** The trend scan's participant view; renders nothing for another kind's activity. */
export function TrendscanView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'trendscan') return null;
  return <Trendscan {...props} config={props.activity.config} />;
}

function Trendscan(props: ActivityViewProps & { config: TrendscanConfig }) {
  const { lab, doc, state, me, readOnly, controls, config } = props;
  const { t } = useTranslation('trendscan');
  const id = useId();
  const isFacilitator = me.role === 'facilitator';
  const showResults = isFacilitator || state.resultsRevealed;
  const data = useTrendscanData(doc, config, me.participantId, state.vote, showResults);
  const [isProposing, setProposing] = useState(false);
  const [status, setStatus] = useState('');
  const isRegional = isRegionalLab(lab);
  const needsPlace = isRegional && data.myPlace === undefined;
  const groups = groupByTrend(data.items, data.trends);
  const scored = countScored(data.items, (itemKey) => data.myScores.get(itemKey));
  const authors = new Map(data.developments.map((d) => [d.id, d]));
  const chosenKeys = new Set(data.chosen.map((theme) => theme.itemKey));
  const isTallyVisible = isFacilitator || Boolean(state.vote?.revealed);
  const mayChoose = isFacilitator && controls !== null && !readOnly;

  useTrendscanAnnouncements({
    respondentCount: data.respondentCount,
    developments: data.developments,
    chosen: data.chosen,
    state,
    participantId: me.participantId,
    isFacilitator,
    announce: (message) => props.announce(message),
  });

  const placeName = (placeId: string | null) =>
    placeId === null
      ? t('place.chosenNone')
      : t('place.chosen', { name: lab.places.find((p) => p.id === placeId)?.name ?? '' });

  function choose(result: TrendItemResult) {
    if (chooseTheme(doc, config, result)) setStatus(t('themes.chosen', { label: result.title }));
  }

  const renderChoose = mayChoose
    ? (result: TrendItemResult) =>
        chosenKeys.has(result.itemKey) ? (
          <span>{t('ranking.chosen')}</span>
        ) : data.chosen.length >= config.themeCount ? (
          <span>
            {t('ranking.full', {
              count: data.chosen.length,
              formatted: formatNumber(data.chosen.length),
            })}
          </span>
        ) : (
          <Button
            appearance="secondary-action-button"
            aria-label={t('ranking.chooseLabel', { item: result.title })}
            onClick={() => choose(result)}
          >
            {t('ranking.choose')}
          </Button>
        )
    : undefined;

  return (
    <div className="stadshart-trendscan">
      {controls && (
        <TrendscanFacilitatorPanel
          doc={doc}
          state={state}
          controls={controls}
          defaultVotes={config.themeCount}
          isReadOnly={readOnly}
        />
      )}

      <section aria-labelledby={`${id}-score`} className="stadshart-trendscan-scoring">
        <Heading3 id={`${id}-score`}>{t('score.title')}</Heading3>
        {isRegional && (
          <>
            <PlacePicker
              places={lab.places}
              value={data.myPlace?.placeId}
              isReadOnly={readOnly}
              onPick={(placeId) => {
                setRespondentPlace(doc, me.participantId, placeId);
                setStatus(t('place.saved'));
              }}
            />
            {data.myPlace && <Paragraph>{placeName(data.myPlace.placeId)}</Paragraph>}
          </>
        )}
        {needsPlace ? (
          <Paragraph>{t('place.first')}</Paragraph>
        ) : (
          <>
            {readOnly ? (
              <Paragraph>{t('score.readOnly')}</Paragraph>
            ) : (
              <Paragraph>{t('score.intro')}</Paragraph>
            )}
            <UnorderedList className="stadshart-trendscan-criteria">
              {scoreCriteria.map((criterion) => (
                <UnorderedListItem key={criterion}>
                  <strong>{t(`criteria.${criterion}`)}</strong>: {t(`criteriaHints.${criterion}`)}
                </UnorderedListItem>
              ))}
            </UnorderedList>
            <Paragraph className="stadshart-trendscan-progress">
              {t('score.progress', {
                count: data.items.length,
                scored: formatNumber(scored),
                formatted: formatNumber(data.items.length),
              })}
            </Paragraph>
            {groups.map(({ trend, items }) => (
              <section
                key={trend.key}
                aria-labelledby={`${id}-trend-${trend.key}`}
                className="stadshart-trendscan-group"
              >
                <Heading4 id={`${id}-trend-${trend.key}`}>{trend.title}</Heading4>
                <ul className="stadshart-trendscan-items">
                  {items.map((item) => {
                    const developmentId = developmentIdOf(item.itemKey);
                    const development =
                      developmentId === null ? undefined : authors.get(developmentId);
                    const mayDelete =
                      development !== undefined &&
                      (isFacilitator || development.authorId === me.participantId);
                    return (
                      <ScoreItem
                        key={item.itemKey}
                        idPrefix={`${id}-${item.itemKey}`}
                        item={item}
                        score={data.myScores.get(item.itemKey)}
                        author={
                          development === undefined
                            ? null
                            : lab.anonymous
                              ? ''
                              : development.authorName
                        }
                        isReadOnly={readOnly}
                        onScore={(criterion, value) =>
                          setScore(doc, me.participantId, item.itemKey, { [criterion]: value })
                        }
                        onComment={(comment) =>
                          setScore(doc, me.participantId, item.itemKey, {
                            comment: comment === '' ? null : comment,
                          })
                        }
                        onDelete={
                          mayDelete && developmentId !== null
                            ? () => {
                                deleteDevelopment(doc, developmentId);
                                setStatus(t('development.deleted'));
                              }
                            : null
                        }
                      />
                    );
                  })}
                </ul>
              </section>
            ))}
            {config.allowNewDevelopments && !readOnly && (
              <section className="stadshart-trendscan-propose">
                <Paragraph>{t('development.hint')}</Paragraph>
                {isProposing ? (
                  <DevelopmentForm
                    idPrefix={`${id}-development`}
                    trends={data.trends}
                    onClose={() => setProposing(false)}
                    onSubmit={(input) => {
                      addDevelopment(doc, {
                        ...input,
                        authorId: me.participantId,
                        authorName: lab.anonymous ? '' : me.displayName,
                      });
                      const trend = data.trends.find((tr) => tr.key === input.trendKey);
                      setStatus(t('development.added', { trend: trend?.title ?? '' }));
                    }}
                  />
                ) : (
                  <Button appearance="secondary-action-button" onClick={() => setProposing(true)}>
                    {t('development.add')}
                  </Button>
                )}
              </section>
            )}
          </>
        )}
        <p role="status" className="stadshart-visually-hidden">
          {status}
        </p>
      </section>

      {state.vote && (
        <section aria-labelledby={`${id}-vote`} className="stadshart-trendscan-voting">
          <Heading3 id={`${id}-vote`}>{t('vote.legend')}</Heading3>
          <ThemeVoting
            items={
              data.results
                ? data.results.ranking.flatMap(
                    (r) => data.items.find((item) => item.itemKey === r.itemKey) ?? [],
                  )
                : data.items
            }
            trends={data.trends}
            vote={state.vote}
            tally={data.tally}
            myVotes={data.myVotes}
            votesLeft={data.votesLeft}
            isTallyVisible={isTallyVisible}
            isReadOnly={readOnly}
            onCast={(item) => {
              if (castThemeVote(doc, config, me.participantId, item.itemKey, state.vote)) {
                setStatus(t('vote.given'));
              }
            }}
            onWithdraw={(item) => {
              if (withdrawThemeVote(doc, me.participantId, item.itemKey, state.vote)) {
                setStatus(t('vote.withdrawn'));
              }
            }}
          />
        </section>
      )}

      <ChosenThemes
        doc={doc}
        chosen={data.chosen}
        themeCount={config.themeCount}
        mayEdit={mayChoose}
      />

      <section aria-labelledby={`${id}-results`} className="stadshart-trendscan-outcome">
        <Heading3 id={`${id}-results`}>{t('results.title')}</Heading3>
        {data.results ? (
          <TrendscanResults
            lab={lab}
            results={data.results}
            tally={state.vote && isTallyVisible ? data.tally : undefined}
            renderAction={renderChoose}
          />
        ) : (
          <Paragraph>{t('results.hidden')}</Paragraph>
        )}
      </section>
    </div>
  );
}
