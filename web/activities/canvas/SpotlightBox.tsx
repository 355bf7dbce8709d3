// The note a facilitator put in the spotlight, shown above the canvas on every screen.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { NoteValue } from '../../../common/activities/canvas.ts';

/**
 * Shows the spotlighted note large (text always as text) with its section and author;
 * `onClear` (facilitators only) ends the spotlight.
 */
export function SpotlightBox({
  note,
  author,
  sectionTitle,
  onClear,
  size = 'normal',
}: {
  note: NoteValue;
  author: string | null;
  sectionTitle: string;
  onClear: (() => void) | null;
  size?: 'normal' | 'large';
}) {
  const { t } = useTranslation('activities');
  const labelId = `spotlight-${note.id}`;
  return (
    <section
      className={`stadshart-spotlight stadshart-spotlight--${size} stadshart-note--${note.colour}`}
      aria-labelledby={labelId}
    >
      <p id={labelId} className="stadshart-note__flag">
        {t('canvas.spotlight.title', { section: sectionTitle })}
      </p>
      <p className="stadshart-note__text stadshart-spotlight__text">{note.text}</p>
      <p className="stadshart-note__meta">
        {author && <span>{author}</span>}
        <span>{t('canvas.note.colour', { colour: t(`colours.${note.colour}`) })}</span>
      </p>
      {onClear && (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={onClear}>
            {t('canvas.spotlight.clear')}
          </Button>
        </Paragraph>
      )}
    </section>
  );
}
