// One section of the canvas: its title, prompt and colour, its notes in order, and the form to add one.
import { useDroppable } from '@dnd-kit/core';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CanvasSection,
  ClusterValue,
  NoteColour,
  NoteValue,
} from '../../../common/activities/canvas.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { NoteActions } from './canvasActions.ts';
import { nextFocusIndex } from './canvasModel.ts';
import { ClusterManager, type ClusterActions } from './ClusterManager.tsx';
import { NoteCard } from './NoteCard.tsx';
import { NoteEditor } from './NoteEditor.tsx';

/** What every note of the section shares; per-note facts come from `describeNote`. */
export interface SectionNoteContext {
  sections: readonly Pick<CanvasSection, 'key' | 'title'>[];
  isFacilitator: boolean;
  showAuthors: boolean;
  actions: NoteActions;
  describeNote: (note: NoteValue) => {
    isOwn: boolean;
    canChange: boolean;
    tally: number | null;
    myDots: number;
    canVote: boolean;
    isSpotlighted: boolean;
    canDrag: boolean;
  };
  dotsLeft: number;
}

/** The drag-and-drop id of a section: dropping a note there puts it at the end. */
export function sectionDropId(sectionKey: string): string {
  return `section:${sectionKey}`;
}

/** The focus request that asks a section itself (its add button, else its heading) to take focus. */
export function sectionFocusKey(sectionKey: string): string {
  return `section:${sectionKey}`;
}

/**
 * Renders a section as a landmark with a heading; arrow keys, Home and End move between its notes,
 * Tab reaches every button. `focusNoteId` asks for that note (or, with sectionFocusKey, the section) to take focus.
 */
export function CanvasSectionBlock({
  section,
  notes,
  clusters,
  context,
  onAdd,
  clusterActions,
  focusNoteId,
  onFocusDone,
}: {
  section: Pick<CanvasSection, 'key' | 'title' | 'prompt' | 'colour'>;
  notes: readonly NoteValue[];
  clusters: readonly ClusterValue[];
  context: SectionNoteContext;
  /** Absent when the viewer may not add notes here (read-only, or notes without a section). */
  onAdd: ((text: string, colour: NoteColour) => void) | null;
  /** Absent for participants and when read-only. */
  clusterActions: ClusterActions | null;
  focusNoteId: string | null;
  onFocusDone: () => void;
}) {
  const { t } = useTranslation('activities');
  const [isAdding, setAdding] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const noteRefs = useRef(new Map<string, HTMLElement>());
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasAdded = useRef(false);
  const headingId = `section-${section.key || 'other'}-heading`;

  const drop = useDroppable({ id: sectionDropId(section.key), disabled: !section.key });
  const active = notes.some((n) => n.id === activeId) ? activeId : (notes[0]?.id ?? null);

  useEffect(() => {
    if (!focusNoteId) return;
    if (focusNoteId === sectionFocusKey(section.key)) {
      (addButtonRef.current ?? headingRef.current)?.focus();
      onFocusDone();
      return;
    }
    const element = noteRefs.current.get(focusNoteId);
    if (!element) return;
    setActiveId(focusNoteId);
    element.focus();
    onFocusDone();
  }, [focusNoteId, notes, onFocusDone, section.key]);

  useEffect(() => {
    if (!isAdding && hasAdded.current) addButtonRef.current?.focus();
    hasAdded.current ||= isAdding;
  }, [isAdding]);

  function moveFocus(event: KeyboardEvent<HTMLElement>, index: number) {
    // Only when the note itself has focus: inside a text area or select the keys are the field's.
    if (event.target !== event.currentTarget) return;
    const next = nextFocusIndex(index, event.key, notes.length);
    if (next === null) return;
    event.preventDefault();
    const target = notes[next];
    if (!target) return;
    setActiveId(target.id);
    noteRefs.current.get(target.id)?.focus();
  }

  const clusterCounts = new Map<string, number>();
  for (const note of notes) {
    if (note.clusterId)
      clusterCounts.set(note.clusterId, (clusterCounts.get(note.clusterId) ?? 0) + 1);
  }

  return (
    <section
      ref={drop.setNodeRef}
      className={`stadshart-canvas-section${drop.isOver ? ' stadshart-canvas-section--drop-target' : ''}`}
      aria-labelledby={headingId}
      style={{ borderInlineStartColor: section.colour }}
    >
      <Heading3 id={headingId} ref={headingRef} tabIndex={-1}>
        {section.title}
      </Heading3>
      {section.prompt && (
        <Paragraph className="stadshart-canvas-section__prompt">{section.prompt}</Paragraph>
      )}
      <Paragraph className="stadshart-canvas-section__count">
        {t('canvas.section.count', { count: notes.length, formatted: formatNumber(notes.length) })}
      </Paragraph>
      {notes.length > 0 && (
        <ul className="stadshart-note-list" aria-labelledby={headingId}>
          {notes.map((note, index) => {
            const facts = context.describeNote(note);
            return (
              <NoteCard
                key={note.id}
                note={note}
                isFirst={index === 0}
                isLast={index === notes.length - 1}
                sections={context.sections}
                clusters={clusters}
                isOwn={facts.isOwn}
                showAuthor={context.showAuthors}
                canChange={facts.canChange}
                canDrag={facts.canDrag}
                isFacilitator={context.isFacilitator}
                tally={facts.tally}
                myDots={facts.myDots}
                canVote={facts.canVote}
                dotsLeft={context.dotsLeft}
                isSpotlighted={facts.isSpotlighted}
                actions={context.actions}
                tabIndex={note.id === active ? 0 : -1}
                onNoteKeyDown={(event) => moveFocus(event, index)}
                onNoteFocus={() => setActiveId(note.id)}
                noteRef={(element) => {
                  if (element) noteRefs.current.set(note.id, element);
                  else noteRefs.current.delete(note.id);
                }}
              />
            );
          })}
        </ul>
      )}
      {onAdd &&
        (isAdding ? (
          <NoteEditor
            fieldName={`note-new-${section.key}`}
            label={t('canvas.section.newNoteLabel', { section: section.title })}
            submitLabel={t('canvas.section.addSubmit')}
            cancelLabel={t('canvas.section.addClose')}
            clearAfterSubmit
            onSubmit={onAdd}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button
            ref={addButtonRef}
            appearance="secondary-action-button"
            aria-describedby={headingId}
            onClick={() => setAdding(true)}
          >
            {t('canvas.section.add')}
          </Button>
        ))}
      {clusterActions && section.key && (
        <ClusterManager
          sectionKey={section.key}
          sectionTitle={section.title}
          clusters={clusters}
          noteCounts={clusterCounts}
          actions={clusterActions}
        />
      )}
    </section>
  );
}
