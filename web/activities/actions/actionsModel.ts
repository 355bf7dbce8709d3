// Pure helpers of the actions views: the link choices from the lab's themes and synthesis, the
// form's draft and its checks, and the ranking by dots.
import { z } from 'zod';
import type { ActionDraft } from '../../../common/activities/actions.doc.ts';
import {
  ACTION_DESCRIPTION_MAX,
  ACTION_LINK_KEY_MAX,
  ACTION_LINK_LABEL_MAX,
  ACTION_LINKS_MAX,
  ACTION_OWNER_MAX,
  ACTION_TITLE_MAX,
  actionLinkTypes,
  compareByPriority,
  isoDate,
  linkId,
  type ActionLink,
  type ActionLinkType,
  type ActionValue,
} from '../../../common/activities/actions.ts';
import type { LabTheme } from '../../../common/labs.ts';

/** The longest label a link gets: a canvas note can be long, a checkbox label should not be. */
export const LINK_LABEL_SHOWN_MAX = 120;

/** Cuts `text` to `max` characters at a word where possible, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

// Only the parts of the synthesis the link choices need: read leniently, so a change in another
// kind's part never takes the form down.
const trendPart = z.object({
  kind: z.literal('trendscan'),
  ranking: z.array(z.object({ itemKey: z.string(), title: z.string() })),
});
const canvasPart = z.object({
  kind: z.literal('canvas'),
  activityId: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      notes: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});
const scenariosPart = z.object({
  kind: z.literal('scenarios'),
  activityId: z.string(),
  quadrants: z.array(z.object({ key: z.string(), name: z.string() })),
});
const synthesisActivities = z.object({ activities: z.array(z.unknown()) });

/** The canvas section whose notes are opportunities (the "Canvas Nieuwe Binnensteden"). */
export const OPPORTUNITIES_SECTION = 'kansen';

function linkOf(type: ActionLinkType, key: string, label: string): ActionLink | null {
  const shown = shorten(label, Math.min(LINK_LABEL_SHOWN_MAX, ACTION_LINK_LABEL_MAX));
  if (shown === '' || key === '' || key.length > ACTION_LINK_KEY_MAX) return null;
  return { type, key, label: shown };
}

/**
 * What an action can be linked to: the lab's chosen themes and, when the synthesis could be read,
 * the trends of its trend scans, the notes in the opportunities section of its canvases and the
 * names of its scenarios. Each link once, grouped by type in a fixed order.
 */
export function linkChoicesFrom(themes: readonly LabTheme[], synthesis: unknown): ActionLink[] {
  const links: (ActionLink | null)[] = themes.map((theme) =>
    linkOf('theme', theme.key, theme.label),
  );
  const parsed = synthesisActivities.safeParse(synthesis);
  for (const part of parsed.success ? parsed.data.activities : []) {
    const trends = trendPart.safeParse(part);
    if (trends.success) {
      for (const item of trends.data.ranking) links.push(linkOf('trend', item.itemKey, item.title));
    }
    const canvas = canvasPart.safeParse(part);
    if (canvas.success) {
      for (const section of canvas.data.sections) {
        if (section.key !== OPPORTUNITIES_SECTION) continue;
        for (const note of section.notes) {
          links.push(linkOf('opportunity', `${canvas.data.activityId}:${note.id}`, note.text));
        }
      }
    }
    const scenarios = scenariosPart.safeParse(part);
    if (scenarios.success) {
      for (const quadrant of scenarios.data.quadrants) {
        links.push(
          linkOf('scenario', `${scenarios.data.activityId}:${quadrant.key}`, quadrant.name),
        );
      }
    }
  }
  const seen = new Set<string>();
  const unique: ActionLink[] = [];
  for (const link of links) {
    if (!link || seen.has(linkId(link))) continue;
    seen.add(linkId(link));
    unique.push(link);
  }
  const order = (type: ActionLinkType) => actionLinkTypes.indexOf(type);
  return unique.sort((a, b) => order(a.type) - order(b.type));
}

