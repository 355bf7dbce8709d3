// Builds the generated content of a lab's report: the cover, the question and agenda, one section
// per activity, the synthesis, the notes a facilitator may quote and the raw data. Every number
// comes from the synthesis service's computation (the facilitators' view, nothing hidden), so
// the report and GET /api/v1/labs/:labId/synthesis always agree (docs/reports.md).
import * as Y from 'yjs';
import { z } from 'zod';
import { readSuggestions } from '../../../common/activities/vision.doc.ts';
import { polesOf, quadrantKeys, type QuadrantKey } from '../../../common/activities/scenarios.ts';
import { SCALE_MIDPOINT, SCORE_MAX, SCORE_MIN } from '../../../common/activities/trendscan.ts';
import { trendAxes } from '../../../common/activities/trendscan.stats.ts';
import {
  activityConfig,
  activityKind,
  type ActivityConfig,
  type ActivityKind,
} from '../../../common/activities/registry.ts';
import { activityDocumentName } from '../../../common/collab.ts';
import {
  quotableNote,
  reportCover,
  reportRawData,
  reportSection,
  type QuotableNote,
  type ReportBlock,
  type ReportCover,
  type ReportRawData,
  type ReportSection,
} from '../../../common/reports.ts';
import { richDocFromText } from '../../../common/richtext.ts';
import {
  OTHER_GROUP_KEY,
  type ActivitySynthesis,
  type Synthesis,
  type SynthesisNote,
  type TrendItemResult,
} from '../../../common/synthesis.ts';
import type { AppContext } from '../../http/context.ts';
import { findLabDetails, type LabDetails } from '../labs/labs.repo.ts';
import { computeFacilitatorSynthesis, readDocuments } from '../synthesis/synthesis.service.ts';
import {
  findCoverNames,
  listLabActions,
  listLabDots,
  listLabNotes,
  listLabPollAnswers,
  listLabScores,
  type ActionRow,
} from './reports.repo.ts';
import {
  actionStatusLabels,
  countOf,
  formatNumber,
  horizonLabels,
  kindLabels,
  labelOf,
  laneLabels,
  quadrantLabels,
  roundTwo,
  sectionTitles,
  verdictLabels,
} from './reports.text.ts';

/** What a generation stores in lab_reports.generated; the editorial is applied when composing. */
export const generatedReport = z.object({
  labId: z.string(),
  generatedAt: z.string(),
  cover: reportCover,
  /** question, activity:<id>… in agenda order, synthesis. */
  sections: z.array(reportSection),
  quotableNotes: z.array(quotableNote),
  raw: reportRawData,
});
export type GeneratedReport = z.infer<typeof generatedReport>;

/** A generation that cannot go on, with a message the facilitator can act on (no internals). */
export class ReportBuildError extends Error {
  override name = 'ReportBuildError';
}

/** The steps of a generation, as keys the web app translates. */
export type ReportStep = 'lab' | 'synthesis' | 'activities' | 'raw' | 'saving';
export type ReportProgress = (progress: number, step: ReportStep) => Promise<void>;

/** The id a quotable note and a raw note share: notes are unique per activity, not per lab. */
export function noteRef(activityId: string, noteId: string): string {
  return `${activityId}:${noteId}`;
}

