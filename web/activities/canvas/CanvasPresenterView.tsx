// The canvas on the big screen: large, read-only, private mode respected, the spotlight on top.
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { CanvasConfig, NoteValue } from '../../../common/activities/canvas.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { groupNotesBySection } from './canvasModel.ts';
import { SpotlightBox } from './SpotlightBox.tsx';
import { useCanvasData } from './useCanvasData.ts';

/** The canvas activity's presenter view. */
export function CanvasPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'canvas') return null;
  return <CanvasPresenter {...props} config={props.activity.config} />;
}

function CanvasPresenter({
  lab,
  activity,
  doc,
  state,
  spotlight,
  me,
  config,
}: ActivityViewProps & { config: CanvasConfig }) {
  const { t } = useTranslation('activities');
  const data = useCanvasData(doc, me.participantId, state.vote);
  const { bySection, orphans } = groupNotesBySection(data.notes, config.sections);
  // The big screen is seen by everyone in the room, so it shows what participants may see.
  const showTally = state.vote?.revealed === true;
  const spotlightNote =
    spotlight?.activityId === activity.id
      ? (data.notes.find((n) => n.id === spotlight.noteId) ?? null)
      : null;
  const titleOf = (key: string) => config.sections.find((s) => s.key === key)?.title ?? key;
  const authorOf = (note: NoteValue) => (lab.anonymous ? null : note.authorName || null);
  const clusterName = new Map(data.clusters.map((c) => [c.id, c.name]));

  const sections = [
    ...config.sections,
    ...(orphans.length > 0
      ? [{ key: '', title: t('canvas.section.orphans'), prompt: '', colour: '#767676' }]
      : []),
  ];

  return (
    <div className="stadshart-canvas stadshart-canvas--presenter">
      {spotlightNote && (
        <SpotlightBox
          note={spotlightNote}
          author={authorOf(spotlightNote)}
          sectionTitle={titleOf(spotlightNote.section)}
          onClear={null}
          size="large"
        />
      )}
      {state.private && <Paragraph>{t('canvas.presenter.private')}</Paragraph>}
      {state.vote?.open && (
        <Paragraph>
          {t('canvas.presenter.voteOpen', {
            count: state.vote.dotsPerPerson,
            formatted: formatNumber(state.vote.dotsPerPerson),
          })}
        </Paragraph>
      )}
      <div className="stadshart-canvas__sections">
        {sections.map((section) => {
          const notes = section.key ? (bySection.get(section.key) ?? []) : orphans;
          const shown = showTally
            ? [...notes].sort((a, b) => (data.tally.get(b.id) ?? 0) - (data.tally.get(a.id) ?? 0))
            : notes;
          const headingId = `presenter-${section.key || 'other'}`;
          return (
            <section
              key={section.key || 'other'}
              className="stadshart-canvas-section"
              aria-labelledby={headingId}
              style={{ borderInlineStartColor: section.colour }}
            >
              <Heading3 id={headingId}>{section.title}</Heading3>
              <Paragraph className="stadshart-canvas-section__count">
                {t('canvas.section.count', {
                  count: notes.length,
                  formatted: formatNumber(notes.length),
                })}
              </Paragraph>
              {!state.private && shown.length > 0 && (
                <ul className="stadshart-note-list">
                  {shown.map((note) => {
                    const tally = data.tally.get(note.id) ?? 0;
                    const classes = ['stadshart-note', `stadshart-note--${note.colour}`];
                    if (note.id === spotlightNote?.id) classes.push('stadshart-note--spotlight');
                    const author = authorOf(note);
                    return (
                      <li key={note.id} className="stadshart-note-item">
                        <article className={classes.join(' ')}>
                          {note.id === spotlightNote?.id && (
                            <p className="stadshart-note__flag">{t('canvas.note.spotlighted')}</p>
                          )}
                          <p className="stadshart-note__text">{note.text}</p>
                          <p className="stadshart-note__meta">
                            {author && <span>{author}</span>}
                            {note.clusterId && clusterName.has(note.clusterId) && (
                              <span>
                                {t('canvas.note.cluster', {
                                  name: clusterName.get(note.clusterId),
                                })}
                              </span>
                            )}
                            <span className="stadshart-visually-hidden">
                              {t('canvas.note.colour', { colour: t(`colours.${note.colour}`) })}
                            </span>
                            {showTally && (
                              <span className="stadshart-note__tally">
                                {t('canvas.note.tally', {
                                  count: tally,
                                  formatted: formatNumber(tally),
                                })}
                              </span>
                            )}
                          </p>
                        </article>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
