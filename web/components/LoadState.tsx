// What a page shows while its data loads, when loading failed, and once the data is there.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client.ts';
import type { ApiData } from '../api/useApiData.ts';

/** Turns a failed load into words: not found, not allowed, offline, or our fault. */
export function LoadProblem({ error, forbidden }: { error: unknown; forbidden?: string }) {
  const { t } = useTranslation();
  let message = t('errors.unexpected');
  if (error instanceof NetworkError) message = t('errors.network');
  else if (error instanceof ApiError && error.status === 404) message = t('errors.notFoundText');
  else if (error instanceof ApiError && error.status === 403)
    message = forbidden ?? t('errors.codes.forbidden');
  else if (error instanceof ApiError) message = t(`errors.codes.${error.problem.code}`);
  return (
    <Alert type={error instanceof ApiError && error.status === 403 ? 'info' : 'error'}>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

/** Renders `children` with the data once loaded; a loading note or the problem until then. */
export function LoadState<T>({
  resource,
  forbidden,
  children,
}: {
  resource: ApiData<T>;
  /** What to say when the person's role is too weak (the API answered 403). */
  forbidden?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (resource.data !== null) return <>{children(resource.data)}</>;
  if (resource.error) return <LoadProblem error={resource.error} forbidden={forbidden} />;
  return <Paragraph role="status">{t('loading')}</Paragraph>;
}