function nameOf(anonymous: boolean, name: string | null | undefined): string | null {
  if (anonymous) return null;
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

// ---------------------------------------------------------------------------------------------
// Blocks per activity kind (pure)

type Part<K extends ActivitySynthesis['kind']> = Extract<ActivitySynthesis, { kind: K }>;

interface SectionContext {
  placeNames: Map<string, string>;
  /** lab_actions rows by `${activityId}|${actionId}`: links and follow-up of each action. */
  actions: Map<string, ActionRow>;
  /** Accepted suggestions of each vision activity, oldest first. */
  acceptedSuggestions: Map<string, string[]>;
}

function placeName(context: SectionContext, placeId: string | null): string {
  if (placeId === null) return 'Zonder plaats';
  return context.placeNames.get(placeId) ?? 'Onbekende plaats';
}

function noteLine(note: SynthesisNote): string {
  const author = note.authorName ? ` — ${note.authorName}` : '';
  const dots = note.dots > 0 ? ` (${countOf(note.dots, 'stip', 'stippen')})` : '';
  return `${note.text}${author}${dots}`;
}

function canvasBlocks(part: Part<'canvas'>, context: SectionContext): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const notes = part.sections.flatMap((section) => section.notes);
  const dots = notes.reduce((total, note) => total + note.dots, 0);
  const where = part.placeId ? `Plaats: ${placeName(context, part.placeId)}. ` : '';
  blocks.push({
    type: 'paragraph',
    text: `${where}${countOf(notes.length, 'notitie', 'notities')} en ${countOf(dots, 'stip', 'stippen')}.`,
  });
  for (const section of part.sections) {
    blocks.push({ type: 'heading', text: section.title });
    if (section.notes.length === 0) {
      blocks.push({ type: 'paragraph', text: 'In dit vak staan geen notities.' });
      continue;
    }
    const byId = new Map(section.notes.map((note) => [note.id, note]));
    for (const group of section.groups) {
      const grouped = group.noteIds.flatMap((id) => byId.get(id) ?? []);
      if (grouped.length === 0) continue;
      const label = group.key === OTHER_GROUP_KEY ? 'Overig' : group.label;
      blocks.push({
        type: 'paragraph',
        text: `${label} (${countOf(grouped.length, 'notitie', 'notities')})`,
      });
      blocks.push({ type: 'list', ordered: false, items: grouped.map(noteLine) });
    }
  }
  if (part.topNotes.length > 0) {
    const titles = new Map(part.sections.map((section) => [section.key, section.title]));
    blocks.push({ type: 'heading', text: 'Notities met de meeste stippen' });
    blocks.push({
      type: 'table',
      caption: `Notities met de meeste stippen in ${part.title}`,
      columns: ['Notitie', 'Vak', 'Stippen'],
      rows: part.topNotes.map((note) => [
        note.text,
        titles.get(note.sectionKey) ?? note.sectionKey,
        note.dots,
      ]),
    });
  }
  return blocks;
}

function pollBlocks(part: Part<'poll'>): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: part.question },
    {
      type: 'paragraph',
      text: `${countOf(part.respondents, 'persoon heeft', 'mensen hebben')} geantwoord.`,
    },
  ];
  if (part.scale) {
    const ends = [
      part.scale.minLabel ? `${part.scale.min} = ${part.scale.minLabel}` : '',
      part.scale.maxLabel ? `${part.scale.max} = ${part.scale.maxLabel}` : '',
    ].filter((end) => end !== '');
    if (ends.length > 0) blocks.push({ type: 'paragraph', text: `Schaal: ${ends.join(', ')}.` });
  }
  if (part.counts.length === 0) {
    blocks.push({ type: 'paragraph', text: 'Er zijn geen antwoorden gegeven.' });
    return blocks;
  }
  if (part.type !== 'open') {
    const most = part.counts.reduce((best, count) => (count.count > best.count ? count : best));
    blocks.push({
      type: 'chart',
      caption: `Antwoorden op: ${part.question}`,
      alt: `Staafdiagram van het aantal antwoorden per keuze. Het vaakst gekozen: ${most.label} (${formatNumber(most.count)}).`,
      data: {
        chart: 'bar',
        min: 0,
        max: Math.max(1, ...part.counts.map((count) => count.count)),
        bars: part.counts.map((count) => ({ label: count.label, value: count.count })),
      },
    });
  }
  blocks.push({
    type: 'table',
    caption: `Antwoorden op: ${part.question}`,
    columns: ['Antwoord', 'Aantal'],
    rows: part.counts.map((count) => [count.label, count.count]),
  });
  if (part.mean !== null) {
    blocks.push({
      type: 'paragraph',
      text: `Gemiddelde: ${formatNumber(roundTwo(part.mean) ?? 0)}.`,
    });
  }
  return blocks;
}

function rankingRow(item: TrendItemResult): (string | number | null)[] {
  return [
    item.rank,
    item.title,
    roundTwo(item.relevance.mean),
    roundTwo(item.relevance.sd),
    roundTwo(item.impact.mean),
    roundTwo(item.uncertainty.mean),
    labelOf(quadrantLabels, item.quadrant),
    item.relevance.n,
  ];
}

