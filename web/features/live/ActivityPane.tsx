// One step of the agenda on the live page: its kind's view from the registry, fed with live state.
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  patchActivityState,
  setSpotlight,
  type ControlView,
} from '../../../common/activities/control.doc.ts';
import { defaultActivityStateFor } from '../../../common/activities/control.ts';
import type { Activity, Lab } from '../../../common/labs.ts';
import { moduleFor } from '../../activities/registry.ts';
import type { FacilitatorControls, LiveMe } from '../../activities/registry.types.ts';
import type { LabConnection } from '../../collab/labConnection.ts';
import { useLabDocument } from '../../collab/useLabConnection.ts';

/** Facilitator controls that write the control document; invalid patches are ignored. */
export function useFacilitatorControls(
  controlDoc: Y.Doc | null,
  activityId: string,
  kind: string,
  isAllowed: boolean,
): FacilitatorControls | null {
  return useMemo(() => {
    if (!controlDoc || !isAllowed) return null;
    return {
      setActivityState(patch) {
        try {
          patchActivityState(controlDoc, activityId, patch, kind);
        } catch {
          // The view offered a value the schema refuses; nothing is written.
        }
      },
      setSpotlight(value) {
        setSpotlight(controlDoc, value);
      },
    };
  }, [controlDoc, activityId, kind, isAllowed]);
}

/**
 * Renders `activity` with its kind's participant view (or presenter view). Read-only when the
 * lab is closed or the connection only reads, or — for participants — when the step is locked.
 */
export function ActivityPane({
  connection,
  lab,
  activity,
  control,
  controlDoc,
  me,
  isLabReadOnly,
  announce,
  variant = 'participant',
}: {
  connection: LabConnection | null;
  lab: Lab;
  activity: Activity;
  control: ControlView | null;
  controlDoc: Y.Doc | null;
  me: LiveMe;
  isLabReadOnly: boolean;
  announce: (message: string) => void;
  variant?: 'participant' | 'presenter';
}) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const document = useLabDocument(connection, activity.documentName);
  const state =
    control?.activityState(activity.id, activity.kind) ?? defaultActivityStateFor(activity.kind);
  const isFacilitator = me.role === 'facilitator';
  const isPresenter = variant === 'presenter';
  const controls = useFacilitatorControls(
    controlDoc,
    activity.id,
    activity.kind,
    isFacilitator && !isLabReadOnly && !isPresenter,
  );
  const isLocked = state.locked && !isFacilitator;
  const readOnly = isPresenter || isLabReadOnly || isLocked || (document?.readOnly ?? false);
  const webModule = moduleFor(activity.kind);
  const View = isPresenter ? webModule.PresenterView : webModule.ParticipantView;

  return (
    <section aria-labelledby={headingId} className="stadshart-live-activity">
      <Heading2 id={headingId}>
        {isPresenter ? t('presenter.step', { title: activity.title }) : activity.title}
      </Heading2>
      {isLocked && !isLabReadOnly && !isPresenter && (
        <Alert type="info" role="presentation">
          <Paragraph>{t('locked')}</Paragraph>
        </Alert>
      )}
      {/* Shown once the local copy is in, so the first render already has it: a view that
          subscribes a moment after rendering must not miss what IndexedDB brought in between. */}
      {document?.isLoaded ? (
        <View
          // A document replaced by the server's copy gets a fresh view, not stale local state.
          key={`${activity.id}:${document.generation}`}
          lab={lab}
          activity={activity}
          doc={document.doc}
          state={state}
          spotlight={control?.spotlight ?? null}
          me={me}
          readOnly={readOnly}
          announce={announce}
          controls={controls}
        />
      ) : (
        <Paragraph>{t('loading')}</Paragraph>
      )}
    </section>
  );
}
