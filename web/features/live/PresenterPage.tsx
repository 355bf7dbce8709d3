// The big screen in the room: how to join (code, QR, address), the current step with live results, timer, spotlight.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CollabToken, Lab } from '../../../common/labs.ts';
import type { LiveMe } from '../../activities/registry.types.ts';
import type { LabIdentity } from '../../collab/labConnection.ts';
import { useConnectionSnapshot, useLabConnection } from '../../collab/useLabConnection.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { ActivityPane } from './ActivityPane.tsx';
import { LiveProblem } from './LiveProblem.tsx';
import { LiveTimer } from './LiveTimer.tsx';
import { SpotlightRegion } from './SpotlightRegion.tsx';
import { useControl } from './useControl.ts';
import { useLiveAnnouncer } from './useLiveAnnouncer.tsx';
import { useLiveLab } from './useLiveLab.ts';
import { useSoundSwitch } from './useSoundSwitch.tsx';

/** Puts a thin space between the characters of a join code, so it reads well from afar. */
export function spacedCode(code: string): string {
  return [...code].join('\u2009');
}

/** /lab/:labId/presenter — for facilitators only; everything large, nothing to edit. */
export function PresenterPage() {
  const { t } = useTranslation('live');
  const { labId = '' } = useParams<{ labId: string }>();
  // This page has no site frame, which elsewhere waits for the session: the token request is a
  // POST that needs the session's CSRF token, so wait for it here.
  const { session } = useSession();
  const loaded = useLiveLab(session ? labId : null, null);
  const title =
    loaded.status === 'ready' ? t('presenter.title', { title: loaded.lab.title }) : t('pageTitle');
  usePageTitle(title);

  let body: React.ReactNode;
  if (loaded.status === 'loading') {
    body = (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph role="status">{t('loading')}</Paragraph>
      </>
    );
  } else if (loaded.status === 'problem') {
    body = (
      <>
        <Heading1>{title}</Heading1>
        <LiveProblem problem={loaded.problem} />
      </>
    );
  } else if (!loaded.lab.can.facilitate || loaded.me.role !== 'facilitator') {
    body = (
      <>
        <Heading1>{title}</Heading1>
        <Paragraph>{t('presenter.onlyFacilitators')}</Paragraph>
      </>
    );
  } else {
    body = <Presenter lab={loaded.lab} me={loaded.me} firstToken={loaded.firstToken} />;
  }
  return (
    <main id="main" className="stadshart-presenter">
      {body}
    </main>
  );
}

function Presenter({
  lab,
  me: identity,
  firstToken,
}: {
  lab: Lab;
  me: LabIdentity & { displayName: string };
  firstToken: CollabToken | null;
}) {
  const { t } = useTranslation('live');
  const connection = useLabConnection(lab.id, true, firstToken);
  const snapshot = useConnectionSnapshot(connection);
  const { announce, region } = useLiveAnnouncer();
  const sound = useSoundSwitch();
  const controlDoc = connection ? (snapshot?.documents[connection.controlName]?.doc ?? null) : null;
  const control = useControl(controlDoc);
  const current = lab.activities.find((a) => a.id === control?.current) ?? null;
  const spotlight = control?.spotlight ?? null;
  const presence = snapshot?.presence ?? null;
  const me: LiveMe = {
    participantId: identity.participantId,
    role: identity.role,
    displayName: identity.displayName,
  };
  const joinUrl = `${location.host}/join`;
  const code = lab.joinCode;

  return (
    <>
      {region}
      <header className="stadshart-presenter__header">
        <Heading1 className="stadshart-presenter__title">{lab.title}</Heading1>
        <p className="stadshart-presenter__count">
          {presence
            ? t('participants', { count: presence.count, formatted: formatNumber(presence.count) })
            : t('participantsUnknown')}
        </p>
      </header>
      <div className="stadshart-presenter__layout">
        <div className="stadshart-presenter__join">
          {code ? (
            <>
              <p className="stadshart-presenter__join-url">
                {t('presenter.join', { url: joinUrl })}
              </p>
              <p className="stadshart-presenter__code">
                <span aria-hidden="true">{spacedCode(code)}</span>
                <span className="stadshart-visually-hidden">
                  {t('presenter.codeSpoken', { code: [...code].join(' ') })}
                </span>
              </p>
              <img
                className="stadshart-presenter__qr"
                src={`/api/v1/orgs/${lab.orgSlug}/labs/${lab.id}/qr.svg`}
                alt={t('presenter.qrAlt')}
                width={320}
                height={320}
              />
            </>
          ) : (
            <Paragraph>{t('presenter.noCode')}</Paragraph>
          )}
          <LiveTimer
            timer={control?.timer ?? null}
            announce={announce}
            isMuted={sound.isMuted}
            size="large"
          />
        </div>
        <div className="stadshart-presenter__stage">
          {spotlight && spotlight.activityId !== current?.id && (
            <SpotlightRegion
              connection={connection}
              lab={lab}
              spotlight={spotlight}
              showAuthors={!lab.anonymous}
              announce={announce}
              size="large"
            />
          )}
          {current ? (
            <ActivityPane
              key={current.id}
              connection={connection}
              lab={lab}
              activity={current}
              control={control}
              controlDoc={controlDoc}
              me={me}
              isLabReadOnly
              announce={announce}
              variant="presenter"
            />
          ) : (
            <p className="stadshart-presenter__waiting">{t('presenter.noStep')}</p>
          )}
        </div>
      </div>
      <footer className="stadshart-presenter__footer">
        {sound.toggle}
        <a href={`/lab/${lab.id}/presenter/synthesis`} className="utrecht-link">
          {t('synthesis:presenterLink')}
        </a>
      </footer>
    </>
  );
}
