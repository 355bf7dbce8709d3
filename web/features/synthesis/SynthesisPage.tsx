// The facilitator's live synthesis of a lab: grouped notes they can correct, top notes, and
// every method's results, refreshed every 5 seconds while the tab is visible.
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { lab as labSchema, type Lab } from '../../../common/labs.ts';
import type { Synthesis } from '../../../common/synthesis.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadProblem, LoadState } from '../../components/LoadState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/i18n.ts';
import { useLiveAnnouncer } from '../live/useLiveAnnouncer.tsx';
import { GroupEditor } from './GroupEditor.tsx';
import { SynthesisParts } from './SynthesisParts.tsx';
import { displayLabel, findNewGroups } from './synthesisModel.ts';
import { useSynthesis, type SynthesisState } from './useSynthesis.ts';

/**
 * Says politely which groups appeared since the last update; corrections the person made
 * themselves are confirmed where they made them, so they are not announced again.
 */
export function useNewGroupAnnouncements(
  state: Pick<SynthesisState, 'synthesis' | 'source'>,
  announce: (message: string) => void,
): void {
  const { t } = useTranslation('synthesis');
  const previous = useRef<Synthesis | null>(null);
  useEffect(() => {
    const next = state.synthesis;
    if (!next) return;
    if (state.source === 'poll') {
      for (const ref of findNewGroups(previous.current, next)) {
        announce(
          t('group.announceNew', {
            section: ref.sectionTitle,
            label: displayLabel(ref.group, t('group.other')),
          }),
        );
      }
    }
    previous.current = next;
  }, [state.synthesis, state.source, announce, t]);
}

/** When the synthesis was made, in the reader's time format. */
export function UpdatedAt({ synthesis }: { synthesis: Synthesis }) {
  const { t } = useTranslation('synthesis');
  const time = formatDateTime(synthesis.generatedAt, { timeStyle: 'medium' });
  return <Paragraph className="stadshart-synthesis__updated">{t('updatedAt', { time })}</Paragraph>;
}

function FacilitatorSynthesis({ lab }: { lab: Lab }) {
  const { t } = useTranslation('synthesis');
  const state = useSynthesis(lab.id);
  const { announce, region, toggle } = useLiveAnnouncer();
  useNewGroupAnnouncements(state, announce);
  const { synthesis, error, correct } = state;

  let body: React.ReactNode;
  if (synthesis) {
    body = (
      <>
        {error !== null && (
          <Alert type="warning">
            <Paragraph>{t('stale')}</Paragraph>
          </Alert>
        )}
        <UpdatedAt synthesis={synthesis} />
        {synthesis.unavailable.length > 0 && (
          <Alert type="warning">
            <Paragraph>
              {t('unavailable', {
                titles: synthesis.unavailable.map((activity) => activity.title).join(', '),
              })}
            </Paragraph>
          </Alert>
        )}
        <section aria-label={t('method.heading')}>
          <Heading2>{t('method.heading')}</Heading2>
          <Paragraph lang="nl">{synthesis.grouping.method}</Paragraph>
          <Paragraph>{t('method.limits')}</Paragraph>
        </section>
        <SynthesisParts
          synthesis={synthesis}
          renderSection={(part, section) => (
            <GroupEditor activityId={part.activityId} section={section} correct={correct} />
          )}
        />
      </>
    );
  } else if (error !== null) {
    body = <LoadProblem error={error} />;
  } else {
    body = <Paragraph role="status">{t('loading')}</Paragraph>;
  }

  return (
    <>
      {region}
      <Paragraph>
        <Link to={`/lab/${lab.id}`} className="utrecht-link">
          {t('backToLab')}
        </Link>
        {' · '}
        <a
          href={`/lab/${lab.id}/presenter/synthesis`}
          target="_blank"
          rel="noopener"
          className="utrecht-link"
        >
          {t('presenterLink')}
        </a>
      </Paragraph>
      {toggle}
      {body}
    </>
  );
}

/** /lab/:labId/synthesis — for the lab's facilitators. */
export function SynthesisPage() {
  const { t } = useTranslation('synthesis');
  const { labId = '' } = useParams<{ labId: string }>();
  const resource = useApiData(labId ? `/labs/${labId}` : null, labSchema);
  const title = resource.data ? t('title', { title: resource.data.title }) : t('pageTitle');
  usePageTitle(title);
  return (
    <>
      <Heading1>{title}</Heading1>
      <LoadState resource={resource}>
        {(lab) =>
          lab.can.facilitate ? (
            <FacilitatorSynthesis lab={lab} />
          ) : (
            <Paragraph>{t('onlyFacilitators')}</Paragraph>
          )
        }
      </LoadState>
    </>
  );
}
