// "My account": profile, e-mail address, password, sessions, personal data and deleting the account.
import { Alert, ButtonLink, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { profile as profileSchema, type Profile } from '../../../common/account.ts';
import { api } from '../../api/client.ts';
import { useApiForm } from '../../components/useApiForm.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { PASSWORD_RESET_NOTICE, readNotice } from '../auth/authNotices.ts';
import { DeleteAccountSection } from './DeleteAccountSection.tsx';
import { EmailSection } from './EmailSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';

function MyDataSection() {
  const { t } = useTranslation('account');
  return (
    <section aria-labelledby="account-data">
      <Heading2 id="account-data">{t('data.heading')}</Heading2>
      <Paragraph>{t('data.intro')}</Paragraph>
      <Paragraph>
        {/* A plain link: the browser sends the session cookie and saves the attachment. */}
        <ButtonLink href="/api/v1/me/export" download appearance="secondary-action-button">
          {t('data.download')}
        </ButtonLink>
      </Paragraph>
    </section>
  );
}

// The profile comes from GET /me; sections that only need the session render without it.
function useProfile() {
  const { describe } = useApiForm();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    api('GET', '/me', { schema: profileSchema }).then(setProfile).catch(setFailure);
  }, []);
  const loadError = failure === null ? null : describe(failure).general;
  return { profile, setProfile, loadError };
}

/** The signed-in person's own account page. */
export function AccountPage() {
  const { t } = useTranslation('account');
  usePageTitle(t('title'));
  const isAfterReset = readNotice(useLocation().state) === PASSWORD_RESET_NOTICE;
  const { profile, setProfile, loadError } = useProfile();

  return (
    <div className="stadshart-stack">
      <Heading1>{t('title')}</Heading1>
      {isAfterReset && (
        <Alert type="ok">
          <Paragraph>{t('passwordReset')}</Paragraph>
        </Alert>
      )}
      {loadError && (
        <Alert type="error">
          <Paragraph>{loadError}</Paragraph>
        </Alert>
      )}
      {profile ? (
        <ProfileSection profile={profile} onSaved={setProfile} />
      ) : (
        !loadError && <Paragraph role="status">{t('common:loading')}</Paragraph>
      )}
      <EmailSection />
      <PasswordSection />
      <SessionsSection />
      <MyDataSection />
      <DeleteAccountSection />
    </div>
  );
}
