// What participants and facilitators see and do on a canvas: sections with notes, dots, clusters, spotlight.
import {
  DndContext,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Alert, FormFieldCheckbox, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasConfig, CanvasSection, NoteValue } from '../../../common/activities/canvas.ts';
import {
  addNote,
  deleteCluster,
  deleteNote,
  moveNote,
  orderBetween,
  placeDot,
  readNotes,
  renameCluster,
  setCluster,
  takeBackDot,
  updateNote,
} from '../../../common/activities/canvas.doc.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import type { NoteActions } from './canvasActions.ts';
import { CanvasListView, type ListedNote } from './CanvasListView.tsx';
import {
  groupNotesBySection,
  isNoteVisible,
  isNoteVotable,
  isTallyVisible,
  lastOrder,
  mayChangeNote,
  neighboursForDrop,
  neighboursForStep,
  sortNotes,
} from './canvasModel.ts';
import {
  CanvasSectionBlock,
  sectionDropId,
  sectionFocusKey,
  type SectionNoteContext,
} from './CanvasSectionBlock.tsx';
import type { ClusterActions } from './ClusterManager.tsx';
import { noteDragId } from './NoteCard.tsx';
import { SpotlightBox } from './SpotlightBox.tsx';
import { useCanvasAnnouncements } from './useCanvasAnnouncements.ts';
import { useCanvasData } from './useCanvasData.ts';

const LIST_VIEW_KEY = 'stadshart.canvas.listView';
/** Notes of a section that is no longer on the canvas are shown under this pseudo-section. */
const ORPHAN_KEY = '';

/** A mouse must move this far before a press becomes a drag, so clicks on a note's buttons stay clicks. */
const MOUSE_DRAG_DISTANCE_PX = 8;
/** A finger must rest this long before it drags, so scrolling the page still works. */
const TOUCH_DRAG_DELAY_MS = 250;
const TOUCH_DRAG_TOLERANCE_PX = 5;

/** Dragging only gives mouse and touch users a shortcut; keyboard users move notes with the menu. */
const noDragAnnouncements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

/** The note under the pointer wins over the section around it. */
const preferNotes: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const note = hits.find((hit) => String(hit.id).startsWith(noteDragId('')));
  return note ? [note] : hits;
};

function readListViewChoice(): boolean {
  try {
    return window.localStorage.getItem(LIST_VIEW_KEY) === 'on';
  } catch {
    return false;
  }
}

function rememberListViewChoice(isOn: boolean): void {
  try {
    window.localStorage.setItem(LIST_VIEW_KEY, isOn ? 'on' : 'off');
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** The canvas activity's participant view (facilitators get their extra controls in it too). */
export function CanvasView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'canvas') return null;
  return <Canvas {...props} config={props.activity.config} />;
}

