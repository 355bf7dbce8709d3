// The organisation's places (city centres) as a table.
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
import { placeList } from '../../../common/places.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { useApiData } from '../../api/useApiData.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';

/** Lists the places with their municipality, CBS code and regions; facilitators and admins may add. */
export function PlacesPage() {
  const { t } = useTranslation('places');
  const { orgSlug, canManagePlaces } = useOrgRole();
  usePageTitle(t('places.title'));
  const places = useApiData(`/orgs/${orgSlug}/places`, placeList);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{t('places.title')}</Heading1>
      <FlashMessage />
      <Paragraph>{t('places.intro')}</Paragraph>
      {canManagePlaces && (
        <ButtonGroup>
          <ActionLink to={`${base}/places/new`} appearance="primary">
            {t('places.new')}
          </ActionLink>
          <ActionLink to={`${base}/places/import`}>{t('places.import')}</ActionLink>
        </ButtonGroup>
      )}
      <LoadState resource={places}>
        {(data) =>
          data.places.length === 0 ? (
            <Paragraph>{t('places.empty')}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t('places.caption', { count: data.places.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('fields.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.municipality')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.cbsCode')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.regions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.places.map((place) => (
                  <TableRow key={place.id}>
                    <TableHeaderCell scope="row">
                      <Link to={`${base}/places/${place.id}`} className="utrecht-link">
                        {place.name}
                      </Link>
                    </TableHeaderCell>
                    <TableCell>{place.municipality}</TableCell>
                    <TableCell>{place.cbsCode ?? <NoValue />}</TableCell>
                    <TableCell>
                      {place.regions.length === 0 ? (
                        <NoValue label={t('noRegions')} />
                      ) : (
                        place.regions.map((region, index) => (
                          <Fragment key={region.id}>
                            {index > 0 && ', '}
                            <Link to={`${base}/regions/${region.id}`} className="utrecht-link">
                              {region.name}
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
