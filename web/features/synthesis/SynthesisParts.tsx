// The synthesis as the room reads it: each activity's part in agenda order. One renderer per
// part shape of common/synthesis.ts; the facilitator page swaps in its editor for canvas sections.
import {
  Heading2,
  Heading3,
  Heading4,
  OrderedList,
  OrderedListItem,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  actionsSynthesis,
  ActivitySynthesis,
  CanvasSynthesis,
  PollSynthesis,
  positioningSynthesis,
  scenariosSynthesis,
  Synthesis,
  SynthesisGroup,
  SynthesisNote,
  trendscanSynthesis,
  visionSynthesis,
} from '../../../common/synthesis.ts';
import { TrendMatrix } from '../../activities/trendscan/charts/TrendMatrix.tsx';
import { TrendRanking } from '../../activities/trendscan/charts/TrendRanking.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { basisOf, displayLabel, placeName } from './synthesisModel.ts';

export type Size = 'normal' | 'large';
export type CanvasSection = CanvasSynthesis['sections'][number];

/** Renders one canvas section; the facilitator page passes its editor here. */
export type SectionRenderer = (part: CanvasSynthesis, section: CanvasSection) => ReactNode;

/** Why a group's notes are together, in one sentence, plus whether a facilitator changed it. */
export function GroupBasis({ group }: { group: SynthesisGroup }) {
  const { t } = useTranslation('synthesis');
  const basis = basisOf(group);
  let sentence: string;
  if (basis.kind === 'stems') {
    const words = basis.words.join(', ');
    sentence =
      basis.stems.length === 1
        ? t('group.basisOne', { stem: basis.stems[0], words })
        : t('group.basisMany', { stems: basis.stems.map((s) => `‘${s}’`).join(', '), words });
  } else {
    sentence = basis.kind === 'made' ? t('group.made') : t('group.otherExplained');
  }
  return (
    <Paragraph className="stadshart-synthesis-group__basis">
      {sentence}
      {!group.automatic && basis.kind !== 'made' && <> {t('group.corrected')}</>}
    </Paragraph>
  );
}

/** A note's text, with its author and dots when known; text people typed is rendered as text. */
export function NoteText({ note }: { note: SynthesisNote }) {
  const { t } = useTranslation('synthesis');
  return (
    <>
      <span className="stadshart-synthesis-note__text">{note.text}</span>
      {note.authorName && (
        <span className="stadshart-synthesis-note__meta">
          {' '}
          — {t('by', { name: note.authorName })}
        </span>
      )}
      {note.dots > 0 && (
        <span className="stadshart-synthesis-note__meta">
          {' '}
          · {t('dots', { count: note.dots, formatted: formatNumber(note.dots) })}
        </span>
      )}
    </>
  );
}

/** The group's name as shown: the leftover group in the reader's language. */
export function useGroupLabel(): (group: SynthesisGroup) => string {
  const { t } = useTranslation('synthesis');
  return (group) => displayLabel(group, t('group.other'));
}

/** One canvas section with its groups, read-only. */
export function SectionGroups({ section }: { section: CanvasSection }) {
  const { t } = useTranslation('synthesis');
  const headingId = useId();
  const labelOf = useGroupLabel();
  const notes = new Map(section.notes.map((note) => [note.id, note]));
  return (
    <section aria-labelledby={headingId} className="stadshart-synthesis-section">
      <Heading3 id={headingId}>{section.title}</Heading3>
      {section.notes.length === 0 ? (
        <Paragraph>{t('canvas.emptySection')}</Paragraph>
      ) : (
        <Paragraph>
          {t('notes', {
            count: section.notes.length,
            formatted: formatNumber(section.notes.length),
          })}
        </Paragraph>
      )}
      {section.groups.map((group) => (
        <div key={group.key} className="stadshart-synthesis-group">
          <Heading4>
            {labelOf(group)}{' '}
            <span className="stadshart-synthesis-group__count">
              (
              {t('notes', {
                count: group.noteIds.length,
                formatted: formatNumber(group.noteIds.length),
              })}
              )
            </span>
          </Heading4>
          <GroupBasis group={group} />
          <UnorderedList>
            {group.noteIds.map((noteId) => {
              const note = notes.get(noteId);
              return note ? (
                <UnorderedListItem key={noteId}>
                  <NoteText note={note} />
                </UnorderedListItem>
              ) : null;
            })}
          </UnorderedList>
        </div>
      ))}
    </section>
  );
}

