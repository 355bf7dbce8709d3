// What facilitator-only pages say to members, instead of a form the server would refuse.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgRole } from '../orgs/useOrgRole.ts';

/** Explains politely that only facilitators and admins may change places and regions. */
export function OnlyManagers() {
  const { t } = useTranslation('places');
  const { orgSlug } = useOrgRole();
  return (
    <Alert type="info">
      <Paragraph>{t('onlyManagers')}</Paragraph>
      <Paragraph>
        <Link to={`/o/${orgSlug}/places`} className="utrecht-link">
          {t('places.back')}
        </Link>
      </Paragraph>
    </Alert>
  );
}
