// The contract between the live lab shell (web/features/live/) and each activity kind's web module.
import type { ComponentType } from 'react';
import type * as Y from 'yjs';
import type { ActivityConfig, ActivityKind } from '../../common/activities/registry.ts';
import type { ActivityState, SpotlightValue } from '../../common/activities/control.ts';
import type { Activity, Lab } from '../../common/labs.ts';

/** Who is looking, as the lab knows them. */
export interface LiveMe {
  participantId: string;
  displayName: string;
  role: 'facilitator' | 'participant';
}

/** What a facilitator may change from inside an activity view; null for participants. */
export interface FacilitatorControls {
  /** Merges `patch` into this activity's state in the control document. */
  setActivityState(patch: Partial<ActivityState>): void;
  /** Shows one note on every screen, or clears the spotlight with null. */
  setSpotlight(value: SpotlightValue | null): void;
}

export interface ActivityViewProps {
  lab: Lab;
  activity: Activity;
  /** The activity's live document, already connected (and kept in IndexedDB). */
  doc: Y.Doc;
  state: ActivityState;
  spotlight: SpotlightValue | null;
  me: LiveMe;
  /** True when the lab is closed, the activity is locked, or the connection is read-only. */
  readOnly: boolean;
  /** Says `message` politely to screen readers (rate-limited, can be switched off by the person). */
  announce(message: string): void;
  controls: FacilitatorControls | null;
}

export interface ConfigFormProps<C extends ActivityConfig = ActivityConfig> {
  /** The lab the activity belongs to (its places, organisation, themes and earlier results). */
  lab: Lab;
  value: C;
  onChange(value: C): void;
  /** Field errors from the server or the zod schema, keyed by dotted path inside `config`. */
  errors: Record<string, string>;
}

export interface WebActivityModule {
  kind: ActivityKind;
  /** i18n key (namespace activities) of the kind's name, e.g. "kinds.canvas". */
  labelKey: string;
  /** What participants (and facilitators) see and do. */
  ParticipantView: ComponentType<ActivityViewProps>;
  /** The big screen: large type, live results, no editing. */
  PresenterView: ComponentType<ActivityViewProps>;
  /** The settings form in the agenda editor. */
  ConfigForm: ComponentType<ConfigFormProps>;
  /** Settings for a new activity of this kind. */
  defaultConfig(): ActivityConfig;
}
