// Explains why the live lab cannot be used (removed, full, no access, offline) and where to go next.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type LiveProblemKind =
  | 'unauthenticated'
  | 'notFound'
  | 'removed'
  | 'forbidden'
  | 'notOpen'
  | 'labFull'
  | 'network'
  | 'unexpected';

const offersJoin: ReadonlySet<LiveProblemKind> = new Set([
  'unauthenticated',
  'notFound',
  'removed',
  'forbidden',
]);

/** A plain explanation, with a link to the join page where joining (again) is the way on. */
export function LiveProblem({ problem }: { problem: LiveProblemKind }) {
  const { t } = useTranslation('live');
  return (
    <Alert type={problem === 'network' || problem === 'unexpected' ? 'error' : 'warning'}>
      <Paragraph data-live-problem={problem}>{t(`problems.${problem}`)}</Paragraph>
      {offersJoin.has(problem) && (
        <Paragraph>
          <Link to="/join" className="utrecht-link">
            {t('problems.toJoin')}
          </Link>
        </Paragraph>
      )}
    </Alert>
  );
}
