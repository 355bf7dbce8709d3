// The lab's agenda: every step, the group's current one marked, the ones this person may open linked.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../common/labs.ts';

/** Which steps a person may open: facilitators all, participants the current one and those before it. */
export function openableSteps(
  activities: readonly Activity[],
  currentId: string | null,
  isFacilitator: boolean,
): Set<string> {
  if (isFacilitator) return new Set(activities.map((a) => a.id));
  const index = activities.findIndex((a) => a.id === currentId);
  return new Set(activities.slice(0, index + 1).map((a) => a.id));
}

/** Lists the agenda; `stepHref` builds the link that opens a step on this page. */
export function AgendaList({
  activities,
  currentId,
  viewingId,
  openable,
  stepHref,
}: {
  activities: readonly Activity[];
  currentId: string | null;
  viewingId: string | null;
  openable: ReadonlySet<string>;
  stepHref: (activityId: string) => string;
}) {
  const { t } = useTranslation('live');
  const headingId = useId();
  return (
    <nav aria-labelledby={headingId} className="stadshart-live-agenda">
      <Heading2 id={headingId}>{t('agenda.title')}</Heading2>
      {activities.length === 0 ? (
        <Paragraph>{t('agenda.empty')}</Paragraph>
      ) : (
        <ol className="stadshart-live-agenda__list">
          {activities.map((activity) => {
            const isCurrent = activity.id === currentId;
            const isViewing = activity.id === viewingId;
            const className = [
              'stadshart-live-agenda__item',
              isCurrent ? 'stadshart-live-agenda__item--current' : '',
              isViewing ? 'stadshart-live-agenda__item--viewing' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <li key={activity.id} className={className}>
                {openable.has(activity.id) && !isViewing ? (
                  <Link
                    to={stepHref(activity.id)}
                    className="utrecht-link"
                    aria-current={isCurrent ? 'step' : undefined}
                  >
                    {activity.title}
                  </Link>
                ) : (
                  <span aria-current={isCurrent ? 'step' : undefined}>{activity.title}</span>
                )}
                {isCurrent && (
                  <span className="stadshart-live-agenda__badge"> ({t('agenda.current')})</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {currentId === null && activities.length > 0 && (
        <Paragraph>{t('agenda.notStarted')}</Paragraph>
      )}
    </nav>
  );
}