function TopNotes({ part }: { part: CanvasSynthesis }) {
  const { t } = useTranslation('synthesis');
  const sectionTitles = new Map(part.sections.map((s) => [s.key, s.title]));
  let body: ReactNode;
  if (part.tallyHidden) body = <Paragraph>{t('canvas.tallyHidden')}</Paragraph>;
  else if (part.topNotes.length === 0) body = <Paragraph>{t('canvas.noDots')}</Paragraph>;
  else {
    body = (
      <OrderedList>
        {part.topNotes.map((note) => (
          <OrderedListItem key={note.id}>
            <NoteText note={note} />{' '}
            <span className="stadshart-synthesis-note__meta">
              ({sectionTitles.get(note.sectionKey) ?? note.sectionKey})
            </span>
          </OrderedListItem>
        ))}
      </OrderedList>
    );
  }
  return (
    <>
      <Heading3>{t('canvas.topNotes')}</Heading3>
      {body}
    </>
  );
}

function CanvasPart({
  part,
  size,
  renderSection,
}: {
  part: CanvasSynthesis;
  size: Size;
  renderSection?: SectionRenderer | undefined;
}) {
  const { t } = useTranslation('synthesis');
  if (part.notesHidden) return <Paragraph>{t('canvas.hidden')}</Paragraph>;
  // The big screen shows only sections with notes; the facilitator's page shows every section.
  const sections =
    size === 'large' ? part.sections.filter((section) => section.notes.length > 0) : part.sections;
  return (
    <>
      {sections.length === 0 && <Paragraph>{t('canvas.noNotes')}</Paragraph>}
      {sections.map((section) => (
        <div key={section.key}>
          {renderSection ? renderSection(part, section) : <SectionGroups section={section} />}
        </div>
      ))}
      <TopNotes part={part} />
    </>
  );
}