function Canvas({
  lab,
  activity,
  doc,
  state,
  spotlight,
  me,
  readOnly,
  controls,
  config,
  ...props
}: ActivityViewProps & { config: CanvasConfig }) {
  const { t } = useTranslation('activities');
  const isFacilitator = me.role === 'facilitator';
  const viewer = useMemo(
    () => ({ participantId: me.participantId, isFacilitator }),
    [me.participantId, isFacilitator],
  );
  const data = useCanvasData(doc, me.participantId, state.vote);
  const [isListView, setListView] = useState(readListViewChoice);
  const [focusNoteId, setFocusNoteId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const clearFocusRequest = useCallback(() => setFocusNoteId(null), []);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: MOUSE_DRAG_DISTANCE_PX } }),
    useSensor(TouchSensor, {
      activationConstraint: { delay: TOUCH_DRAG_DELAY_MS, tolerance: TOUCH_DRAG_TOLERANCE_PX },
    }),
  );
  const sections = config.sections;
  useCanvasAnnouncements({
    doc,
    sections,
    viewer,
    state,
    announce: (message) => props.announce(message),
  });

  const titleOf = (key: string) => sections.find((s) => s.key === key)?.title ?? key;
  const visibleNotes = data.notes.filter((note) => isNoteVisible(note, viewer, state.private));
  const { bySection, orphans } = groupNotesBySection(visibleNotes, sections);
  const showTally =
    isTallyVisible(state, isFacilitator) && (state.vote !== null || data.tally.size > 0);
  const spotlightNoteId = spotlight?.activityId === activity.id ? spotlight.noteId : null;
  const spotlightNote = data.notes.find((n) => n.id === spotlightNoteId) ?? null;
  const canWrite = !readOnly;

  function sortedSection(sectionKey: string): NoteValue[] {
    return sortNotes(readNotes(doc).filter((n) => n.section === sectionKey));
  }

  const actions: NoteActions = {
    edit(noteId, text, colour) {
      updateNote(doc, noteId, { text, colour });
      setStatus(t('canvas.status.saved'));
    },
    moveToSection(noteId, sectionKey) {
      moveNote(doc, noteId, sectionKey, orderBetween(lastOrder(sortedSection(sectionKey)), null));
      setFocusNoteId(noteId);
      setStatus(t('canvas.status.moved', { section: titleOf(sectionKey) }));
    },
    step(noteId, direction) {
      const note = data.notes.find((n) => n.id === noteId);
      if (!note) return;
      const between = neighboursForStep(sortedSection(note.section), noteId, direction);
      if (!between) return;
      moveNote(doc, noteId, note.section, orderBetween(between.before, between.after));
      setStatus(t(direction === 'up' ? 'canvas.status.movedUp' : 'canvas.status.movedDown'));
    },
    remove(noteId) {
      const note = data.notes.find((n) => n.id === noteId);
      deleteNote(doc, noteId);
      if (spotlightNoteId === noteId) controls?.setSpotlight(null);
      // The note's neighbour (or the section's add button) takes focus, so it is not lost.
      if (note) {
        const siblings = (bySection.get(note.section) ?? orphans).filter((n) => n.id !== noteId);
        const index = (bySection.get(note.section) ?? orphans).findIndex((n) => n.id === noteId);
        const next = siblings[Math.min(index, siblings.length - 1)];
        setFocusNoteId(next ? next.id : sectionFocusKey(note.section));
      }
      setStatus(t('canvas.status.deleted'));
    },
    placeDot(noteId) {
      placeDot(doc, me.participantId, noteId, state.vote);
    },
    takeBackDot(noteId) {
      takeBackDot(doc, me.participantId, noteId, state.vote);
    },
    assignCluster(noteId, clusterId) {
      updateNote(doc, noteId, { clusterId });
      setStatus(t('canvas.status.clusterSet'));
    },
    spotlight:
      controls && isFacilitator
        ? (noteId) => controls.setSpotlight(noteId ? { activityId: activity.id, noteId } : null)
        : null,
  };

  function dropNote(event: DragEndEvent) {
    const { active, over } = event;
    const noteId = String(active.id).slice(noteDragId('').length);
    if (!over || !data.notes.some((n) => n.id === noteId)) return;
    const overId = String(over.id);
    let sectionKey: string | undefined;
    let targetId: string | null = null;
    let placeAfter = false;
    if (overId.startsWith(noteDragId(''))) {
      const target = data.notes.find((n) => n.id === overId.slice(noteDragId('').length));
      if (!target) return;
      sectionKey = target.section;
      targetId = target.id;
      const dragged = active.rect.current.translated;
      placeAfter =
        dragged !== null && dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2;
    } else {
      sectionKey = overId.slice(sectionDropId('').length);
    }
    if (!sections.some((s) => s.key === sectionKey)) return;
    const between = neighboursForDrop(sortedSection(sectionKey), noteId, targetId, placeAfter);
    if (!between) return;
    moveNote(doc, noteId, sectionKey, orderBetween(between.before, between.after));
    setStatus(t('canvas.status.moved', { section: titleOf(sectionKey) }));
  }

  const clusterActions: ClusterActions | null =
    isFacilitator && canWrite
      ? {
          create(sectionKey, name) {
            setCluster(doc, { section: sectionKey, name });
            setStatus(t('canvas.status.clusterCreated', { name: name.trim() }));
          },
          rename(clusterId, name) {
            renameCluster(doc, clusterId, name);
            setStatus(t('canvas.status.clusterRenamed', { name: name.trim() }));
          },
          remove(clusterId) {
            deleteCluster(doc, clusterId);
            setStatus(t('canvas.status.clusterRemoved'));
          },
        }
      : null;

  const describeNote: SectionNoteContext['describeNote'] = (note) => ({
    isOwn: note.authorId === me.participantId,
    canChange: canWrite && mayChangeNote(note, viewer),
    tally: showTally ? (data.tally.get(note.id) ?? 0) : null,
    myDots: data.myDots.get(note.id) ?? 0,
    canVote: canWrite && isNoteVotable(note, state.vote),
    isSpotlighted: note.id === spotlightNoteId,
    canDrag: canWrite && mayChangeNote(note, viewer),
  });

  const context: SectionNoteContext = {
    sections,
    isFacilitator,
    showAuthors: !lab.anonymous,
    actions,
    describeNote,
    dotsLeft: data.dotsLeft,
  };

  function authorOf(note: NoteValue): string | null {
    if (note.authorId === me.participantId) return t('canvas.note.yours');
    if (lab.anonymous) return null;
    return note.authorName || t('canvas.note.unknownAuthor');
  }

  const orphanSection: Pick<CanvasSection, 'key' | 'title' | 'prompt' | 'colour'> = {
    key: ORPHAN_KEY,
    title: t('canvas.section.orphans'),
    prompt: t('canvas.section.orphansHint'),
    colour: '#767676',
  };

  const listSections = orphans.length > 0 ? [...sections, orphanSection] : sections;
  const listed = new Map<string, ListedNote[]>();
  for (const section of listSections) {
    const notes = section.key === ORPHAN_KEY ? orphans : (bySection.get(section.key) ?? []);
    listed.set(
      section.key,
      notes.map((note) => ({
        note,
        author: authorOf(note),
        tally: showTally ? (data.tally.get(note.id) ?? 0) : null,
        myDots: data.myDots.get(note.id) ?? 0,
        isSpotlighted: note.id === spotlightNoteId,
      })),
    );
  }

  return (
    <div className="stadshart-canvas">
      {spotlightNote && (
        <SpotlightBox
          note={spotlightNote}
          author={authorOf(spotlightNote)}
          sectionTitle={titleOf(spotlightNote.section)}
          onClear={actions.spotlight ? () => actions.spotlight?.(null) : null}
        />
      )}

      {state.private && (
        <Alert type="info">
          <Paragraph>
            {isFacilitator ? t('canvas.private.facilitator') : t('canvas.private.participant')}
          </Paragraph>
        </Alert>
      )}

      {state.vote?.open && canWrite && (
        <Paragraph className="stadshart-canvas__dots" role="status">
          {t('canvas.vote.dotsLeft', {
            count: data.dotsLeft,
            formatted: formatNumber(data.dotsLeft),
          })}
          {state.vote.sectionKey !== null &&
            ` ${t('canvas.vote.onlySection', { section: titleOf(state.vote.sectionKey) })}`}
        </Paragraph>
      )}
      {state.vote && !state.vote.open && !isFacilitator && (
        <Paragraph>
          {state.vote.revealed ? t('canvas.vote.closedRevealed') : t('canvas.vote.closedHidden')}
        </Paragraph>
      )}

      <FormFieldCheckbox
        name={`canvas-${activity.id}-list-view`}
        label={t('canvas.listView')}
        description={t('canvas.listViewHint')}
        checked={isListView}
        onChange={(event) => {
          setListView(event.target.checked);
          rememberListViewChoice(event.target.checked);
        }}
      />

      <p className="stadshart-visually-hidden" role="status">
        {status}
      </p>

      {isListView ? (
        <CanvasListView sections={listSections} notesBySection={listed} clusters={data.clusters} />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={preferNotes}
          onDragEnd={dropNote}
          accessibility={{ announcements: noDragAnnouncements, restoreFocus: false }}
        >
          <div className="stadshart-canvas__sections">
            {sections.map((section) => (
              <CanvasSectionBlock
                key={section.key}
                section={section}
                notes={bySection.get(section.key) ?? []}
                clusters={data.clusters.filter((c) => c.section === section.key)}
                context={context}
                onAdd={
                  canWrite
                    ? (text, colour) => {
                        addNote(doc, {
                          section: section.key,
                          text,
                          colour,
                          authorId: me.participantId,
                          authorName: lab.anonymous ? '' : me.displayName,
                        });
                        setStatus(t('canvas.status.added', { section: section.title }));
                      }
                    : null
                }
                clusterActions={clusterActions}
                focusNoteId={focusNoteId}
                onFocusDone={clearFocusRequest}
              />
            ))}
            {orphans.length > 0 && (
              <CanvasSectionBlock
                section={orphanSection}
                notes={orphans}
                clusters={[]}
                context={context}
                onAdd={null}
                clusterActions={null}
                focusNoteId={focusNoteId}
                onFocusDone={clearFocusRequest}
              />
            )}
          </div>
        </DndContext>
      )}
    </div>
  );
}
