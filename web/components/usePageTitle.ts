// Gives every page its own document title, which screen readers announce on navigation.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<title> · Stadshart". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
}
