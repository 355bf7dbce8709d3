// The organisation's regions, each with the places it groups.
import {
  ButtonGroup,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { regionList } from '../../../common/places.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';

/** Lists the regions with links to their places; facilitators and admins may add one. */
export function RegionsPage() {
  const { t } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  usePageTitle(t('regions.title'));
  const regions = useApiData(`/orgs/${orgSlug}/regions`, regionList);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{t('regions.title')}</Heading1>
      <FlashMessage />
      <Paragraph>{t('regions.intro')}</Paragraph>
      {canManagePlaces && (
        <ButtonGroup>
          <ActionLink to={`${base}/regions/new`} appearance="primary">
            {t('regions.new')}
          </ActionLink>
        </ButtonGroup>
      )}
      <LoadState resource={regions}>
        {(data) =>
          data.regions.length === 0 ? (
            <Paragraph>{t('regions.empty')}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t('regions.caption', { count: data.regions.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('fields.regionName')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.places')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.regions.map((region) => (
                  <TableRow key={region.id}>
                    <TableHeaderCell scope="row">
                      <Link to={`${base}/regions/${region.id}`} className="utrecht-link">
                        {region.name}
                      </Link>
                    </TableHeaderCell>
                    <TableCell>
                      {region.places.length === 0 ? (
                        <NoValue label={t('regions.noPlaces')} />
                      ) : (
                        region.places.map((place, index) => (
                          <Fragment key={place.id}>
                            {index > 0 && ', '}
                            <Link to={`${base}/places/${place.id}`} className="utrecht-link">
                              {place.name}
                            </Link>
                          </Fragment>
                        ))
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </LoadState>
    </>
  );
}
