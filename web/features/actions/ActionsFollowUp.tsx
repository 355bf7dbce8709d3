// The follow-up of a lab's actions on the lab's page: a table of status, progress and owner, and
// per action its history and (for its owner and the facilitators) a form to update it.
import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followedActionList, type FollowedAction } from '../../../common/actions.ts';
import type { Lab } from '../../../common/labs.ts';
import { useApiData } from '../../api/useApiData.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime, formatNumber } from '../../i18n/i18n.ts';
import { ActionUpdateForm } from './ActionUpdateForm.tsx';

function keyOf(action: FollowedAction): string {
  return `${action.activityId}:${action.actionId}`;
}

function formatDay(isoDay: string): string {
  return formatDateTime(`${isoDay}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
}

/**
 * Shows the lab's actions for follow-up; renders nothing for a lab without an actions step.
 * Updates go through the API, which checks again who may make them.
 */
export function ActionsFollowUp({ lab, orgSlug }: { lab: Lab; orgSlug: string }) {
  const hasActions = lab.activities.some((activity) => activity.kind === 'actions');
  if (!hasActions) return null;
  return <FollowUp lab={lab} orgSlug={orgSlug} />;
}

function FollowUp({ lab, orgSlug }: { lab: Lab; orgSlug: string }) {
  const { t } = useTranslation('actionsFollowUp');
  const path = `/orgs/${orgSlug}/labs/${lab.id}/actions`;
  const list = useApiData(path, followedActionList);
  const [status, setStatus] = useState<string | null>(null);

  function showSaved(saved: FollowedAction) {
    list.update((current) => ({
      ...current,
      actions: current.actions.map((action) => (keyOf(action) === keyOf(saved) ? saved : action)),
    }));
    setStatus(t('form.saved', { title: saved.title }));
  }

  async function refresh() {
    setStatus(null);
    await list.reload();
    setStatus(t('refreshed'));
  }

  const ownerOf = (action: FollowedAction) =>
    action.owner
      ? action.ownerName
        ? `${action.ownerName} · ${t('ownerMember', { name: action.owner.name })}`
        : t('ownerMember', { name: action.owner.name })
      : action.ownerName || t('noOwner');

  const datesOf = (action: FollowedAction) =>
    action.startsOn && action.endsOn
      ? t('details.dates', { start: formatDay(action.startsOn), end: formatDay(action.endsOn) })
      : action.startsOn
        ? t('details.from', { start: formatDay(action.startsOn) })
        : action.endsOn
          ? t('details.until', { end: formatDay(action.endsOn) })
          : null;

  return (
    <section aria-labelledby="lab-actions-title" className="stadshart-actions-followup">
      <Heading2 id="lab-actions-title">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          busy={list.isLoading}
          onClick={() => void refresh()}
        >
          {t('refresh')}
        </Button>
      </ButtonGroup>
      <StatusMessage message={status} />
      <LoadState resource={list}>
        {(data) =>
          data.actions.length === 0 ? (
            <Paragraph>{t('empty')}</Paragraph>
          ) : (
            <>
              {!data.isOpenForUpdates && <Paragraph>{t('notYet')}</Paragraph>}
              <DataTable
                caption={t('caption')}
                columns={[
                  t('columns.action'),
                  t('columns.owner'),
                  t('columns.horizon'),
                  t('columns.status'),
                  t('columns.progress'),
                  t('columns.updated'),
                ]}
              >
                {data.actions.map((action) => (
                  <TableRow key={keyOf(action)}>
                    <TableHeaderCell scope="row">{action.title}</TableHeaderCell>
                    <TableCell>{ownerOf(action)}</TableCell>
                    <TableCell>{t(`horizons.${action.horizon}`)}</TableCell>
                    <TableCell>{t(`statuses.${action.status}`)}</TableCell>
                    <TableCell>
                      <span className="stadshart-actions-followup__progress">
                        <progress
                          max={100}
                          value={action.progress}
                          aria-label={t('progressLabel', { title: action.title })}
                        />{' '}
                        {t('percent', { value: formatNumber(action.progress) })}
                      </span>
                    </TableCell>
                    <TableCell>{formatDateTime(action.updatedAt)}</TableCell>
                  </TableRow>
                ))}
              </DataTable>

              <Heading3>{t('details.heading')}</Heading3>
              {data.actions.map((action) => {
                const dates = datesOf(action);
                return (
                  <details key={keyOf(action)} className="stadshart-actions-followup__details">
                    <summary>
                      {t('details.summary', {
                        title: action.title,
                        count: action.history.length,
                        formatted: formatNumber(action.history.length),
                      })}
                    </summary>
                    {action.description && (
                      <Paragraph>
                        {t('details.description', { text: action.description })}
                      </Paragraph>
                    )}
                    <Paragraph>
                      {dates && <>{dates} · </>}
                      {t('details.dots', {
                        count: action.dots,
                        formatted: formatNumber(action.dots),
                      })}
                    </Paragraph>
                    {action.history.length === 0 ? (
                      <Paragraph>{t('details.noHistory')}</Paragraph>
                    ) : (
                      <OrderedList>
                        {action.history.map((entry, index) => (
                          <OrderedListItem key={index}>
                            {t('details.entry', {
                              status: t(`statuses.${entry.status}`),
                              progress: formatNumber(entry.progress),
                            })}{' '}
                            {t('details.by', {
                              name: entry.authorName || t('details.unknownAuthor'),
                              date: formatDateTime(entry.createdAt),
                            })}
                            {entry.note && (
                              <>
                                {': '}
                                {entry.note}
                              </>
                            )}
                          </OrderedListItem>
                        ))}
                      </OrderedList>
                    )}
                    {action.mayUpdate && (
                      <ActionUpdateForm
                        path={`${path}/${action.activityId}/${encodeURIComponent(action.actionId)}`}
                        action={action}
                        ownerCandidates={data.ownerCandidates}
                        mayAssignOwner={data.mayAssignOwner}
                        onSaved={showSaved}
                      />
                    )}
                  </details>
                );
              })}
            </>
          )
        }
      </LoadState>
    </section>
  );
}
