// One sticky note: its text (always as text), who wrote it, colour, cluster and dots, and what the viewer may do with it.
import {
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
} from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { CanvasSection, ClusterValue, NoteValue } from '../../../common/activities/canvas.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { NoteActions } from './canvasActions.ts';
import { NoteEditor } from './NoteEditor.tsx';

export interface NoteCardProps {
  note: NoteValue;
  /** Position within its section, for the up and down buttons. */
  isFirst: boolean;
  isLast: boolean;
  sections: readonly Pick<CanvasSection, 'key' | 'title'>[];
  /** The clusters of the note's section. */
  clusters: readonly ClusterValue[];
  isOwn: boolean;
  showAuthor: boolean;
  /** May edit, move and delete (own note or facilitator, and not read-only). */
  canChange: boolean;
  /** May be dragged with a mouse or finger (the "Verplaatsen…" panel does the same by keyboard). */
  canDrag: boolean;
  isFacilitator: boolean;
  /** Everyone's dots on this note, or null while the tally is hidden from the viewer. */
  tally: number | null;
  myDots: number;
  /** Dot buttons are shown (vote open for this note's section, not read-only). */
  canVote: boolean;
  dotsLeft: number;
  isSpotlighted: boolean;
  actions: NoteActions;
  /** Roving focus: only one note per list is in the tab order; arrow keys move between them. */
  tabIndex: 0 | -1;
  onNoteKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onNoteFocus: () => void;
  noteRef: (element: HTMLElement | null) => void;
}

/** The drag-and-drop id of a note (sections use sectionDropId). */
export function noteDragId(noteId: string): string {
  return `note:${noteId}`;
}

type Mode = 'view' | 'edit' | 'move' | 'confirmDelete';
type Refocus = 'up' | 'down' | 'edit' | 'move' | 'delete' | null;

