// A trend scan on the big screen: the chosen themes, the ranking, the matrix and the radar, large.
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TrendscanConfig } from '../../../common/activities/trendscan.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { ChosenThemes } from './ThemeChoice.tsx';
import { TrendscanResults } from './TrendscanResults.tsx';
import { useTrendscanData } from './useTrendscanData.ts';

/** The trend scan's presenter view; results are always live here, votes once revealed. */
export function TrendscanPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'trendscan') return null;
  return <TrendscanPresenter {...props} config={props.activity.config} />;
}

function TrendscanPresenter({
  lab,
  doc,
  state,
  me,
  config,
}: ActivityViewProps & { config: TrendscanConfig }) {
  const { t } = useTranslation('trendscan');
  const data = useTrendscanData(doc, config, me.participantId, state.vote, true);
  const vote = state.vote;
  return (
    <div className="stadshart-trendscan stadshart-trendscan--presenter">
      {vote?.open ? (
        <Paragraph className="stadshart-trendscan__banner">
          {t('presenter.voteOpen', {
            count: vote.dotsPerPerson,
            formatted: formatNumber(vote.dotsPerPerson),
          })}
        </Paragraph>
      ) : (
        data.chosen.length === 0 && (
          <Paragraph className="stadshart-trendscan__banner">{t('presenter.scoring')}</Paragraph>
        )
      )}
      <ChosenThemes
        doc={doc}
        chosen={data.chosen}
        themeCount={config.themeCount}
        mayEdit={false}
        size="large"
      />
      <Heading3>{t('results.title')}</Heading3>
      {data.results && (
        <TrendscanResults
          lab={lab}
          results={data.results}
          tally={vote?.revealed ? data.tally : undefined}
          size="large"
        />
      )}
    </div>
  );
}