const rankingColumns = [
  'Rang',
  'Trend of ontwikkeling',
  'Relevantie (gemiddeld)',
  'Spreiding (sd)',
  'Impact (gemiddeld)',
  'Onzekerheid (gemiddeld)',
  'Kwadrant',
  'Aantal scores',
];

/** A radar needs three axes to be a shape; with fewer, the ranking table says it all. */
const RADAR_MIN_AXES = 3;

function trendscanBlocks(part: Part<'trendscan'>, context: SectionContext): ReportBlock[] {
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: `${countOf(part.respondents, 'persoon heeft', 'mensen hebben')} gescoord op relevantie, impact en onzekerheid (${SCORE_MIN} tot ${SCORE_MAX}).`,
    },
    { type: 'heading', text: 'Rangorde' },
    {
      type: 'table',
      caption: `Rangorde van ${part.title}, de meest relevante eerst`,
      columns: rankingColumns,
      rows: part.ranking.map(rankingRow),
    },
  ];
  const plotted = part.ranking.filter(
    (item) => item.impact.mean !== null && item.uncertainty.mean !== null,
  );
  blocks.push({ type: 'heading', text: 'Impact en onzekerheid' });
  blocks.push({
    type: 'chart',
    caption: `Impact en onzekerheid van de trends in ${part.title}`,
    alt: `Spreidingsdiagram met onzekerheid horizontaal en impact verticaal, elk van ${SCORE_MIN} tot ${SCORE_MAX}, gedeeld bij ${SCALE_MIDPOINT}. ${countOf(plotted.length, 'trend staat', 'trends staan')} erin; rechtsboven staan kandidaten voor een scenario-as, linksboven wat nu aangepakt kan worden.`,
    data: {
      chart: 'matrix',
      xLabel: 'Onzekerheid',
      yLabel: 'Impact',
      min: SCORE_MIN,
      max: SCORE_MAX,
      split: SCALE_MIDPOINT,
      points: part.ranking.map((item) => ({
        label: item.title,
        x: roundTwo(item.uncertainty.mean),
        y: roundTwo(item.impact.mean),
      })),
    },
  });
  const places =
    part.perPlace.length > 0
      ? part.perPlace.map((entry) => ({
          label: placeName(context, entry.placeId),
          ranking: entry.ranking,
        }))
      : [{ label: 'Alle deelnemers', ranking: part.ranking }];
  if (part.trends.length >= RADAR_MIN_AXES) {
    blocks.push({ type: 'heading', text: 'Relevantie per trend' });
    for (const place of places) {
      const axes = trendAxes(part.trends, place.ranking);
      blocks.push({
        type: 'chart',
        caption: `Gemiddelde relevantie per trend: ${place.label}`,
        alt: `Radardiagram met één as per trend (${axes.map((axis) => axis.title).join(', ')}) en de gemiddelde relevantie voor ${place.label}, van ${SCORE_MIN} tot ${SCORE_MAX}.`,
        data: {
          chart: 'radar',
          min: SCORE_MIN,
          max: SCORE_MAX,
          axes: axes.map((axis) => axis.title),
          series: [{ label: place.label, values: axes.map((axis) => roundTwo(axis.mean)) }],
        },
      });
    }
  }
  if (part.chosenThemes.length > 0) {
    blocks.push({ type: 'heading', text: 'Gekozen thema’s' });
    blocks.push({
      type: 'list',
      ordered: false,
      items: part.chosenThemes.map((theme) => theme.label),
    });
  }
  return blocks;
}

function scenarioName(part: Part<'scenarios'>, key: string): string {
  const quadrant = part.quadrants.find((q) => q.key === key);
  if (quadrant?.name) return quadrant.name;
  if (!(quadrantKeys as readonly string[]).includes(key)) return key;
  const poles = polesOf(key as QuadrantKey);
  const [first, second] = part.axes;
  const pole = (axis: typeof first, side: 'high' | 'low') => (axis ? axis[side] : side);
  return `${pole(first, poles.first)} · ${pole(second, poles.second)}`;
}

