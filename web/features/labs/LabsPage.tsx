// The organisation's labs as a table: what, what kind, where it stands, when, where, and how many joined.
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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labList } from '../../../common/labs.ts';
import { hasRoleAtLeast } from '../../../common/roles.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ActionLink } from '../../components/ActionLink.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { NoValue } from '../../components/NoValue.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime, formatNumber } from '../../i18n/i18n.ts';
import { useOrgRole } from '../orgs/useOrgRole.ts';

/** Lists the labs a member may see; facilitators and admins may start a new one. */
export function LabsPage() {
  const { t } = useTranslation('labs');
  const { orgSlug, role, isAdmin } = useOrgRole();
  const mayCreate = role !== null && hasRoleAtLeast(role, 'facilitator');
  usePageTitle(t('list.title'));
  const labs = useApiData(`/orgs/${orgSlug}/labs`, labList);
  const base = `/o/${orgSlug}`;

  return (
    <>
      <Heading1>{t('list.title')}</Heading1>
      <FlashMessage />
      <Paragraph>{t('list.intro')}</Paragraph>
      {(mayCreate || isAdmin) && (
        <ButtonGroup>
          {mayCreate && (
            <ActionLink to={`${base}/labs/new`} appearance="primary">
              {t('list.new')}
            </ActionLink>
          )}
          {isAdmin && (
            <ActionLink to={`${base}/canvas-templates`}>{t('list.templates')}</ActionLink>
          )}
        </ButtonGroup>
      )}
      <LoadState resource={labs}>
        {(data) =>
          data.labs.length === 0 ? (
            <Paragraph>{mayCreate ? t('list.empty') : t('list.emptyMember')}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t('list.caption', { count: data.labs.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('fields.title')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.startsAt')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.places')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('fields.participants')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.labs.map((lab) => (
                  <TableRow key={lab.id}>
                    <TableHeaderCell scope="row">
                      <Link to={`${base}/labs/${lab.id}`} className="utrecht-link">
                        {lab.title}
                      </Link>
                    </TableHeaderCell>
                    <TableCell>{t(`kinds.${lab.kind}`)}</TableCell>
                    <TableCell>{t(`statuses.${lab.status}`)}</TableCell>
                    <TableCell>
                      {lab.startsAt ? (
                        formatDateTime(lab.startsAt)
                      ) : (
                        <NoValue label={t('list.noDate')} />
                      )}
                    </TableCell>
                    <TableCell>
                      {lab.places.length === 0 ? (
                        <NoValue label={t('list.noPlaces')} />
                      ) : (
                        lab.places.map((place) => place.name).join(', ')
                      )}
                    </TableCell>
                    <TableCell>{formatNumber(lab.participantCount)}</TableCell>
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
