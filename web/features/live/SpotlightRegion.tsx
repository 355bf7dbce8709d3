// The note a facilitator put in the spotlight, shown on every screen that is not already showing it.
import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { readNote } from '../../../common/activities/canvas.doc.ts';
import { canvasRoots } from '../../../common/activities/canvas.ts';
import type { SpotlightValue } from '../../../common/activities/control.ts';
import type { Lab } from '../../../common/labs.ts';
import type { LabConnection } from '../../collab/labConnection.ts';
import { useLabDocument } from '../../collab/useLabConnection.ts';
import { useYMap } from '../../collab/useYMap.ts';

/**
 * Shows the spotlighted note (text as text, author unless the lab is anonymous to this person)
 * and announces it politely when it changes. Activity views show the spotlight of their own
 * activity themselves, so the page renders this only for another activity's note.
 */
export function SpotlightRegion({
  connection,
  lab,
  spotlight,
  showAuthors,
  announce,
  size = 'normal',
}: {
  connection: LabConnection | null;
  lab: Lab;
  spotlight: SpotlightValue;
  showAuthors: boolean;
  announce: (message: string) => void;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const activity = lab.activities.find((candidate) => candidate.id === spotlight.activityId);
  const document = useLabDocument(connection, activity?.documentName ?? null);
  const doc = document?.doc ?? null;
  // Re-read the note whenever the notes change (someone edits or deletes it).
  useYMap(doc, canvasRoots.notes);
  const note = doc ? readNote(doc, spotlight.noteId) : null;
  const text = note?.text ?? null;

  useEffect(() => {
    if (text) announce(t('spotlight.shown', { text }));
  }, [text, announce, t]);

  if (!activity) return null;
  return (
    <section
      className={`stadshart-live-spotlight stadshart-live-spotlight--${size}`}
      aria-labelledby={headingId}
    >
      <p id={headingId} className="stadshart-live-spotlight__title">
        {t('spotlight.title')}
      </p>
      {note ? (
        <>
          <p className="stadshart-live-spotlight__text">{note.text}</p>
          <Paragraph className="stadshart-live-spotlight__meta">
            {t('spotlight.from', { activity: activity.title })}
            {showAuthors && note.authorName && (
              <>
                {' · '}
                {t('spotlight.by', { name: note.authorName })}
              </>
            )}
          </Paragraph>
        </>
      ) : (
        <Paragraph>{document?.synced ? t('spotlight.missing') : t('spotlight.loading')}</Paragraph>
      )}
    </section>
  );
}