function scenariosBlocks(part: Part<'scenarios'>): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { type: 'heading', text: 'Assen' },
    {
      type: 'list',
      ordered: false,
      items: part.axes.map((axis) => `${axis.label}: van ${axis.low} naar ${axis.high}`),
    },
  ];
  for (const quadrant of part.quadrants) {
    blocks.push({ type: 'heading', text: `Scenario: ${scenarioName(part, quadrant.key)}` });
    blocks.push({
      type: 'paragraph',
      text: quadrant.narrative || 'Voor dit scenario is geen verhaal geschreven.',
    });
    for (const lane of quadrant.lanes) {
      blocks.push({ type: 'paragraph', text: labelOf(laneLabels, lane.key) });
      blocks.push(
        lane.notes.length > 0
          ? { type: 'list', ordered: false, items: lane.notes }
          : { type: 'paragraph', text: 'Niets ingevuld.' },
      );
    }
  }
  blocks.push({ type: 'heading', text: 'Acties en hoe robuust ze zijn' });
  if (part.actions.length === 0) {
    blocks.push({ type: 'paragraph', text: 'Er zijn geen acties bedacht.' });
    return blocks;
  }
  blocks.push({
    type: 'table',
    caption: `Acties uit ${part.title} en de scenario’s waarin ze standhouden`,
    columns: ['Actie', 'Bedacht in', 'Houdt stand in', 'Robuust'],
    rows: part.actions.map((action) => [
      action.title,
      scenarioName(part, action.origin),
      `${action.holdsIn.length} van ${part.quadrants.length}`,
      action.robust ? 'Ja' : 'Nee',
    ]),
  });
  const robust = part.actions.filter((action) => action.robust);
  blocks.push({
    type: 'paragraph',
    text:
      robust.length > 0
        ? `Robuuste acties, die in alle of bijna alle scenario’s standhouden: ${robust.map((a) => a.title).join('; ')}.`
        : 'Geen van de acties houdt in (bijna) alle scenario’s stand.',
  });
  return blocks;
}

function visionBlocks(part: Part<'vision'>, context: SectionContext): ReportBlock[] {
  const places = part.placeIds.map((id) => placeName(context, id));
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: `Streefjaar ${part.targetYear}${places.length > 0 ? `, voor ${places.join(', ')}` : ''}.`,
    },
  ];
  blocks.push(
    part.text.trim() === ''
      ? { type: 'paragraph', text: 'De visie is niet geschreven.' }
      : { type: 'rich', doc: richDocFromText(part.text) },
  );
  const accepted = context.acceptedSuggestions.get(part.activityId) ?? [];
  if (accepted.length > 0) {
    blocks.push({ type: 'heading', text: 'Aangenomen voorstellen' });
    blocks.push({ type: 'list', ordered: false, items: accepted });
  }
  if (part.openSuggestions > 0) {
    blocks.push({
      type: 'paragraph',
      text: `${countOf(part.openSuggestions, 'voorstel wacht', 'voorstellen wachten')} nog op een besluit.`,
    });
  }
  return blocks;
}

function positioningBlocks(part: Part<'positioning'>, context: SectionContext): ReportBlock[] {
  const names = (ids: readonly string[]) => ids.map((id) => placeName(context, id)).join(', ');
  const blocks: ReportBlock[] = [];
  if (part.summary.length > 0) {
    blocks.push({ type: 'heading', text: 'Samenvatting' });
    blocks.push({ type: 'list', ordered: false, items: part.summary });
  }
  blocks.push({ type: 'heading', text: 'Waar plaatsen hetzelfde willen' });
  blocks.push(
    part.overlaps.length === 0
      ? { type: 'paragraph', text: 'Er is geen overlap gevonden.' }
      : {
          type: 'table',
          caption: `Overlap tussen de plaatsen in ${part.title} en het oordeel van de groep`,
          columns: ['Programma', 'Rol', 'Plaatsen', 'Oordeel', 'Toelichting'],
          rows: part.overlaps.map((overlap) => [
            overlap.programmeLabel ?? overlap.programme,
            overlap.role,
            names(overlap.placeIds),
            labelOf(verdictLabels, overlap.verdict),
            overlap.note ?? '',
          ]),
        },
  );
  blocks.push({ type: 'heading', text: 'Afspraken' });
  blocks.push(
    part.agreements.length === 0
      ? { type: 'paragraph', text: 'Er zijn geen afspraken gemaakt.' }
      : {
          type: 'list',
          ordered: false,
          items: part.agreements.map((agreement) =>
            agreement.placeIds.length > 0
              ? `${agreement.text} (${names(agreement.placeIds)})`
              : agreement.text,
          ),
        },
  );
  return blocks;
}

