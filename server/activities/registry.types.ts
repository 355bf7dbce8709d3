// The contract between the collaboration server (server/collab/) and each activity kind's server module.
import type * as Y from 'yjs';
import type { closeCodes } from '../../common/collab.ts';
import type { ActivityState } from '../../common/activities/control.ts';
import type { ActivityConfig, ActivityKind } from '../../common/activities/registry.ts';
import type { ActivitySynthesis } from '../../common/synthesis.ts';
import type { Db } from '../db/client.ts';

/** One write to a document, as decoded from an incoming Yjs update (server/collab/writes.ts). */
export type MapChange =
  | { op: 'set'; root: string; key: string; value: unknown; previous: unknown }
  | { op: 'delete'; root: string; key: string; previous: unknown };

/**
 * A write somewhere inside a free root (ServerActivityModule.freeRoots), one per free root an
 * update touches. The decoder has already refused content a rich-text editor never writes
 * (server/collab/writes.ts, U6); the kind judges who writes. `inserted` only counts what it adds
 * (characters of text, one per nested type or other value; nothing it removes is subtracted), so
 * a kind can bound the root's size without decoding it.
 */
export interface FreeChange {
  op: 'free';
  root: string;
  inserted: number;
}

/** Everything one update writes: root-map keys, and free roots touched as a whole. */
export type DocumentChange = MapChange | FreeChange;

/** Who writes, and the state the write is judged against. */
export interface WriteContext {
  participantId: string;
  displayName: string;
  isFacilitator: boolean;
  labId: string;
  anonymous: boolean;
  activityId: string;
  config: ActivityConfig;
  /** This activity's state in the control document (lock, private mode, vote). */
  state: ActivityState;
  /** The activity's document before the update is applied. */
  doc: Y.Doc;
  limits: { noteMaxLength: number };
}

/**
 * ok, or refused with a reason that goes into the close frame (short, English, for developers).
 * The document closes with 4422, or with 4403 when `code` says the writer may not write there at
 * all (a reader of a text that facilitators write).
 */
export type WriteVerdict =
  { ok: true } | { ok: false; reason: string; code?: typeof closeCodes.forbidden };

export interface ProjectionTarget {
  labId: string;
  activityId: string;
  config: ActivityConfig;
}

/** What a kind needs to summarise one activity for the lab's synthesis. */
export interface SynthesisTarget extends ProjectionTarget {
  title: string;
  /** True in an anonymous lab: no author names leave the server. */
  anonymous: boolean;
  /** The lab's places, so generated sentences can name them (positioning's summary). */
  places?: readonly { id: string; name: string }[];
}

export interface ServerActivityModule {
  kind: ActivityKind;
  /** The root maps a document of this kind may hold; a write to any other root is refused. */
  roots: readonly string[];
  /**
   * Roots whose content is one Yjs type edited as a whole (e.g. the Y.XmlFragment of a rich
   * text): writes of rich-text content (XML elements and text, characters, marks, attributes)
   * anywhere inside them arrive as one FreeChange per root instead of being refused; other
   * content is still refused (docs/COLLAB_SPEC.md, U6). Absent: none.
   */
  freeRoots?: readonly string[];
  /**
   * Judges the changes of one update together (e.g. a person's total dots after the update).
   * A kind without free roots never gets a FreeChange, so it may declare its check over MapChange.
   */
  checkChanges(changes: readonly DocumentChange[], ctx: WriteContext): WriteVerdict;
  /**
   * How many notes (or other rate-limited items) this update creates for the writer; the
   * collaboration server counts these against NOTES_PER_MINUTE.
   */
  countCreated(changes: readonly DocumentChange[]): number;
  /** Replaces the kind's projection rows of one activity with what the document holds now. */
  project(db: Db, doc: Y.Doc, target: ProjectionTarget): Promise<void>;
  /**
   * This activity's part of the lab's synthesis (common/synthesis.ts), read from the document
   * as it is now. Pure; the synthesis service adds what needs the database (e.g. grouping by
   * Dutch word stems). A kind without it is left out of the synthesis.
   */
  synthesise?(doc: Y.Doc, target: SynthesisTarget): ActivitySynthesis;
}