/** Renders one note; every action is a button or form control, reachable with Tab. */
export function NoteCard(props: NoteCardProps) {
  const { note, actions, canChange, isFacilitator } = props;
  const { t } = useTranslation('activities');
  const [mode, setMode] = useState<Mode>('view');
  const refocus = useRef<Refocus>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const moveRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const sectionSelectRef = useRef<HTMLSelectElement>(null);
  const [targetSection, setTargetSection] = useState(note.section);
  const textId = `note-${note.id}-text`;
  const drag = useDraggable({
    id: noteDragId(note.id),
    disabled: !props.canDrag || mode !== 'view',
  });
  const drop = useDroppable({ id: noteDragId(note.id) });
  const metaId = `note-${note.id}-meta`;

  // Moving a note re-renders the list and can drop focus; put it back on the button that was used.
  useLayoutEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const refs = { up: upRef, down: downRef, edit: editRef, move: moveRef, delete: deleteRef };
    let target = refs[wanted].current;
    if (wanted === 'up' && props.isFirst) target = downRef.current;
    if (wanted === 'down' && props.isLast) target = upRef.current;
    target?.focus();
  });

  useEffect(() => {
    if (mode === 'confirmDelete') confirmRef.current?.focus();
    if (mode === 'move') sectionSelectRef.current?.focus();
  }, [mode]);

  useEffect(() => {
    if (!canChange) setMode('view');
  }, [canChange]);

  function leave(focusOn: Refocus) {
    refocus.current = focusOn;
    setMode('view');
  }

  function step(direction: 'up' | 'down') {
    refocus.current = direction;
    actions.step(note.id, direction);
  }

  const cluster = props.clusters.find((c) => c.id === note.clusterId) ?? null;
  const author = props.isOwn
    ? t('canvas.note.yours')
    : props.showAuthor
      ? note.authorName || t('canvas.note.unknownAuthor')
      : null;

  const classes = ['stadshart-note', `stadshart-note--${note.colour}`];
  if (props.isSpotlighted) classes.push('stadshart-note--spotlight');
  if (props.canDrag && mode === 'view') classes.push('stadshart-note--draggable');
  if (drag.isDragging) classes.push('stadshart-note--dragging');
  if (drop.isOver && !drag.isDragging) classes.push('stadshart-note--drop-target');

  return (
    <li className="stadshart-note-item">
      <article
        ref={(element) => {
          props.noteRef(element);
          drag.setNodeRef(element);
          drop.setNodeRef(element);
        }}
        {...(props.canDrag ? drag.listeners : {})}
        style={drag.transform ? { transform: CSS.Translate.toString(drag.transform) } : undefined}
        className={classes.join(' ')}
        tabIndex={props.tabIndex}
        aria-labelledby={textId}
        aria-describedby={metaId}
        onKeyDown={props.onNoteKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget) props.onNoteFocus();
        }}
      >
        {props.isSpotlighted && (
          <p className="stadshart-note__flag">{t('canvas.note.spotlighted')}</p>
        )}
        {mode === 'edit' ? (
          <NoteEditor
            fieldName={`note-${note.id}-edit`}
            label={t('canvas.note.editLabel')}
            initialText={note.text}
            initialColour={note.colour}
            submitLabel={t('canvas.note.saveEdit')}
            onSubmit={(text, colour) => {
              actions.edit(note.id, text, colour);
              leave('edit');
            }}
            onCancel={() => leave('edit')}
          />
        ) : (
          <p id={textId} className="stadshart-note__text">
            {note.text}
          </p>
        )}
        <p id={metaId} className="stadshart-note__meta">
          {author && <span>{author}</span>}
          <span>{t('canvas.note.colour', { colour: t(`colours.${note.colour}`) })}</span>
          {cluster && <span>{t('canvas.note.cluster', { name: cluster.name })}</span>}
          {props.tally !== null && (
            <span>
              {t('canvas.note.tally', { count: props.tally, formatted: formatNumber(props.tally) })}
            </span>
          )}
          {props.myDots > 0 && (
            <span>
              {t('canvas.note.myDots', {
                count: props.myDots,
                formatted: formatNumber(props.myDots),
              })}
            </span>
          )}
        </p>

        {props.canVote && (
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              disabled={props.dotsLeft < 1}
              aria-describedby={textId}
              onClick={() => actions.placeDot(note.id)}
            >
              {t('canvas.note.placeDot')}
            </Button>
            {props.myDots > 0 && (
              <Button
                appearance="subtle-button"
                aria-describedby={textId}
                onClick={() => actions.takeBackDot(note.id)}
              >
                {t('canvas.note.takeBackDot')}
              </Button>
            )}
          </ButtonGroup>
        )}

        {mode === 'view' && (canChange || (isFacilitator && actions.spotlight)) && (
          <ButtonGroup>
            {canChange && (
              <>
                <Button
                  ref={editRef}
                  appearance="subtle-button"
                  aria-describedby={textId}
                  onClick={() => setMode('edit')}
                >
                  {t('canvas.note.edit')}
                </Button>
                <Button
                  ref={moveRef}
                  appearance="subtle-button"
                  aria-describedby={textId}
                  onClick={() => {
                    setTargetSection(note.section);
                    setMode('move');
                  }}
                >
                  {t('canvas.note.move')}
                </Button>
                <Button
                  ref={deleteRef}
                  appearance="subtle-button"
                  hint="danger"
                  aria-describedby={textId}
                  onClick={() => setMode('confirmDelete')}
                >
                  {t('canvas.note.delete')}
                </Button>
              </>
            )}
            {actions.spotlight && (
              <Button
                appearance="subtle-button"
                aria-describedby={textId}
                aria-pressed={props.isSpotlighted}
                onClick={() => actions.spotlight?.(props.isSpotlighted ? null : note.id)}
              >
                {t('canvas.note.spotlight')}
              </Button>
            )}
          </ButtonGroup>
        )}

        {mode === 'confirmDelete' && (
          <div
            className="stadshart-confirm"
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.stopPropagation();
              leave('delete');
            }}
          >
            <Paragraph id={`note-${note.id}-confirm`}>{t('canvas.note.deleteQuestion')}</Paragraph>
            <ButtonGroup>
              <Button
                ref={confirmRef}
                appearance="primary-action-button"
                hint="danger"
                aria-describedby={`note-${note.id}-confirm ${textId}`}
                onClick={() => actions.remove(note.id)}
              >
                {t('canvas.note.deleteConfirm')}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => leave('delete')}>
                {t('common:form.cancel')}
              </Button>
            </ButtonGroup>
          </div>
        )}

        {mode === 'move' && (
          <div
            className="stadshart-note__panel"
            role="group"
            aria-labelledby={`note-${note.id}-move-title`}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.stopPropagation();
              leave('move');
            }}
          >
            <p id={`note-${note.id}-move-title`} className="stadshart-note__panel-title">
              {t('canvas.note.moveTitle')}
            </p>
            <FormField type="text">
              <Paragraph className="utrecht-form-field__label">
                <FormLabel htmlFor={`note-${note.id}-section`}>{t('canvas.note.moveTo')}</FormLabel>
              </Paragraph>
              <Paragraph className="utrecht-form-field__input">
                <Select
                  ref={sectionSelectRef}
                  id={`note-${note.id}-section`}
                  value={targetSection}
                  onChange={(event: ChangeEvent<HTMLSelectElement>) =>
                    setTargetSection(event.target.value)
                  }
                >
                  {props.sections.map((s) => (
                    <SelectOption key={s.key} value={s.key}>
                      {s.title}
                    </SelectOption>
                  ))}
                </Select>
              </Paragraph>
            </FormField>
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                disabled={targetSection === note.section}
                onClick={() => actions.moveToSection(note.id, targetSection)}
              >
                {t('canvas.note.moveConfirm')}
              </Button>
            </ButtonGroup>
            <ButtonGroup aria-label={t('canvas.note.orderLabel')}>
              <Button
                ref={upRef}
                appearance="secondary-action-button"
                disabled={props.isFirst}
                onClick={() => step('up')}
              >
                {t('canvas.note.up')}
              </Button>
              <Button
                ref={downRef}
                appearance="secondary-action-button"
                disabled={props.isLast}
                onClick={() => step('down')}
              >
                {t('canvas.note.down')}
              </Button>
            </ButtonGroup>
            {isFacilitator && (
              <FormField type="text">
                <Paragraph className="utrecht-form-field__label">
                  <FormLabel htmlFor={`note-${note.id}-cluster`}>
                    {t('canvas.note.clusterLabel')}
                  </FormLabel>
                </Paragraph>
                <Paragraph className="utrecht-form-field__input">
                  <Select
                    id={`note-${note.id}-cluster`}
                    value={note.clusterId ?? ''}
                    onChange={(event: ChangeEvent<HTMLSelectElement>) =>
                      actions.assignCluster(note.id, event.target.value || null)
                    }
                  >
                    <SelectOption value="">{t('canvas.note.noCluster')}</SelectOption>
                    {props.clusters.map((c) => (
                      <SelectOption key={c.id} value={c.id}>
                        {c.name}
                      </SelectOption>
                    ))}
                  </Select>
                </Paragraph>
              </FormField>
            )}
            <ButtonGroup>
              <Button appearance="subtle-button" onClick={() => leave('move')}>
                {t('canvas.note.moveDone')}
              </Button>
            </ButtonGroup>
          </div>
        )}
      </article>
    </li>
  );
}