function actionKey(activityId: string, actionId: string): string {
  return `${activityId}|${actionId}`;
}

function linksOf(row: ActionRow | undefined): string {
  if (!row || !Array.isArray(row.links)) return '';
  return (row.links as unknown[])
    .map((link) =>
      typeof link === 'object' && link !== null && 'label' in link ? String(link.label) : '',
    )
    .filter((label) => label !== '')
    .join('; ');
}

function actionsBlocks(part: Part<'actions'>, context: SectionContext): ReportBlock[] {
  if (part.actions.length === 0) return [{ type: 'paragraph', text: 'Er zijn geen acties.' }];
  const confirmed = part.actions.filter((action) => action.status === 'confirmed').length;
  const rows = part.actions.map((action) => ({
    action,
    row: context.actions.get(actionKey(part.activityId, action.id)),
  }));
  return [
    {
      type: 'paragraph',
      text: `${countOf(part.actions.length, 'actie', 'acties')}, waarvan ${formatNumber(confirmed)} bevestigd in het lab.`,
    },
    {
      type: 'table',
      caption: `Acties uit ${part.title}, de belangrijkste eerst`,
      columns: [
        'Actie',
        'Trekker',
        'Termijn',
        'Status in het lab',
        'Stippen',
        'Gekoppeld aan',
        'Opvolging',
      ],
      rows: rows.map(({ action, row }) => [
        action.title,
        action.owner,
        labelOf(horizonLabels, action.horizon),
        labelOf(actionStatusLabels, action.status),
        action.dots,
        linksOf(row),
        row ? `${labelOf(actionStatusLabels, row.status)}, ${row.progress}%` : '',
      ]),
    },
  ];
}

/** The blocks that show one activity's part of the synthesis. Pure. */
export function activityBlocks(part: ActivitySynthesis, context: SectionContext): ReportBlock[] {
  switch (part.kind) {
    case 'canvas':
      return canvasBlocks(part, context);
    case 'poll':
      return pollBlocks(part);
    case 'trendscan':
      return trendscanBlocks(part, context);
    case 'scenarios':
      return scenariosBlocks(part);
    case 'vision':
      return visionBlocks(part, context);
    case 'positioning':
      return positioningBlocks(part, context);
    case 'actions':
      return actionsBlocks(part, context);
  }
}

// ---------------------------------------------------------------------------------------------
// The question and the synthesis (pure)

function questionSection(details: LabDetails): ReportSection {
  const question = details.lab.question.trim();
  return {
    key: 'question',
    title: sectionTitles.question,
    activityKind: null,
    blocks: [
      { type: 'paragraph', text: question || 'Voor dit lab is geen vraagstuk opgegeven.' },
      { type: 'heading', text: 'Programma' },
      details.activities.length === 0
        ? { type: 'paragraph', text: 'Het programma is leeg.' }
        : {
            type: 'list',
            ordered: true,
            items: details.activities.map((activity) => {
              const kind = activityKind.safeParse(activity.kind);
              return kind.success ? `${activity.title} (${kindLabels[kind.data]})` : activity.title;
            }),
          },
    ],
  };
}

interface ThemeTotal {
  label: string;
  notes: number;
  dots: number;
  where: Set<string>;
}