/**
 * The choices the form offers for one action: everything available now, plus the links the
 * action already has (a note may have left the canvas; the link stays until someone unticks it).
 */
export function choicesWithCurrent(
  choices: readonly ActionLink[],
  current: readonly ActionLink[],
): ActionLink[] {
  const known = new Set(choices.map(linkId));
  return [...choices, ...current.filter((link) => !known.has(linkId(link)))];
}

/** What the form holds: dates as typed (empty means none). */
export interface ActionFormValues {
  title: string;
  description: string;
  ownerName: string;
  horizon: 'term' | 'later';
  startsOn: string;
  endsOn: string;
  links: ActionLink[];
}

/** The empty form. */
export function emptyFormValues(): ActionFormValues {
  return {
    title: '',
    description: '',
    ownerName: '',
    horizon: 'term',
    startsOn: '',
    endsOn: '',
    links: [],
  };
}

/** The form filled with an action, for editing it. */
export function formValuesOf(action: ActionValue): ActionFormValues {
  return {
    title: action.title,
    description: action.description,
    ownerName: action.ownerName,
    horizon: action.horizon,
    startsOn: action.startsOn ?? '',
    endsOn: action.endsOn ?? '',
    links: action.links,
  };
}

export type ActionFormField =
  'title' | 'description' | 'ownerName' | 'startsOn' | 'endsOn' | 'links';

/** Why a field is not right yet, as a message key (namespace actions, under form.errors). */
export type ActionFormProblem =
  | 'titleEmpty'
  | 'titleLong'
  | 'descriptionLong'
  | 'ownerLong'
  | 'dateInvalid'
  | 'endBeforeStart'
  | 'tooManyLinks';

/**
 * Checks the form with the same limits the server holds the document to; returns the draft to
 * write, or the problem per field.
 */
export function checkFormValues(
  values: ActionFormValues,
):
  | { ok: true; draft: ActionDraft }
  | { ok: false; problems: Partial<Record<ActionFormField, ActionFormProblem>> } {
  const problems: Partial<Record<ActionFormField, ActionFormProblem>> = {};
  const title = values.title.trim();
  if (title === '') problems.title = 'titleEmpty';
  else if (title.length > ACTION_TITLE_MAX) problems.title = 'titleLong';
  const description = values.description.trim();
  if (description.length > ACTION_DESCRIPTION_MAX) problems.description = 'descriptionLong';
  const ownerName = values.ownerName.trim();
  if (ownerName.length > ACTION_OWNER_MAX) problems.ownerName = 'ownerLong';
  const startsOn = values.startsOn.trim() || null;
  const endsOn = values.endsOn.trim() || null;
  if (startsOn !== null && !isoDate.safeParse(startsOn).success) problems.startsOn = 'dateInvalid';
  if (endsOn !== null && !isoDate.safeParse(endsOn).success) problems.endsOn = 'dateInvalid';
  if (!problems.startsOn && !problems.endsOn && startsOn && endsOn && endsOn < startsOn) {
    problems.endsOn = 'endBeforeStart';
  }
  if (values.links.length > ACTION_LINKS_MAX) problems.links = 'tooManyLinks';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      title,
      description,
      ownerName,
      horizon: values.horizon,
      startsOn,
      endsOn,
      links: values.links,
    },
  };
}

/** Actions as the big screen ranks them: confirmed first, then by dots, then the room's order. */
export function rankActions(
  actions: readonly ActionValue[],
  tally: ReadonlyMap<string, number>,
): { action: ActionValue; dots: number }[] {
  return actions
    .map((action) => ({ action, dots: tally.get(action.id) ?? 0 }))
    .sort((a, b) =>
      compareByPriority({ ...a.action, dots: a.dots }, { ...b.action, dots: b.dots }),
    );
}
