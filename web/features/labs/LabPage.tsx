// One lab: its details, and for its facilitators the status steps, join code, agenda and participants.
import {
  Alert,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { lab as labSchema, type Lab } from '../../../common/labs.ts';
import { region as regionSchema } from '../../../common/places.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { ActionsFollowUp } from '../actions/ActionsFollowUp.tsx';
import { FlashMessage, flashState } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime, formatNumber } from '../../i18n/i18n.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { JoinCodePanel } from './JoinCodePanel.tsx';
import { LabStatusControls } from './LabStatusControls.tsx';
import { ParticipantList } from './ParticipantList.tsx';

function RegionName({ orgSlug, regionId }: { orgSlug: string; regionId: string }) {
  const region = useApiData(`/orgs/${orgSlug}/regions/${regionId}`, regionSchema);
  if (!region.data) return <NoValue />;
  return (
    <Link to={`/o/${orgSlug}/regions/${region.data.id}`} className="utrecht-link">
      {region.data.name}
    </Link>
  );
}

function LabDetails({ lab, orgSlug }: { lab: Lab; orgSlug: string }) {
  const { t } = useTranslation('labs');
  return (
    <section aria-labelledby="lab-details-title">
      <Heading2 id="lab-details-title">{t('lab.detailsTitle')}</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>{t('fields.question')}</DataListKey>
          <DataListValue multiline>{lab.question || t('lab.noQuestion')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.kind')}</DataListKey>
          <DataListValue>{t(`kinds.${lab.kind}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.status')}</DataListKey>
          <DataListValue>{t(`statuses.${lab.status}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.startsAt')}</DataListKey>
          <DataListValue>
            {lab.startsAt ? formatDateTime(lab.startsAt) : <NoValue label={t('list.noDate')} />}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.venue')}</DataListKey>
          <DataListValue>{lab.venue || <NoValue />}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.places')}</DataListKey>
          <DataListValue>
            {lab.places.length === 0 ? (
              <NoValue label={t('list.noPlaces')} />
            ) : (
              lab.places.map((place) => place.name).join(', ')
            )}
          </DataListValue>
        </DataListItem>
        {lab.regionId && (
          <DataListItem>
            <DataListKey>{t('fields.region')}</DataListKey>
            <DataListValue>
              <RegionName orgSlug={orgSlug} regionId={lab.regionId} />
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('fields.facilitators')}</DataListKey>
          <DataListValue>
            {lab.facilitators.length === 0 ? (
              <NoValue />
            ) : (
              lab.facilitators.map((person) => person.name).join(', ')
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.anonymous')}</DataListKey>
          <DataListValue>
            {lab.anonymous ? t('lab.anonymousYes') : t('lab.anonymousNo')}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('fields.participants')}</DataListKey>
          <DataListValue>
            {t('lab.participantCount', {
              count: lab.participantCount,
              formatted: formatNumber(lab.participantCount),
            })}
          </DataListValue>
        </DataListItem>
      </DataList>
    </section>
  );
}

/** Shows a lab; what its facilitators may do appears only for them (the server checks again). */
export function LabPage() {
  const { t } = useTranslation('labs');
  const { orgSlug = '', labId = '' } = useParams<{ orgSlug: string; labId: string }>();
  const navigate = useNavigate();
  const lab = useApiData(`/orgs/${orgSlug}/labs/${labId}`, labSchema);
  const title = lab.data?.title ?? t('lab.title');
  const showLab = (next: Lab) => lab.setData(next);
  usePageTitle(title);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{title}</Heading1>
      <FlashMessage />
      <Paragraph>
        <Link to={`${base}/labs`} className="utrecht-link">
          {t('lab.back')}
        </Link>
      </Paragraph>
      <LoadState resource={lab}>
        {(data) => (
          <>
            {data.status === 'closed' && (
              <Alert type="info">
                <Paragraph>{t('lab.closedNotice')}</Paragraph>
              </Alert>
            )}
            <LabDetails lab={data} orgSlug={orgSlug} />
            {data.can.edit && (
              <ButtonGroup>
                <ActionLink to={`${base}/labs/${data.id}/edit`}>{t('lab.edit')}</ActionLink>
              </ButtonGroup>
            )}
            <Paragraph>
              <Link to={`${base}/labs/${data.id}/report`} className="utrecht-link">
                {t('reports:labLink')}
              </Link>
            </Paragraph>

            {data.can.facilitate && (
              <LabStatusControls lab={data} orgSlug={orgSlug} onChange={showLab} />
            )}
            {data.can.facilitate && data.joinCode && data.status !== 'closed' && (
              <JoinCodePanel orgSlug={orgSlug} labId={data.id} joinCode={data.joinCode} />
            )}
            {data.can.facilitate && data.status === 'closed' && (
              <ButtonGroup>
                <ActionLink to={`/lab/${data.id}`}>{t('lab.liveLink')}</ActionLink>
              </ButtonGroup>
            )}
            {!data.can.facilitate && data.can.join && (
              <Paragraph>
                <Link to="/join" className="utrecht-link">
                  {t('nav.join')}
                </Link>
              </Paragraph>
            )}

            <AgendaEditor lab={data} orgSlug={orgSlug} onChange={showLab} />

            <ActionsFollowUp lab={data} orgSlug={orgSlug} />

            {data.can.facilitate && <ParticipantList lab={data} orgSlug={orgSlug} />}

            {data.can.facilitate && data.status === 'draft' && (
              <section aria-labelledby="lab-delete-title">
                <Heading2 id="lab-delete-title">{t('lab.manageTitle')}</Heading2>
                <ConfirmAction
                  label={t('lab.delete')}
                  question={t('lab.confirmDelete', { title: data.title })}
                  confirmLabel={t('lab.confirmDeleteButton')}
                  onConfirm={async () => {
                    await api('DELETE', `/orgs/${orgSlug}/labs/${data.id}`);
                    await navigate(`${base}/labs`, {
                      state: flashState(t('lab.deleted', { title: data.title })),
                    });
                  }}
                />
              </section>
            )}
          </>
        )}
      </LoadState>
    </>
  );
}
