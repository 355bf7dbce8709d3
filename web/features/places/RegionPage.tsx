// One region: what it is and which places it brings together.
import {
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { region as regionSchema } from '../../../common/places.ts';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { FlashMessage, flashState } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';

/** Shows a region and its places; facilitators and admins may edit or delete it. */
export function RegionPage() {
  const { t } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  const { regionId = '' } = useParams<{ regionId: string }>();
  const navigate = useNavigate();
  const region = useApiData(`/orgs/${orgSlug}/regions/${regionId}`, regionSchema);
  const title = region.data?.name ?? t('region.title');
  usePageTitle(title);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{title}</Heading1>
      <FlashMessage />
      <Paragraph>
        <Link to={`${base}/regions`} className="utrecht-link">
          {t('regions.back')}
        </Link>
      </Paragraph>
      <LoadState resource={region}>
        {(data) => (
          <>
            {data.description && (
              <Paragraph className="stadshart-multiline">{data.description}</Paragraph>
            )}
            <Heading2>{t('fields.places')}</Heading2>
            {data.places.length === 0 ? (
              <Paragraph>{t('region.noPlaces')}</Paragraph>
            ) : (
              <UnorderedList>
                {data.places.map((place) => (
                  <UnorderedListItem key={place.id}>
                    <Link to={`${base}/places/${place.id}`} className="utrecht-link">
                      {t('region.placeLabel', {
                        name: place.name,
                        municipality: place.municipality,
                      })}
                    </Link>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}

            {canManagePlaces && (
              <>
                <Heading2>{t('region.manageTitle')}</Heading2>
                <ButtonGroup>
                  <ActionLink to={`${base}/regions/${data.id}/edit`}>{t('region.edit')}</ActionLink>
                </ButtonGroup>
                <ConfirmAction
                  label={t('region.delete')}
                  question={t('region.confirmDelete', { name: data.name })}
                  confirmLabel={t('region.confirmDeleteButton')}
                  onConfirm={async () => {
                    await api('DELETE', `/orgs/${orgSlug}/regions/${data.id}`);
                    await navigate(`${base}/regions`, {
                      state: flashState(t('region.deleted', { name: data.name })),
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