/** The synthesis across the lab: themes chosen, the themes in the notes, and the key figures. */
function synthesisSection(synthesis: Synthesis): ReportSection {
  const blocks: ReportBlock[] = [];
  const canvases = synthesis.activities.filter(
    (part): part is Part<'canvas'> => part.kind === 'canvas',
  );
  const notes = canvases.flatMap((part) => part.sections.flatMap((section) => section.notes));
  const dots = notes.reduce((total, note) => total + note.dots, 0);
  const actions = synthesis.activities.flatMap((part) =>
    part.kind === 'actions' ? part.actions : [],
  );
  const robust = synthesis.activities.flatMap((part) =>
    part.kind === 'scenarios' ? part.actions.filter((action) => action.robust) : [],
  );
  blocks.push({
    type: 'list',
    ordered: false,
    items: [
      `${countOf(notes.length, 'notitie', 'notities')} op ${countOf(canvases.length, 'canvas', 'canvassen')}, met ${countOf(dots, 'stip', 'stippen')}`,
      ...synthesis.activities.flatMap((part) =>
        part.kind === 'poll' || part.kind === 'trendscan'
          ? [`${part.title}: ${countOf(part.respondents, 'deelnemer', 'deelnemers')}`]
          : [],
      ),
      `${countOf(actions.length, 'actie', 'acties')} afgesproken`,
      `${countOf(robust.length, 'robuuste actie', 'robuuste acties')} uit de scenario’s`,
    ],
  });
  if (synthesis.themes.length > 0) {
    blocks.push({ type: 'heading', text: 'Gekozen thema’s' });
    blocks.push({
      type: 'list',
      ordered: false,
      items: synthesis.themes.map((theme) => theme.label),
    });
  }

  const totals = new Map<string, ThemeTotal>();
  for (const part of canvases) {
    for (const section of part.sections) {
      const byId = new Map(section.notes.map((note) => [note.id, note]));
      for (const group of section.groups) {
        if (group.key === OTHER_GROUP_KEY) continue;
        const grouped = group.noteIds.flatMap((id) => byId.get(id) ?? []);
        if (grouped.length === 0) continue;
        const key = group.label.trim().toLocaleLowerCase('nl');
        const total = totals.get(key) ?? {
          label: group.label,
          notes: 0,
          dots: 0,
          where: new Set(),
        };
        total.notes += grouped.length;
        total.dots += grouped.reduce((sum, note) => sum + note.dots, 0);
        total.where.add(`${part.title}: ${section.title}`);
        totals.set(key, total);
      }
    }
  }
  blocks.push({ type: 'heading', text: 'Thema’s in de notities' });
  blocks.push({ type: 'paragraph', text: synthesis.grouping.method });
  const themes = [...totals.values()].sort(
    (a, b) => b.notes - a.notes || b.dots - a.dots || a.label.localeCompare(b.label, 'nl'),
  );
  blocks.push(
    themes.length === 0
      ? { type: 'paragraph', text: 'Er zijn geen notities die samen een thema vormen.' }
      : {
          type: 'table',
          caption: 'Thema’s die in de notities van het hele lab terugkomen',
          columns: ['Thema', 'Notities', 'Stippen', 'Waar'],
          rows: themes.map((theme) => [
            theme.label,
            theme.notes,
            theme.dots,
            [...theme.where].join('; '),
          ]),
        },
  );
  const titles = new Map(canvases.map((part) => [part.activityId, part.title]));
  const top = [...notes]
    .filter((note) => note.dots > 0)
    .sort((a, b) => b.dots - a.dots)
    .slice(0, 10);
  if (top.length > 0) {
    blocks.push({ type: 'heading', text: 'Notities met de meeste stippen in het hele lab' });
    blocks.push({
      type: 'table',
      caption: 'Notities met de meeste stippen in het hele lab',
      columns: ['Notitie', 'Werkvorm', 'Stippen'],
      rows: top.map((note) => [note.text, titles.get(note.activityId) ?? '', note.dots]),
    });
  }
  if (synthesis.unavailable.length > 0) {
    blocks.push({
      type: 'paragraph',
      text: `De resultaten van ${synthesis.unavailable.map((u) => `“${u.title}”`).join(', ')} konden niet worden gelezen en tellen hier niet mee.`,
    });
  }
  return { key: 'synthesis', title: sectionTitles.synthesis, activityKind: null, blocks };
}

function readConfig(activity: LabDetails['activities'][number], position: number): ActivityConfig {
  const kind = activityKind.safeParse(activity.kind);
  const config = activityConfig.safeParse(activity.config);
  if (!kind.success || !config.success || config.data.kind !== kind.data) {
    throw new ReportBuildError(
      `De instellingen van werkvorm ${position} (“${activity.title}”) zijn beschadigd, daarom kan het verslag niet worden gemaakt. Meld dit aan de beheerder van Stadshart; zodra de instellingen zijn hersteld, kunt u het verslag opnieuw laten maken.`,
    );
  }
  return config.data;
}

