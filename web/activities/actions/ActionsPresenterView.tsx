// The actions on the big screen: ranked by dots once the tally is shown (confirmed first), with
// owners and horizons, as a table so it reads well aloud too.
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readActions, tallyActionDots } from '../../../common/activities/actions.doc.ts';
import type { ActionsConfig } from '../../../common/activities/actions.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { rankActions } from './actionsModel.ts';
import { formatDay } from './formatDay.ts';

/** The actions activity's presenter view. */
export function ActionsPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'actions') return null;
  return <ActionsPresenter {...props} config={props.activity.config} />;
}

function ActionsPresenter({ doc, state, config }: ActivityViewProps & { config: ActionsConfig }) {
  const { t } = useTranslation('actions');
  const version = useDocVersion(doc);
  const actions = useMemo(() => readActions(doc), [doc, version]);
  const tally = useMemo(() => tallyActionDots(doc), [doc, version]);
  // The big screen is seen by everyone in the room, so it shows what participants may see.
  const showTally = !state.vote || state.vote.revealed;
  const rows = showTally
    ? rankActions(actions, tally)
    : actions.map((action) => ({ action, dots: tally.get(action.id) ?? 0 }));

  if (state.private) return <Paragraph>{t('presenter.private')}</Paragraph>;

  return (
    <div className="stadshart-actions stadshart-actions--presenter">
      {config.termEnds && (
        <Paragraph>{t('presenter.termEnds', { date: formatDay(config.termEnds) })}</Paragraph>
      )}
      {state.vote?.open && (
        <Paragraph>
          {t('presenter.voteOpen', {
            count: state.vote.dotsPerPerson,
            formatted: formatNumber(state.vote.dotsPerPerson),
          })}
        </Paragraph>
      )}
      {rows.length === 0 ? (
        <Paragraph>{t('presenter.empty')}</Paragraph>
      ) : (
        <DataTable
          className="stadshart-actions-ranking"
          caption={showTally ? t('presenter.caption') : t('presenter.captionHidden')}
          columns={[
            t('presenter.rank'),
            t('presenter.action'),
            t('presenter.owner'),
            t('presenter.horizon'),
            t('presenter.dots'),
            t('presenter.status'),
          ]}
        >
          {rows.map(({ action, dots }, index) => (
            <TableRow
              key={action.id}
              className={`stadshart-actions-ranking__row--${action.status}`}
            >
              <TableCell>{formatNumber(index + 1)}</TableCell>
              <TableHeaderCell scope="row">{action.title}</TableHeaderCell>
              <TableCell>{action.ownerName || t('card.noOwner')}</TableCell>
              <TableCell>{t(`horizons.${action.horizon}`)}</TableCell>
              <TableCell>{showTally ? formatNumber(dots) : t('presenter.hiddenTally')}</TableCell>
              <TableCell>
                {action.status === 'confirmed' && <span aria-hidden="true">✓ </span>}
                {t(`statuses.${action.status}`)}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </div>
  );
}
