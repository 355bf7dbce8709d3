// The participant's live lab: the current step with its activity, the agenda, timer, spotlight and sync state.
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { LiveMe } from '../../activities/registry.types.ts';
import type { CollabToken, Lab } from '../../../common/labs.ts';
import type { ConnectionProblem, LabIdentity } from '../../collab/labConnection.ts';
import { useConnectionSnapshot, useLabConnection } from '../../collab/useLabConnection.ts';
import { useSyncState } from '../../collab/useSyncState.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ActivityPane } from './ActivityPane.tsx';
import { AgendaList, openableSteps } from './AgendaList.tsx';
import { FacilitatorBar } from './FacilitatorBar.tsx';
import { forgetLab } from './liveCache.ts';
import { LiveProblem, type LiveProblemKind } from './LiveProblem.tsx';
import { LiveTimer } from './LiveTimer.tsx';
import { RefusedNotice } from './RefusedNotice.tsx';
import { SpotlightRegion } from './SpotlightRegion.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { useControl } from './useControl.ts';
import { useLiveAnnouncer } from './useLiveAnnouncer.tsx';
import { useLiveLab } from './useLiveLab.ts';
import { useSoundSwitch } from './useSoundSwitch.tsx';

/** The search parameter naming the step a person chose to look at instead of the current one. */
export const STEP_PARAM = 'stap';

/** The display name the join page hands over in the router state, if it did. */
function nameFromRouterState(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const participant = (state as { participant?: { displayName?: unknown } }).participant;
  return typeof participant?.displayName === 'string' ? participant.displayName : null;
}

/** /lab/:labId — loads the lab, connects, and shows the live session. */
export function LivePage() {
  const { t } = useTranslation('live');
  const { labId = '' } = useParams<{ labId: string }>();
  const location = useLocation();
  const { session } = useSession();
  // Read once: the router state is gone after the first navigation on this page (a step link),
  // and a changed name must not reload the lab.
  const [knownName] = useState(
    () => nameFromRouterState(location.state) ?? session?.user?.name ?? null,
  );
  const loaded = useLiveLab(labId, knownName);
  usePageTitle(loaded.status === 'ready' ? loaded.lab.title : t('pageTitle'));

  if (loaded.status === 'loading') {
    return (
      <>
        <Heading1>{t('pageTitle')}</Heading1>
        <Paragraph role="status">{t('loading')}</Paragraph>
      </>
    );
  }
  if (loaded.status === 'problem') {
    return (
      <>
        <Heading1>{t('pageTitle')}</Heading1>
        <LiveProblem problem={loaded.problem} />
      </>
    );
  }
  return (
    <LiveLab
      key={loaded.lab.id}
      lab={loaded.lab}
      initialMe={loaded.me}
      firstToken={loaded.firstToken}
      isSavedCopy={loaded.isSavedCopy}
    />
  );
}

function problemKind(problem: ConnectionProblem | null): LiveProblemKind | null {
  if (!problem) return null;
  return problem.kind === 'stopped' ? problem.reason : problem.kind;
}

