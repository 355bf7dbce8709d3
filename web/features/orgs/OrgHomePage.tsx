// The start page of one organisation: who you are there and where to go next.
import {
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { useOrg } from './OrgContext.tsx';

/** Shows the organisation's name, the person's role and links to its labs, places, regions and admin pages. */
export function OrgHomePage() {
  const { t } = useTranslation('orgs');
  const orgState = useOrg();
  const org = orgState?.org ?? null;
  usePageTitle(
    org?.name ?? (orgState?.isMissing ? t('common:errors.notFoundTitle') : t('home.title')),
  );

  if (orgState?.isMissing) {
    return (
      <>
        <Heading1>{t('common:errors.notFoundTitle')}</Heading1>
        <Paragraph>{t('home.missing')}</Paragraph>
        <Paragraph>
          <Link to="/" className="utrecht-link">
            {t('common:nav.home')}
          </Link>
        </Paragraph>
      </>
    );
  }
  if (!org) {
    return (
      <>
        <Heading1>{t('home.title')}</Heading1>
        <Paragraph role="status">{t('common:loading')}</Paragraph>
      </>
    );
  }

  const base = `/o/${org.slug}`;
  const isAdmin = org.myRole === 'admin';
  return (
    <>
      <Heading1>{org.name}</Heading1>
      <Paragraph>
        {t('home.yourRole', { role: t(`common:roles.${org.myRole}`) })}{' '}
        {t('home.memberCount', {
          count: org.memberCount,
          formatted: formatNumber(org.memberCount),
        })}
      </Paragraph>

      <nav aria-labelledby="org-work">
        <Heading2 id="org-work">{t('home.workTitle')}</Heading2>
        <UnorderedList>
          <UnorderedListItem>
            <Link to={`${base}/labs`} className="utrecht-link">
              {t('labs:nav.labs')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link to={`${base}/places`} className="utrecht-link">
              {t('home.places')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link to={`${base}/regions`} className="utrecht-link">
              {t('home.regions')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link to={`${base}/trends`} className="utrecht-link">
              {t('trends:nav.trends')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link to={`${base}/kennisbank`} className="utrecht-link">
              {t('knowledge:nav.knowledge')}
            </Link>
          </UnorderedListItem>
        </UnorderedList>
      </nav>

      {isAdmin && (
        <nav aria-labelledby="org-admin">
          <Heading2 id="org-admin">{t('home.adminTitle')}</Heading2>
          <UnorderedList>
            <UnorderedListItem>
              <Link to={`${base}/members`} className="utrecht-link">
                {t('home.members')}
              </Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link to={`${base}/settings`} className="utrecht-link">
                {t('home.settings')}
              </Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link to={`${base}/outbox`} className="utrecht-link">
                {t('home.outbox')}
              </Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link to={`${base}/canvas-templates`} className="utrecht-link">
                {t('labs:nav.templates')}
              </Link>
            </UnorderedListItem>
          </UnorderedList>
        </nav>
      )}
    </>
  );
}
