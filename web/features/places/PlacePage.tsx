// One place: what makes it itself (its DNA), where it lies and which regions it belongs to.
import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { place as placeSchema } from '../../../common/places.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { FlashMessage, flashState } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';

/** Shows a place; facilitators and admins may edit or delete it. */
export function PlacePage() {
  const { t } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  const { placeId = '' } = useParams<{ placeId: string }>();
  const navigate = useNavigate();
  const place = useApiData(`/orgs/${orgSlug}/places/${placeId}`, placeSchema);
  const title = place.data?.name ?? t('place.title');
  usePageTitle(title);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{title}</Heading1>
      <FlashMessage />
      <Paragraph>
        <Link to={`${base}/places`} className="utrecht-link">
          {t('places.back')}
        </Link>
      </Paragraph>
      <LoadState resource={place}>
        {(data) => (
          <>
            <DataList>
              <DataListItem>
                <DataListKey>{t('fields.municipality')}</DataListKey>
                <DataListValue>{data.municipality}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('fields.cbsCode')}</DataListKey>
                <DataListValue>{data.cbsCode ?? <NoValue />}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('fields.description')}</DataListKey>
                <DataListValue multiline>{data.description || <NoValue />}</DataListValue>
              </DataListItem>
            </DataList>

            <Heading2>{t('fields.dnaTags')}</Heading2>
            {data.dnaTags.length === 0 ? (
              <Paragraph>{t('place.noTags')}</Paragraph>
            ) : (
              <ul className="stadshart-tags">
                {data.dnaTags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            )}

            <Heading2>{t('fields.regions')}</Heading2>
            {data.regions.length === 0 ? (
              <Paragraph>{t('place.noRegions')}</Paragraph>
            ) : (
              <UnorderedList>
                {data.regions.map((region) => (
                  <UnorderedListItem key={region.id}>
                    <Link to={`${base}/regions/${region.id}`} className="utrecht-link">
                      {region.name}
                    </Link>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}

            {canManagePlaces && (
              <>
                <Heading2>{t('place.manageTitle')}</Heading2>
                <ButtonGroup>
                  <ActionLink to={`${base}/places/${data.id}/edit`}>{t('place.edit')}</ActionLink>
                </ButtonGroup>
                <ConfirmAction
                  label={t('place.delete')}
                  question={t('place.confirmDelete', { name: data.name })}
                  confirmLabel={t('place.confirmDeleteButton')}
                  onConfirm={async () => {
                    await api('DELETE', `/orgs/${orgSlug}/places/${data.id}`);
                    await navigate(`${base}/places`, {
                      state: flashState(t('place.deleted', { name: data.name })),
                    });
                  }}
                />
              </>
            )}
          </>
        )}
      </LoadState>
    </>
  );
}
