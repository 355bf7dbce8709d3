// The page for a path that does not exist.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle.ts';

/** Tells the person the page is not there and offers the way home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <>
      <Heading1>{t('errors.notFoundTitle')}</Heading1>
      <Paragraph>{t('errors.notFoundText')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('nav.home')}</Link>
      </Paragraph>
    </>
  );
}