function LiveLab({
  lab,
  initialMe,
  firstToken,
  isSavedCopy,
}: {
  lab: Lab;
  initialMe: LabIdentity & { displayName: string };
  firstToken: CollabToken | null;
  isSavedCopy: boolean;
}) {
  const { t } = useTranslation('live');
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const connection = useLabConnection(lab.id, true, firstToken);
  const snapshot = useConnectionSnapshot(connection);
  const { announce, region, toggle } = useLiveAnnouncer();
  const sound = useSoundSwitch();
  const controlSnapshot = connection ? snapshot?.documents[connection.controlName] : undefined;
  const controlDoc = controlSnapshot?.doc ?? null;
  const isControlSynced = controlSnapshot?.synced ?? false;
  const control = useControl(controlDoc);
  const identity = snapshot?.identity ?? initialMe;
  const me: LiveMe = {
    participantId: identity.participantId,
    role: identity.role,
    displayName: initialMe.displayName,
  };
  const isFacilitator = me.role === 'facilitator';
  const isLabReadOnly = lab.status === 'closed' || identity.readOnly;
  const current = control?.current ?? null;
  const openable = openableSteps(lab.activities, current, isFacilitator);
  const requested = params.get(STEP_PARAM);
  const viewingId =
    requested && openable.has(requested)
      ? requested
      : (current ?? (isFacilitator ? (lab.activities[0]?.id ?? null) : null));
  const viewing = lab.activities.find((a) => a.id === viewingId) ?? null;
  const currentActivity = lab.activities.find((a) => a.id === current) ?? null;
  const problem = problemKind(snapshot?.problem ?? null);
  const sync = useSyncState(connection);
  const settingsId = useId();

  // When the facilitator moves everyone on, this person is brought along (and told so).
  const seenCurrent = useRef<{ value: string | null; wasSynced: boolean } | null>(null);
  useEffect(() => {
    const seen = seenCurrent.current;
    seenCurrent.current = { value: current, wasSynced: isControlSynced };
    if (!seen || seen.value === current) return;
    // The first value arriving from IndexedDB or the server is not a move.
    if (seen.value === null && !seen.wasSynced) return;
    if (params.has(STEP_PARAM)) {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete(STEP_PARAM);
          return next;
        },
        { replace: true },
      );
    }
    const title = lab.activities.find((a) => a.id === current)?.title;
    if (title && !isFacilitator) announce(t('agenda.moved', { title }));
  }, [current, isControlSynced, params, setParams, lab.activities, isFacilitator, announce, t]);

  // Losing and regaining the connection is said once, not with every change of the counter.
  const wasOffline = useRef(false);
  useEffect(() => {
    const isOffline = sync.state === 'offline';
    if (isOffline === wasOffline.current) return;
    if (isOffline || sync.state === 'saved') {
      wasOffline.current = isOffline;
      announce(isOffline ? t('sync.offline', { count: sync.pending }) : t('sync.saved'));
    }
  }, [sync.state, sync.pending, announce, t]);

  const refusedCount = snapshot?.refused.length ?? 0;
  const lastRefused = snapshot?.refused[refusedCount - 1];
  useEffect(() => {
    if (!lastRefused) return;
    const activity =
      lab.activities.find((a) => a.documentName === lastRefused.documentName)?.title ?? lab.title;
    announce(t('refused.announce', { activity }));
  }, [lastRefused, lab, announce, t]);

  useEffect(() => {
    if (problem === 'removed') forgetLab(lab.id);
  }, [problem, lab.id]);

  if (problem) {
    return (
      <>
        <Heading1>{lab.title}</Heading1>
        <LiveProblem problem={problem} />
      </>
    );
  }

  const presence = snapshot?.presence ?? null;
  const spotlight = control?.spotlight ?? null;
  const stepHref = (activityId: string) =>
    activityId === current ? location.pathname : `${location.pathname}?${STEP_PARAM}=${activityId}`;

  return (
    <div className="stadshart-live">
      <Heading1>{lab.title}</Heading1>
      {region}
      <div className="stadshart-live-status">
        <SyncStatus sync={sync} />
        <p className="stadshart-live-count">
          {presence
            ? t('participants', { count: presence.count, formatted: formatNumber(presence.count) })
            : t('participantsUnknown')}
        </p>
      </div>

      {isSavedCopy && (
        <Alert type="info" role="presentation">
          <Paragraph>{t('offlineCopy')}</Paragraph>
        </Alert>
      )}
      {snapshot?.refused.map((refused) => (
        <RefusedNotice
          key={refused.id}
          lab={lab}
          refused={refused}
          onDismiss={() => connection?.dismissRefused(refused.id)}
        />
      ))}
      {isLabReadOnly && (
        <Alert type="info" role="presentation">
          {/* A read-only connection means the lab was closed (docs/COLLAB_SPEC.md). */}
          <Paragraph>{t('closed')}</Paragraph>
        </Alert>
      )}

      <LiveTimer timer={control?.timer ?? null} announce={announce} isMuted={sound.isMuted} />

      {spotlight && spotlight.activityId !== viewingId && (
        <SpotlightRegion
          connection={connection}
          lab={lab}
          spotlight={spotlight}
          showAuthors={!lab.anonymous || isFacilitator}
          announce={announce}
        />
      )}

      <div className="stadshart-live-layout">
        <div className="stadshart-live-main">
          {viewing && currentActivity && viewing.id !== currentActivity.id && (
            <Alert type="info" role="presentation">
              <Paragraph>{t('agenda.lookingBack', { title: currentActivity.title })}</Paragraph>
              <Paragraph>
                <Link to={location.pathname} className="utrecht-link">
                  {t('agenda.backToCurrent')}
                </Link>
              </Paragraph>
            </Alert>
          )}
          {viewing ? (
            <ActivityPane
              key={viewing.id}
              connection={connection}
              lab={lab}
              activity={viewing}
              control={control}
              controlDoc={controlDoc}
              me={me}
              isLabReadOnly={isLabReadOnly}
              announce={announce}
            />
          ) : (
            <Paragraph>
              {lab.activities.length === 0 ? t('agenda.empty') : t('agenda.notStarted')}
            </Paragraph>
          )}
        </div>
        <div className="stadshart-live-side">
          <AgendaList
            activities={lab.activities}
            currentId={current}
            viewingId={viewingId}
            openable={openable}
            stepHref={stepHref}
          />
          {isFacilitator && controlDoc && control && (
            <FacilitatorBar
              lab={lab}
              controlDoc={controlDoc}
              control={control}
              presence={presence}
              isReadOnly={isLabReadOnly}
            />
          )}
          <section aria-labelledby={settingsId} className="stadshart-live-settings">
            <Heading2 id={settingsId} className="stadshart-visually-hidden">
              {t('settings')}
            </Heading2>
            {toggle}
            {sound.toggle}
          </section>
        </div>
      </div>
    </div>
  );
}