function Bars({ rows, label }: { rows: { label: string; count: number }[]; label: string }) {
  const largest = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ul className="stadshart-bars" aria-label={label}>
      {rows.map((row, index) => (
        <li key={`${index}-${row.label}`} className="stadshart-bars__item">
          <span className="stadshart-bars__label">{row.label}</span>
          <span className="stadshart-bars__value">{formatNumber(row.count)}</span>
          <span className="stadshart-bars__track" aria-hidden="true">
            <span
              className="stadshart-bars__bar"
              style={{ inlineSize: `${(row.count / largest) * 100}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}

function PollPart({ part }: { part: PollSynthesis }) {
  const { t } = useTranslation('synthesis');
  return (
    <>
      <Paragraph>{part.question}</Paragraph>
      <Paragraph>
        {t('poll.respondents', {
          count: part.respondents,
          formatted: formatNumber(part.respondents),
        })}
      </Paragraph>
      {part.resultsHidden ? (
        <Paragraph>{t('poll.hidden')}</Paragraph>
      ) : (
        <>
          {part.counts.length > 0 && <Bars rows={part.counts} label={t('poll.answers')} />}
          {part.mean !== null && (
            <Paragraph>
              {t('poll.mean', { mean: formatNumber(part.mean, { maximumFractionDigits: 1 }) })}
            </Paragraph>
          )}
          {part.scale && (part.scale.minLabel || part.scale.maxLabel) && (
            <Paragraph>
              {t('poll.scaleEnds', {
                min: part.scale.min,
                max: part.scale.max,
                minLabel: part.scale.minLabel,
                maxLabel: part.scale.maxLabel,
              })}
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}

function TrendscanPart({
  part,
  synthesis,
  size,
}: {
  part: z.infer<typeof trendscanSynthesis>;
  synthesis: Synthesis;
  size: Size;
}) {
  const { t } = useTranslation('synthesis');
  const trendTitles = new Map(part.trends.map((trend) => [trend.key, trend.title]));
  return (
    <>
      <Paragraph>
        {t('trendscan.respondents', {
          count: part.respondents,
          formatted: formatNumber(part.respondents),
        })}
      </Paragraph>
      <Heading3>{t('trendscan.ranking')}</Heading3>
      <TrendRanking results={part.ranking} trendTitles={trendTitles} size={size} />
      <Heading3>{t('trendscan.matrix')}</Heading3>
      <TrendMatrix results={part.ranking} size={size} />
      {part.perPlace.length > 1 &&
        part.perPlace.map((entry) => (
          <div key={entry.placeId ?? 'none'}>
            <Heading3>
              {t('trendscan.perPlace', {
                place:
                  entry.placeId === null
                    ? t('place.none')
                    : (placeName(synthesis, entry.placeId) ?? t('place.unknown')),
              })}
            </Heading3>
            <TrendRanking results={entry.ranking} trendTitles={trendTitles} size={size} />
          </div>
        ))}
      {part.chosenThemes.length > 0 && (
        <>
          <Heading3>{t('trendscan.chosenThemes')}</Heading3>
          <OrderedList>
            {part.chosenThemes.map((theme) => (
              <OrderedListItem key={theme.key}>{theme.label}</OrderedListItem>
            ))}
          </OrderedList>
        </>
      )}
    </>
  );
}

function ScenariosPart({ part }: { part: z.infer<typeof scenariosSynthesis> }) {
  const { t } = useTranslation('synthesis');
  const names = new Map(part.quadrants.map((q) => [q.key, q.name || q.key]));
  const laneLabel = (key: string) => t(`scenarios.lanes.${key}`, { defaultValue: key });
  return (
    <>
      {part.axes.length > 0 && (
        <>
          <Heading3>{t('scenarios.axes')}</Heading3>
          <UnorderedList>
            {part.axes.map((axis, index) => (
              <UnorderedListItem key={index}>
                {t('scenarios.axis', { label: axis.label, low: axis.low, high: axis.high })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {part.quadrants.map((quadrant) => (
        <div key={quadrant.key} className="stadshart-synthesis-scenario">
          <Heading3>{quadrant.name || quadrant.key}</Heading3>
          {quadrant.narrative && <Paragraph>{quadrant.narrative}</Paragraph>}
          {quadrant.lanes.map((lane) => (
            <div key={lane.key}>
              <Heading4>{laneLabel(lane.key)}</Heading4>
              {lane.notes.length === 0 ? (
                <Paragraph>{t('scenarios.noNotes')}</Paragraph>
              ) : (
                <UnorderedList>
                  {lane.notes.map((note, index) => (
                    <UnorderedListItem key={index}>{note}</UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
            </div>
          ))}
        </div>
      ))}
      <Heading3>{t('scenarios.actions')}</Heading3>
      {part.actions.length === 0 ? (
        <Paragraph>{t('scenarios.noActions')}</Paragraph>
      ) : (
        <DataTable
          caption={t('scenarios.actions')}
          columns={[
            t('scenarios.action'),
            t('scenarios.origin'),
            t('scenarios.holdsIn'),
            t('scenarios.robust'),
          ]}
        >
          {part.actions.map((action) => (
            <TableRow key={action.id}>
              <TableHeaderCell scope="row">{action.title}</TableHeaderCell>
              <TableCell>{names.get(action.origin) ?? action.origin}</TableCell>
              <TableCell>
                {t('scenarios.holdsInCount', {
                  count: action.holdsIn.length,
                  total: part.quadrants.length,
                })}
                {action.holdsIn.length > 0 && (
                  <> ({action.holdsIn.map((key) => names.get(key) ?? key).join(', ')})</>
                )}
              </TableCell>
              <TableCell>{action.robust ? t('scenarios.yes') : t('scenarios.no')}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}

function VisionPart({
  part,
  synthesis,
}: {
  part: z.infer<typeof visionSynthesis>;
  synthesis: Synthesis;
}) {
  const { t } = useTranslation('synthesis');
  const paragraphs = part.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const places = part.placeIds.map((id) => placeName(synthesis, id) ?? t('place.unknown'));
  return (
    <>
      <Paragraph>
        {t('vision.targetYear', { year: part.targetYear })}
        {places.length > 0 && <> · {t('vision.places', { places: places.join(', ') })}</>}
      </Paragraph>
      {paragraphs.length === 0 ? (
        <Paragraph>{t('vision.empty')}</Paragraph>
      ) : (
        <blockquote className="stadshart-synthesis-vision">
          {paragraphs.map((text, index) => (
            <Paragraph key={index}>{text}</Paragraph>
          ))}
        </blockquote>
      )}
      {part.openSuggestions > 0 && (
        <Paragraph>
          {t('vision.openSuggestions', {
            count: part.openSuggestions,
            formatted: formatNumber(part.openSuggestions),
          })}
        </Paragraph>
      )}
    </>
  );
}

function PositioningPart({
  part,
  synthesis,
}: {
  part: z.infer<typeof positioningSynthesis>;
  synthesis: Synthesis;
}) {
  const { t } = useTranslation('synthesis');
  const names = (ids: string[]) =>
    ids.map((id) => placeName(synthesis, id) ?? t('place.unknown')).join(', ');
  return (
    <>
      {part.summary.length > 0 && (
        <>
          <Heading3>{t('positioning.summary')}</Heading3>
          {part.summary.map((sentence, index) => (
            <Paragraph key={index}>{sentence}</Paragraph>
          ))}
        </>
      )}
      <Heading3>{t('positioning.overlaps')}</Heading3>
      {part.overlaps.length === 0 ? (
        <Paragraph>{t('positioning.noOverlaps')}</Paragraph>
      ) : (
        <DataTable
          caption={t('positioning.overlaps')}
          columns={[
            t('positioning.programme'),
            t('positioning.role'),
            t('positioning.places'),
            t('positioning.verdict'),
          ]}
        >
          {part.overlaps.map((overlap, index) => (
            <TableRow key={index}>
              <TableCell>{overlap.programmeLabel ?? overlap.programme}</TableCell>
              <TableHeaderCell scope="row">{overlap.role}</TableHeaderCell>
              <TableCell>{names(overlap.placeIds)}</TableCell>
              <TableCell>
                {t(`positioning.verdicts.${overlap.verdict}`)}
                {overlap.note && <> — {overlap.note}</>}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <Heading3>{t('positioning.agreements')}</Heading3>
      {part.agreements.length === 0 ? (
        <Paragraph>{t('positioning.noAgreements')}</Paragraph>
      ) : (
        <UnorderedList>
          {part.agreements.map((agreement) => (
            <UnorderedListItem key={agreement.id}>
              {agreement.text}
              {agreement.placeIds.length > 0 && <> ({names(agreement.placeIds)})</>}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

function ActionsPart({ part }: { part: z.infer<typeof actionsSynthesis> }) {
  const { t } = useTranslation('synthesis');
  if (part.actions.length === 0) return <Paragraph>{t('actions.none')}</Paragraph>;
  return (
    <DataTable
      caption={t('actions.caption')}
      columns={[
        t('actions.title'),
        t('actions.owner'),
        t('actions.horizon'),
        t('actions.status'),
        t('actions.dots'),
        t('actions.progress'),
      ]}
    >
      {part.actions.map((action) => (
        <TableRow key={action.id}>
          <TableHeaderCell scope="row">{action.title}</TableHeaderCell>
          <TableCell>{action.owner}</TableCell>
          <TableCell>
            {t(`actions.horizons.${action.horizon}`, { defaultValue: action.horizon })}
          </TableCell>
          <TableCell>
            {t(`actions.statuses.${action.status}`, { defaultValue: action.status })}
          </TableCell>
          <TableCell>{formatNumber(action.dots)}</TableCell>
          <TableCell>
            {t('actions.progressValue', { value: formatNumber(action.progress) })}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** One activity's part, by the shape its kind gave it. */
function PartBody({
  part,
  synthesis,
  size,
  renderSection,
}: {
  part: ActivitySynthesis;
  synthesis: Synthesis;
  size: Size;
  renderSection?: SectionRenderer | undefined;
}) {
  switch (part.kind) {
    case 'canvas':
      return <CanvasPart part={part} size={size} renderSection={renderSection} />;
    case 'poll':
      return <PollPart part={part} />;
    case 'trendscan':
      return <TrendscanPart part={part} synthesis={synthesis} size={size} />;
    case 'scenarios':
      return <ScenariosPart part={part} />;
    case 'vision':
      return <VisionPart part={part} synthesis={synthesis} />;
    case 'positioning':
      return <PositioningPart part={part} synthesis={synthesis} />;
    case 'actions':
      return <ActionsPart part={part} />;
  }
}

function PartSection({
  part,
  synthesis,
  size,
  renderSection,
}: {
  part: ActivitySynthesis;
  synthesis: Synthesis;
  size: Size;
  renderSection?: SectionRenderer | undefined;
}) {
  const headingId = useId();
  const place = part.kind === 'canvas' ? placeName(synthesis, part.placeId) : null;
  return (
    <section aria-labelledby={headingId} className="stadshart-synthesis-part">
      <Heading2 id={headingId}>
        {part.title}
        {place && part.title.indexOf(place) === -1 && <> — {place}</>}
      </Heading2>
      <PartBody part={part} synthesis={synthesis} size={size} renderSection={renderSection} />
    </section>
  );
}

/** The lab's chosen themes and every activity's part, in agenda order. */
export function SynthesisParts({
  synthesis,
  size = 'normal',
  renderSection,
}: {
  synthesis: Synthesis;
  size?: Size;
  renderSection?: SectionRenderer;
}) {
  const { t } = useTranslation('synthesis');
  return (
    <div className={`stadshart-synthesis stadshart-synthesis--${size}`}>
      {synthesis.themes.length > 0 && (
        <section aria-label={t('themes.heading')}>
          <Heading2>{t('themes.heading')}</Heading2>
          <OrderedList>
            {synthesis.themes.map((theme) => (
              <OrderedListItem key={theme.key}>{theme.label}</OrderedListItem>
            ))}
          </OrderedList>
        </section>
      )}
      {synthesis.activities.length === 0 && <Paragraph>{t('nothingYet')}</Paragraph>}
      {synthesis.activities.map((part) => (
        <PartSection
          key={part.activityId}
          part={part}
          synthesis={synthesis}
          size={size}
          renderSection={renderSection}
        />
      ))}
    </div>
  );
}
