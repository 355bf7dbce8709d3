// The frame of every page: skip link, header with navigation and language switch, main landmark, footer.
import {
  Button,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { updateProfileRequest } from '../../common/account.ts';
import type { Locale } from '../../common/fields.ts';
import { api } from '../api/client.ts';
import { useOrg } from '../features/orgs/OrgContext.tsx';
import { changeLocale, currentLocale } from '../i18n/i18n.ts';
import { useSession } from '../session/SessionProvider.tsx';

function LanguageSwitch() {
  const { t } = useTranslation();
  const { session } = useSession();
  const target: Locale = currentLocale() === 'nl' ? 'en' : 'nl';
  return (
    <Button
      appearance="subtle-button"
      lang={target}
      onClick={() => {
        void changeLocale(target);
        // Remember the choice on the account too, so it follows the person to other devices.
        if (session?.user)
          void api('PATCH', '/me', { body: updateProfileRequest.parse({ locale: target }) }).catch(
            () => undefined,
          );
      }}
    >
      {t('language.switchTo')}
    </Button>
  );
}

/** Renders the page frame around the current route. */
export function AppLayout() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const orgState = useOrg();
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  // After client-side navigation, move focus to the main content so keyboard and screen-reader
  // users start at the new page instead of the link they just used.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const user = session?.user ?? null;
  const org = orgState?.org ?? null;

  return (
    <Page>
      <SkipLink href="#main">{t('skipLink')}</SkipLink>
      <PageHeader>
        <div className="stadshart-header">
          <NavLink to={org ? `/o/${org.slug}` : '/'} className="stadshart-header__brand">
            {org?.logoUrl ? (
              <img className="stadshart-header__logo" src={org.logoUrl} alt={org.name} />
            ) : (
              <span>{org?.name ?? t('appName')}</span>
            )}
          </NavLink>
          <nav aria-label={t('nav.label')}>
            <ul className="stadshart-nav">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                {/* Server-rendered (public-site feature): a full page load, not an app route. */}
                <a href="/kennisbank">{t('knowledge:nav.public')}</a>
              </li>
              {user && (
                <li>
                  <NavLink to="/account">
                    <span className="stadshart-avatar" aria-hidden="true">
                      {user.initials}
                    </span>{' '}
                    {t('nav.account')}
                  </NavLink>
                </li>
              )}
              {!user && session && (
                <li>
                  <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
                </li>
              )}
              {user && (
                <li>
                  <Button
                    appearance="subtle-button"
                    onClick={() => {
                      void api('POST', '/auth/sign-out')
                        .catch(() => undefined)
                        .then(refresh)
                        .then(() => navigate('/'));
                    }}
                  >
                    {t('nav.signOut')}
                  </Button>
                </li>
              )}
              <li>
                <LanguageSwitch />
              </li>
            </ul>
          </nav>
        </div>
      </PageHeader>
      <PageContent>
        <main id="main" ref={mainRef} tabIndex={-1} className="stadshart-main">
          {session ? <Outlet /> : <Paragraph role="status">{t('loading')}</Paragraph>}
        </main>
      </PageContent>
      <PageFooter>
        <div>
          <Paragraph>{t('footer.text')}</Paragraph>
          <Paragraph>
            <NavLink to="/api-reference">{t('nav.api')}</NavLink> ·{' '}
            <a href="/.well-known/security.txt">{t('footer.security')}</a>
          </Paragraph>
        </div>
      </PageFooter>
    </Page>
  );
}
