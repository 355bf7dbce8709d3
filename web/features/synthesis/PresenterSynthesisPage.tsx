// The synthesis on the big screen: the same data as the facilitator's page, large and read-only.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { lab as labSchema, type Lab } from '../../../common/labs.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadProblem, LoadState } from '../../components/LoadState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { useLiveAnnouncer } from '../live/useLiveAnnouncer.tsx';
import { SynthesisParts } from './SynthesisParts.tsx';
import { UpdatedAt, useNewGroupAnnouncements } from './SynthesisPage.tsx';
import { useSynthesis } from './useSynthesis.ts';

function BigScreen({ lab }: { lab: Lab }) {
  const { t } = useTranslation('synthesis');
  const state = useSynthesis(lab.id);
  const { announce, region } = useLiveAnnouncer();
  useNewGroupAnnouncements(state, announce);
  const { synthesis, error } = state;
  let body: React.ReactNode;
  if (synthesis) {
    body = (
      <>
        <UpdatedAt synthesis={synthesis} />
        <Paragraph lang="nl" className="stadshart-synthesis__method">
          {synthesis.grouping.method}
        </Paragraph>
        <SynthesisParts synthesis={synthesis} size="large" />
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
      {body}
    </>
  );
}

/** /lab/:labId/presenter/synthesis — for facilitators; everything large, nothing to edit. */
export function PresenterSynthesisPage() {
  const { t } = useTranslation('synthesis');
  const { labId = '' } = useParams<{ labId: string }>();
  // This page has no site frame, which elsewhere waits for the session; wait for it here.
  const { session } = useSession();
  const resource = useApiData(session && labId ? `/labs/${labId}` : null, labSchema);
  const title = resource.data ? t('title', { title: resource.data.title }) : t('pageTitle');
  usePageTitle(title);
  return (
    <main id="main" className="stadshart-presenter stadshart-synthesis-presenter">
      <Heading1 className="stadshart-presenter__title">{title}</Heading1>
      <LoadState resource={resource}>
        {(lab) =>
          lab.can.facilitate ? (
            <BigScreen lab={lab} />
          ) : (
            <Paragraph>{t('onlyFacilitators')}</Paragraph>
          )
        }
      </LoadState>
    </main>
  );
}
