// The canvas as one plain list for screen readers: sections as headings, notes as list items.
import {
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { CanvasSection, ClusterValue, NoteValue } from '../../../common/activities/canvas.ts';
import { formatNumber } from '../../i18n/i18n.ts';

export interface ListedNote {
  note: NoteValue;
  author: string | null;
  tally: number | null;
  myDots: number;
  isSpotlighted: boolean;
}

/** Renders each section with its notes as sentences: text, then author, colour, cluster and dots. */
export function CanvasListView({
  sections,
  notesBySection,
  clusters,
}: {
  sections: readonly Pick<CanvasSection, 'key' | 'title' | 'prompt'>[];
  notesBySection: ReadonlyMap<string, readonly ListedNote[]>;
  clusters: readonly ClusterValue[];
}) {
  const { t } = useTranslation('activities');
  const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
  return (
    <div className="stadshart-canvas-list">
      {sections.map((section) => {
        const notes = notesBySection.get(section.key) ?? [];
        return (
          <section key={section.key || 'other'} aria-labelledby={`list-${section.key || 'other'}`}>
            <Heading3 id={`list-${section.key || 'other'}`}>
              {t('canvas.list.sectionHeading', {
                section: section.title,
                count: notes.length,
                formatted: formatNumber(notes.length),
              })}
            </Heading3>
            {section.prompt && <Paragraph>{section.prompt}</Paragraph>}
            {notes.length === 0 ? (
              <Paragraph>{t('canvas.list.empty')}</Paragraph>
            ) : (
              <UnorderedList>
                {notes.map(({ note, author, tally, myDots, isSpotlighted }) => {
                  const cluster = note.clusterId ? clusterName.get(note.clusterId) : undefined;
                  const details = [
                    author,
                    t('canvas.note.colour', { colour: t(`colours.${note.colour}`) }),
                    cluster ? t('canvas.note.cluster', { name: cluster }) : null,
                    tally !== null
                      ? t('canvas.note.tally', { count: tally, formatted: formatNumber(tally) })
                      : null,
                    myDots > 0
                      ? t('canvas.note.myDots', { count: myDots, formatted: formatNumber(myDots) })
                      : null,
                    isSpotlighted ? t('canvas.note.spotlighted') : null,
                  ].filter((part): part is string => part !== null);
                  return (
                    <UnorderedListItem key={note.id}>
                      <span className="stadshart-note__text">{note.text}</span>
                      <span> ({details.join(', ')})</span>
                    </UnorderedListItem>
                  );
                })}
              </UnorderedList>
            )}
          </section>
        );
      })}
    </div>
  );
}