/** Every section of the generation in generated order: question, activities, synthesis. Pure. */
export function buildSections(input: {
  details: LabDetails;
  synthesis: Synthesis;
  actions: readonly ActionRow[];
  acceptedSuggestions: Map<string, string[]>;
}): ReportSection[] {
  const context: SectionContext = {
    placeNames: new Map(input.synthesis.places.map((place) => [place.id, place.name])),
    actions: new Map(input.actions.map((row) => [actionKey(row.activityId, row.actionId), row])),
    acceptedSuggestions: input.acceptedSuggestions,
  };
  const parts = new Map(input.synthesis.activities.map((part) => [part.activityId, part]));
  const unavailable = new Set(input.synthesis.unavailable.map((u) => u.activityId));
  const sections: ReportSection[] = [questionSection(input.details)];
  input.details.activities.forEach((activity, index) => {
    const config = readConfig(activity, index + 1);
    const part = parts.get(activity.id);
    const kind: ActivityKind = config.kind;
    sections.push({
      key: `activity:${activity.id}`,
      title: activity.title,
      activityKind: kind,
      blocks: part
        ? activityBlocks(part, context)
        : [
            {
              type: 'paragraph',
              text: unavailable.has(activity.id)
                ? 'Het resultaat van deze werkvorm kon niet worden gelezen. Meld dit aan de beheerder van Stadshart.'
                : 'Deze werkvorm heeft geen resultaat.',
            },
          ],
    });
  });
  sections.push(synthesisSection(input.synthesis));
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Quotable notes and raw data from the projection tables

function sectionTitlesOf(details: LabDetails): Map<string, Map<string, string>> {
  const titles = new Map<string, Map<string, string>>();
  for (const activity of details.activities) {
    const config = activityConfig.safeParse(activity.config);
    if (config.success && config.data.kind === 'canvas') {
      titles.set(
        activity.id,
        new Map(config.data.sections.map((section) => [section.key, section.title])),
      );
    }
  }
  return titles;
}

function pollOptionLabels(details: LabDetails): Map<string, Map<string, string>> {
  const labels = new Map<string, Map<string, string>>();
  for (const activity of details.activities) {
    const config = activityConfig.safeParse(activity.config);
    if (config.success && config.data.kind === 'poll') {
      labels.set(
        activity.id,
        new Map(config.data.options.map((option) => [option.key, option.label])),
      );
    }
  }
  return labels;
}

function itemTitlesOf(synthesis: Synthesis): Map<string, string> {
  const titles = new Map<string, string>();
  for (const part of synthesis.activities) {
    if (part.kind !== 'trendscan') continue;
    for (const item of part.ranking) titles.set(`${part.activityId}|${item.itemKey}`, item.title);
  }
  return titles;
}

async function readRaw(
  ctx: AppContext,
  details: LabDetails,
  synthesis: Synthesis,
  actions: readonly ActionRow[],
): Promise<{ raw: ReportRawData; quotableNotes: QuotableNote[] }> {
  const db = ctx.database.db;
  const anonymous = details.lab.anonymous;
  const labId = details.lab.id;
  const [notes, dots, answers, scores] = await Promise.all([
    listLabNotes(db, labId),
    listLabDots(db, labId),
    listLabPollAnswers(db, labId),
    listLabScores(db, labId),
  ]);
  const sections = sectionTitlesOf(details);
  const options = pollOptionLabels(details);
  const items = itemTitlesOf(synthesis);
  const sectionOf = (activityId: string, key: string) => sections.get(activityId)?.get(key) ?? key;

  const quotableNotes = notes.map((note) => ({
    id: noteRef(note.activityId, note.noteId),
    activityTitle: note.activityTitle,
    sectionTitle: sectionOf(note.activityId, note.sectionKey),
    text: note.text,
    author: nameOf(anonymous, note.authorName),
    dots: note.dots,
  }));
  const raw: ReportRawData = {
    notes: notes.map((note) => ({
      id: noteRef(note.activityId, note.noteId),
      activity: note.activityTitle,
      section: sectionOf(note.activityId, note.sectionKey),
      text: note.text,
      author: nameOf(anonymous, note.authorName),
      dots: note.dots,
      createdAt: note.createdAt.toISOString(),
    })),
    votes: [
      ...dots.map((dot) => ({
        activity: dot.activityTitle,
        target: dot.noteText ?? 'Notitie die niet meer bestaat',
        voter: nameOf(anonymous, dot.voterName),
        count: dot.dots,
      })),
      ...answers.flatMap((answer) => {
        const voter = nameOf(anonymous, answer.voterName);
        const targets =
          answer.choices && answer.choices.length > 0
            ? answer.choices.map((key) => options.get(answer.activityId)?.get(key) ?? key)
            : answer.value !== null
              ? [String(answer.value)]
              : answer.text
                ? [answer.text]
                : [];
        return targets.map((target) => ({
          activity: answer.activityTitle,
          target,
          voter,
          count: 1,
        }));
      }),
    ],
    scores: scores.map((score) => ({
      activity: score.activityTitle,
      item: items.get(`${score.activityId}|${score.itemKey}`) ?? score.itemKey,
      place: score.placeName,
      participant: nameOf(anonymous, score.participantName),
      relevance: score.relevance,
      impact: score.impact,
      uncertainty: score.uncertainty,
    })),
    actions: actions.map((action) => ({
      activity: action.activityTitle,
      title: action.title,
      owner: action.ownerName,
      horizon: labelOf(horizonLabels, action.horizon),
      status: labelOf(actionStatusLabels, action.status),
      dots: action.dots,
      links: linksOf(action),
    })),
  };
  return { raw, quotableNotes };
}

/** Accepted suggestions of the lab's vision activities, read from their documents. */
async function readAcceptedSuggestions(
  ctx: AppContext,
  details: LabDetails,
): Promise<Map<string, string[]>> {
  const visions = details.activities.filter((activity) => activity.kind === 'vision');
  const labId = details.lab.id;
  const docs = await readDocuments(
    ctx,
    labId,
    visions.map((activity) => activityDocumentName(labId, activity.id)),
  );
  const accepted = new Map<string, string[]>();
  for (const activity of visions) {
    const doc = docs.get(activityDocumentName(labId, activity.id)) ?? new Y.Doc();
    accepted.set(
      activity.id,
      readSuggestions(doc)
        .filter((suggestion) => suggestion.status === 'accepted')
        .map((suggestion) => suggestion.text.trim()),
    );
  }
  return accepted;
}

function coverOf(
  details: LabDetails,
  names: { orgName: string; regionName: string | null },
): ReportCover {
  const { lab } = details;
  return {
    title: lab.title,
    question: lab.question,
    orgName: names.orgName,
    places: details.places.map((place) => place.name),
    region: names.regionName,
    date: lab.startsAt ? lab.startsAt.toISOString() : null,
    venue: lab.venue,
    facilitators: details.facilitators.map((person) => person.name),
    participantCount: details.participantCount,
    anonymous: lab.anonymous,
  };
}

/**
 * Builds the generated content of the lab's report, reporting its progress as it goes. Throws
 * ReportBuildError, with a message for the facilitator, when an activity's settings cannot be
 * read; the caller keeps the previous generation.
 */
export async function buildReport(
  ctx: AppContext,
  labId: string,
  progress: ReportProgress,
): Promise<GeneratedReport> {
  const db = ctx.database.db;
  await progress(5, 'lab');
  const details = await findLabDetails(db, labId);
  if (!details) throw new ReportBuildError('Dit lab bestaat niet meer.');
  const names = await findCoverNames(db, details.lab.orgId, details.lab.regionId);
  await progress(15, 'synthesis');
  const synthesis = await computeFacilitatorSynthesis(ctx, details);
  await progress(45, 'activities');
  const [actions, acceptedSuggestions] = await Promise.all([
    listLabActions(db, labId),
    readAcceptedSuggestions(ctx, details),
  ]);
  const sections = buildSections({ details, synthesis, actions, acceptedSuggestions });
  await progress(70, 'raw');
  const { raw, quotableNotes } = await readRaw(ctx, details, synthesis, actions);
  return generatedReport.parse({
    labId,
    generatedAt: new Date().toISOString(),
    cover: coverOf(details, names),
    sections,
    quotableNotes,
    raw,
  });
}
