// The front door: what Stadshart is for visitors, and their organisations for people who are signed in.
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SessionMembership, SessionUser } from '../../../common/auth.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ACCOUNT_DELETED_NOTICE, useSessionEndedNotice } from '../auth/authNotices.ts';

function VisitorHome() {
  const { t } = useTranslation('home');
  usePageTitle(t('visitor.title'));
  return (
    <>
      <Heading1>{t('visitor.title')}</Heading1>
      <Paragraph appearance="lead">{t('visitor.labs')}</Paragraph>
      <Paragraph>{t('visitor.community')}</Paragraph>
      <Paragraph>{t('visitor.signInHint')}</Paragraph>
      <Paragraph>
        <RouterLink
          to="/sign-in"
          className="utrecht-button-link utrecht-button-link--primary-action"
        >
          {t('visitor.signIn')}
        </RouterLink>
      </Paragraph>
    </>
  );
}

function OrganisationList({ memberships }: { memberships: SessionMembership[] }) {
  const { t } = useTranslation('home');
  if (memberships.length === 0) return <Paragraph>{t('member.none')}</Paragraph>;
  return (
    <UnorderedList>
      {memberships.map((membership) => (
        <UnorderedListItem key={membership.orgId}>
          <RouterLink to={`/o/${membership.orgSlug}`} className="utrecht-link">
            {membership.orgName}
          </RouterLink>{' '}
          ({t('member.role', { role: t(`common:roles.${membership.role}`) })})
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function MemberHome({
  user,
  memberships,
}: {
  user: SessionUser;
  memberships: SessionMembership[];
}) {
  const { t } = useTranslation('home');
  const greeting = user.name
    ? t('member.greeting', { name: user.name })
    : t('member.greetingNoName');
  usePageTitle(greeting);
  return (
    <>
      <Heading1>{greeting}</Heading1>
      <Heading2>{t('member.orgsHeading')}</Heading2>
      <OrganisationList memberships={memberships} />
    </>
  );
}

/** Renders the home page for whoever is looking: a visitor or a signed-in person. */
export function HomePage() {
  const { t } = useTranslation('home');
  const { session } = useSession();
  const isAccountDeleted = useSessionEndedNotice(ACCOUNT_DELETED_NOTICE);
  return (
    <>
      {isAccountDeleted && (
        <Alert type="ok">
          <Paragraph>{t('accountDeleted')}</Paragraph>
        </Alert>
      )}
      {session?.user ? (
        <MemberHome user={session.user} memberships={session.memberships} />
      ) : (
        <VisitorHome />
      )}
      <section aria-labelledby="home-join">
        <Heading2 id="home-join">{t('labs:join.title')}</Heading2>
        <Paragraph>{t('labs:nav.joinHint')}</Paragraph>
        <Paragraph>
          <RouterLink
            to="/join"
            className="utrecht-button-link utrecht-button-link--secondary-action"
          >
            {t('labs:nav.join')}
          </RouterLink>
        </Paragraph>
      </section>
    </>
  );
}
