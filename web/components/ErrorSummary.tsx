// The list of what went wrong at the top of a form, focused when it appears (NL Design System pattern).
import {
  Alert,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './useApiForm.ts';

/** Shows the general message and links to each wrong field; renders nothing when there are no errors. */
export function ErrorSummary({
  errors,
  fieldLabels,
}: {
  errors: FormErrors;
  fieldLabels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const fieldEntries = Object.entries(errors.fields);
  const hasErrors = errors.general !== null || fieldEntries.length > 0;

  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors]);

  if (!hasErrors) return null;
  return (
    <div ref={ref} tabIndex={-1} className="stadshart-error-summary">
      <Alert type="error">
        <Heading2>
          {fieldEntries.length > 0 ? t('errors.fieldsTitle') : t('errors.summaryTitle')}
        </Heading2>
        {errors.general && <Paragraph>{errors.general}</Paragraph>}
        {fieldEntries.length > 0 && (
          <UnorderedList>
            {fieldEntries.map(([field, message]) => (
              <UnorderedListItem key={field}>
                <Link href={`#field-${field}`}>
                  {fieldLabels?.[field] ? `${fieldLabels[field]}: ${message}` : message}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Alert>
    </div>
  );
}
